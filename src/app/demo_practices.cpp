// Demo data for practices (see demo.hpp).

#include "app/app.hpp"
#include "app/demo.hpp"

namespace manzuma::app {

void seed_practices(App&, DemoRefs&) {}

}  // namespace manzuma::app
