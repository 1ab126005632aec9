// Demo data for partnerships (see demo.hpp).

#include "app/app.hpp"
#include "app/demo.hpp"

namespace manzuma::app {

void seed_partnerships(App&, DemoRefs&) {}

}  // namespace manzuma::app
