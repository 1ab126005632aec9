#include "modules/notifications/service.hpp"

namespace manzuma::modules {}  // namespace manzuma::modules
