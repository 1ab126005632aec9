// Demo data for research (see demo.hpp).

#include "app/app.hpp"
#include "app/demo.hpp"

namespace manzuma::app {

void seed_research(App&, DemoRefs&) {}

}  // namespace manzuma::app
