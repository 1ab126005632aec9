#include "modules/events/api.hpp"

#include "modules/events/repository.hpp"

namespace manzuma::modules {

std::int64_t trained_in_edition(db::Session& s, std::int64_t edition_id) {
  return events::people_trained(s, edition_id).total;
}

}  // namespace manzuma::modules
