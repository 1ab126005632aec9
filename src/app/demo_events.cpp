// Demo data for events (see demo.hpp).

#include "app/app.hpp"
#include "app/demo.hpp"

namespace manzuma::app {

void seed_events(App&, DemoRefs&) {}

}  // namespace manzuma::app
