// Demo data for adoptions (see demo.hpp).

#include "app/app.hpp"
#include "app/demo.hpp"

namespace manzuma::app {

void seed_adoptions(App&, DemoRefs&) {}

}  // namespace manzuma::app
