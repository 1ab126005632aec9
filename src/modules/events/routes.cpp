// HTTP glue for events: parse, call the service, return. No SQL, no rules.

#include "modules/events/routes.hpp"

#include "http/list_query.hpp"
#include "modules/events/service.hpp"
#include "platform/export/export_route.hpp"

namespace manzuma::modules {

void events_routes(http::Router& r, EventService& svc) {
  static const std::vector<std::string_view> kFilters = {"edition_id", "kind", "status"};
  static const std::vector<std::string_view> kSorts = {"starts_on", "title_ar", "title_en", "id"};
  r.set_tag("events");
  r.get<core::Page<Event>>(
      "/api/v1/events",
      {.action = "events.read",
       .summary = "List forums, workshops and training (filter by edition, kind, status)",
       .query = http::list_query_doc(kFilters)},
      [&svc](http::Context& c) { return svc.list(c.actor(), http::parse_list_query(c.request, kFilters, kSorts)); });
  platform::list_export<Event>(r, "/api/v1/events",
                               {.action = "events.read",
                                .title_ar = "الملتقيات والفعاليات",
                                .title_en = "events",
                                .labels = platform::record_export_labels()},
                               kFilters, kSorts,
                               [&svc](http::Context& c, const core::ListQuery& q) { return svc.list(c.actor(), q); });
  r.get<EventDetail>("/api/v1/events/{id}",
                     {.action = "events.read", .summary = "One event with its sessions and your registration"},
                     [&svc](http::Context& c) { return svc.get(c.actor(), c.id()); });
  r.post<EventInput, Event>("/api/v1/events", {.action = "events.manage", .summary = "Create an event", .status = 201},
                            [&svc](http::Context& c, EventInput in) { return svc.create(c.actor(), in); });
  r.put<EventUpdate, Event>("/api/v1/events/{id}",
                            {.action = "events.manage", .summary = "Edit an event (send the version you read)"},
                            [&svc](http::Context& c, EventUpdate in) { return svc.update(c.actor(), c.id(), in); });
  r.post<EventTransition, Event>(
      "/api/v1/events/{id}/transition",
      {.action = "events.manage", .summary = "Mark an event held or cancelled (from planned only)"},
      [&svc](http::Context& c, EventTransition in) { return svc.transition(c.actor(), c.id(), in); });
  r.post<EventSessionInput, EventSession>(
      "/api/v1/events/{id}/sessions", {.action = "events.manage", .summary = "Add a session", .status = 201},
      [&svc](http::Context& c, EventSessionInput in) { return svc.add_session(c.actor(), c.id(), in); });
  r.del<void>("/api/v1/events/{id}/sessions/{session_id}", {.action = "events.manage", .summary = "Remove a session"},
              [&svc](http::Context& c) { svc.delete_session(c.actor(), c.id(), c.id("session_id")); });
  r.get<std::vector<EventRegistration>>("/api/v1/events/{id}/registrations",
                                        {.action = "events.manage", .summary = "Who registered, and who attended"},
                                        [&svc](http::Context& c) { return svc.registrations(c.actor(), c.id()); });
  r.post<RegistrationInput, EventRegistration>(
      "/api/v1/events/{id}/registrations",
      {.action = "events.manage", .summary = "Register someone by name, e-mail and organisation", .status = 201},
      [&svc](http::Context& c, RegistrationInput in) { return svc.register_person(c.actor(), c.id(), in); });
  r.post<void, EventRegistration>("/api/v1/events/{id}/registrations/me",
                                  {.action = "events.register",
                                   .summary = "Register yourself (while the event is planned and has seats)",
                                   .status = 201},
                                  [&svc](http::Context& c) { return svc.register_self(c.actor(), c.id()); });
  r.put<AttendanceInput, EventRegistration>(
      "/api/v1/events/{id}/registrations/{registration_id}/attendance",
      {.action = "events.manage", .summary = "Mark whether a registered person attended (once the event is held)"},
      [&svc](http::Context& c, AttendanceInput in) {
        return svc.set_attendance(c.actor(), c.id(), c.id("registration_id"), in);
      });
  r.get<PeopleTrained>(
      "/api/v1/editions/{id}/people-trained",
      {.action = "events.read",
       .summary = "People trained in an edition: attended training/workshop registrations plus reported counts"},
      [&svc](http::Context& c) { return svc.people_trained(c.actor(), c.id()); });
}

}  // namespace manzuma::modules
