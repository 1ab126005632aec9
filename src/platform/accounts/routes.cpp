// HTTP glue for users and their roles.

#include "platform/routes.hpp"

#include "http/list_query.hpp"
#include "platform/accounts/service.hpp"
#include "platform/export/export_route.hpp"

namespace manzuma::platform {

namespace {
const std::vector<ExportLabel> kUserLabels = {
    {"id", "المعرّف", "ID"},
    {"email", "البريد الإلكتروني", "Email"},
    {"name_ar", "الاسم بالعربية", "Name (Arabic)"},
    {"name_en", "الاسم بالإنجليزية", "Name (English)"},
    {"national_id", "الرقم المدني", "National ID"},
    {"locale", "اللغة", "Language"},
    {"calendar", "التقويم", "Calendar"},
    {"digits", "الأرقام", "Digits"},
    {"active", "نشط", "Active"},
    {"version", "الإصدار", "Version"},
    {"created_at", "أُنشئ في", "Created at"},
    {"updated_at", "عُدّل في", "Updated at"},
    {"memberships", "الأدوار", "Roles"},
};
}  // namespace

void account_routes(http::Router& r, AccountService& svc) {
  static const std::vector<std::string_view> kFilters = {"organization_id", "role", "active"};
  static const std::vector<std::string_view> kSorts = {"name_ar", "name_en", "email", "id"};
  r.set_tag("users");
  r.get<core::Page<User>>(
      "/api/v1/users",
      {.action = "users.read",
       .summary = "List the users the caller administers",
       .query = http::list_query_doc(kFilters)},
      [&svc](http::Context& c) { return svc.list(c.actor(), http::parse_list_query(c.request, kFilters, kSorts)); });
  list_export<User>(r, "/api/v1/users",
                    {.action = "users.read", .title_ar = "المستخدمون", .title_en = "users", .labels = kUserLabels},
                    kFilters, kSorts,
                    [&svc](http::Context& c, const core::ListQuery& q) { return svc.list(c.actor(), q); });
  r.get<User>("/api/v1/users/{id}", {.action = "users.read", .summary = "One user"},
              [&svc](http::Context& c) { return svc.get(c.actor(), c.id()); });
  r.post<UserInput, UserCreated>("/api/v1/users",
                                 {.action = "users.create",
                                  .summary = "Create a user with roles (a temporary password is returned once when "
                                             "none is given)",
                                  .status = 201,
                                  .returns_secret = true},
                                 [&svc](http::Context& c, UserInput in) { return svc.create(c.actor(), in); });
  r.put<UserUpdate, User>("/api/v1/users/{id}",
                          {.action = "users.update", .summary = "Edit, disable or enable a user (send the version)"},
                          [&svc](http::Context& c, UserUpdate in) { return svc.update(c.actor(), c.id(), in); });
  r.post<void, PasswordReset>("/api/v1/users/{id}/password-reset",
                              {.action = "users.reset_password",
                               .summary = "Reset a user's password; ends their sessions and revokes their API tokens",
                               .returns_secret = true},
                              [&svc](http::Context& c) { return svc.reset_password(c.actor(), c.id()); });
  r.post<MembershipInput, User>(
      "/api/v1/users/{id}/memberships",
      {.action = "memberships.manage", .summary = "Give a user a role in an organisation", .status = 201},
      [&svc](http::Context& c, MembershipInput in) { return svc.add_membership(c.actor(), c.id(), in); });
  r.del<User>("/api/v1/users/{id}/memberships/{membership_id}",
              {.action = "memberships.manage", .summary = "Take a role away from a user"},
              [&svc](http::Context& c) { return svc.remove_membership(c.actor(), c.id(), c.id("membership_id")); });
}

}  // namespace manzuma::platform
