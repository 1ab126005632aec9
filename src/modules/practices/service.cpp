#include "modules/practices/service.hpp"

namespace manzuma::modules {}  // namespace manzuma::modules
