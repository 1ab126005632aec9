#pragma once
// Every business area's lines of the policy table (platform/rbac.hpp), in one list: the app registers them at
// start-up, and so does any tool that checks permissions the way the server does (bench/micro/platform_bench).

namespace manzuma::modules {

/// Registers every area's policies; call once before the first permission check.
void register_all_policies();

}  // namespace manzuma::modules
