#include "modules/adoptions/service.hpp"

namespace manzuma::modules {}  // namespace manzuma::modules
