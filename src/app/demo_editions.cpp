// Demo data for editions (see demo.hpp).

#include "app/app.hpp"
#include "app/demo.hpp"

namespace manzuma::app {

void seed_editions(App&, DemoRefs&) {}

}  // namespace manzuma::app
