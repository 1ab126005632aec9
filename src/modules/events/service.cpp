#include "modules/events/service.hpp"

namespace manzuma::modules {}  // namespace manzuma::modules
