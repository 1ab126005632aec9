#include "modules/partnerships/service.hpp"

namespace manzuma::modules {}  // namespace manzuma::modules
