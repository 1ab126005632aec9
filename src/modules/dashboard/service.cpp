#include "modules/dashboard/service.hpp"

namespace manzuma::modules {}  // namespace manzuma::modules
