#include "modules/policies.hpp"

#include "modules/adoptions/permissions.hpp"
#include "modules/change/permissions.hpp"
#include "modules/dashboard/permissions.hpp"
#include "modules/editions/permissions.hpp"
#include "modules/events/permissions.hpp"
#include "modules/notifications/permissions.hpp"
#include "modules/partnerships/permissions.hpp"
#include "modules/practices/permissions.hpp"
#include "modules/research/permissions.hpp"
#include "modules/search/permissions.hpp"
#include "platform/rbac.hpp"

namespace manzuma::modules {

void register_all_policies() {
  platform::register_policies(notifications::policies());
  platform::register_policies(editions::policies());
  platform::register_policies(practices::policies());
  platform::register_policies(research::policies());
  platform::register_policies(adoptions::policies());
  platform::register_policies(events::policies());
  platform::register_policies(partnerships::policies());
  platform::register_policies(change::policies());
  platform::register_policies(dashboard::policies());
  platform::register_policies(search::policies());
}

}  // namespace manzuma::modules
