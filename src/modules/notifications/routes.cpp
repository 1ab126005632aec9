// HTTP glue for notifications: parse, call the service, return. No SQL, no rules.

#include "modules/notifications/routes.hpp"

#include "http/list_query.hpp"
#include "modules/notifications/service.hpp"

namespace manzuma::modules {

void notifications_routes(http::Router& r, NotificationService& svc) {
  static const std::vector<std::string_view> kFilters = {"unread"};
  static const std::vector<std::string_view> kNoFilters = {};
  static const std::vector<std::string_view> kSorts = {"id"};
  r.set_tag("notifications");
  r.get<NotificationList>(
      "/api/v1/notifications",
      {.action = "notifications.read",
       .summary = "The caller's notices, newest first (filter[unread]=true), with the unread count",
       .query = http::list_query_doc(kFilters)},
      [&svc](http::Context& c) { return svc.list(c.actor(), http::parse_list_query(c.request, kFilters, kSorts)); });
  r.get<UnreadCount>("/api/v1/notifications/unread-count",
                     {.action = "notifications.read", .summary = "How many of the caller's notices are unread"},
                     [&svc](http::Context& c) { return svc.unread(c.actor()); });
  r.post<void, Notification>("/api/v1/notifications/{id}/read",
                             {.action = "notifications.read", .summary = "Mark one of the caller's notices read"},
                             [&svc](http::Context& c) { return svc.mark_read(c.actor(), c.id()); });
  r.post<void, MarkedRead>("/api/v1/notifications/read-all",
                           {.action = "notifications.read", .summary = "Mark all the caller's notices read"},
                           [&svc](http::Context& c) { return svc.mark_all_read(c.actor()); });
  r.get<core::Page<Digest>>("/api/v1/notifications/digests",
                            {.action = "notifications.read",
                             .summary = "The caller's daily digests, newest first",
                             .query = http::list_query_doc(kNoFilters)},
                            [&svc](http::Context& c) {
                              return svc.digests(c.actor(), http::parse_list_query(c.request, kNoFilters, kSorts));
                            });
}

}  // namespace manzuma::modules
