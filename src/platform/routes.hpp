#pragma once
// Registration of the platform's HTTP routes; src/app/ calls these once at start-up.

#include "core/config.hpp"
#include "db/database.hpp"
#include "http/router.hpp"

namespace manzuma::platform {

class OrganizationService;
class AccountService;
class AuthService;
class AttachmentService;

void organization_routes(http::Router& r, OrganizationService& svc);
void account_routes(http::Router& r, AccountService& svc);
void auth_routes(http::Router& r, AuthService& auth, AccountService& accounts, const core::Config& config);
void audit_routes(http::Router& r, db::Database& db);
void attachment_routes(http::Router& r, AttachmentService& svc);

}  // namespace manzuma::platform
