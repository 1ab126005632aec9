#include "modules/events/rules.hpp"

#include <initializer_list>
#include <string>

#include "core/error.hpp"

namespace manzuma::modules::events {

namespace {

const char* status_ar(EventStatus s) {
  switch (s) {
    case EventStatus::planned:
      return "مخطط لها";
    case EventStatus::held:
      return "منعقدة";
    case EventStatus::cancelled:
      return "ملغاة";
  }
  return "";
}

const char* status_en(EventStatus s) {
  switch (s) {
    case EventStatus::planned:
      return "planned";
    case EventStatus::held:
      return "held";
    case EventStatus::cancelled:
      return "cancelled";
  }
  return "";
}

bool digits(std::string_view t, std::initializer_list<std::size_t> at) {
  for (auto i : at)
    if (i >= t.size() || t[i] < '0' || t[i] > '9') return false;
  return true;
}

core::Error state_conflict(std::string ar, std::string en, std::string field = {}) {
  return core::Error(core::ErrorKind::conflict, "invalid_state", std::move(ar), std::move(en), std::move(field));
}

}  // namespace

bool is_clock_time(std::string_view t) {
  if (t.size() != 5 || t[2] != ':' || !digits(t, {0, 1, 3, 4})) return false;
  return std::stoi(std::string(t.substr(0, 2))) < 24 && std::stoi(std::string(t.substr(3, 2))) < 60;
}

void require_transition(EventStatus from, EventStatus to) {
  if (from == EventStatus::planned && (to == EventStatus::held || to == EventStatus::cancelled)) return;
  throw core::Error(core::ErrorKind::conflict, "invalid_transition",
                    std::string("الفعالية ") + status_ar(from) + "؛ لا يمكن نقلها إلى حالة «" + status_ar(to) + "»",
                    std::string("The event is ") + status_en(from) + "; it cannot move to " + status_en(to), "to");
}

void require_open_for_registration(EventStatus status) {
  if (status == EventStatus::planned) return;
  throw state_conflict(std::string("الفعالية ") + status_ar(status) + "؛ التسجيل فيها مغلق",
                       std::string("The event is ") + status_en(status) + "; registration is closed");
}

void require_held(EventStatus status) {
  if (status == EventStatus::held) return;
  throw state_conflict(std::string("الفعالية ") + status_ar(status) + "؛ يُسجَّل الحضور بعد انعقادها",
                       std::string("The event is ") + status_en(status) + "; attendance is marked once it is held");
}

}  // namespace manzuma::modules::events
