#include "modules/research/service.hpp"

namespace manzuma::modules {}  // namespace manzuma::modules
