#pragma once
// Demo data of the business areas, one file per area (demo_<area>.cpp), loaded by seed_demo after the
// organisations and users of seed.cpp, in the order of DemoRefs' users: editions, practices, research,
// events, partnerships, adoptions, change. Each function writes through its area's service as a demo user, so the
// audit log and notifications tell the same story as real use.

#include <cstdint>
#include <map>
#include <string>

#include "core/actor.hpp"

namespace manzuma::app {

class App;

/// What earlier seeds created, for later ones to refer to.
struct DemoRefs {
  /// Organisations by the keys of seed.cpp ("mol", "dgdqa", "oq", "moi", …) and governorates ("muscat", …).
  std::map<std::string, std::int64_t> organizations;
  /// Demo users by e-mail.
  std::map<std::string, std::int64_t> users;
  /// Records created by area seeds, by a key the area chooses ("edition:2", "practice:risk_management", …).
  std::map<std::string, std::int64_t> records;
  core::Origin origin;

  /// The demo user `email` as a signed-in actor with their memberships (a request's caller, for services).
  core::Actor actor(App& app, const std::string& email) const;
};

void seed_editions(App& app, DemoRefs& refs);
void seed_practices(App& app, DemoRefs& refs);
void seed_research(App& app, DemoRefs& refs);
void seed_events(App& app, DemoRefs& refs);
void seed_partnerships(App& app, DemoRefs& refs);
void seed_adoptions(App& app, DemoRefs& refs);
void seed_change(App& app, DemoRefs& refs);

}  // namespace manzuma::app
