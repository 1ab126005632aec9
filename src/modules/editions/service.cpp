#include "modules/editions/service.hpp"

namespace manzuma::modules {}  // namespace manzuma::modules
