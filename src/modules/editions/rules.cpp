#include "modules/editions/rules.hpp"

#include <string>

#include "core/error.hpp"

namespace manzuma::modules::editions {

namespace {

const char* status_ar(EditionStatus s) {
  switch (s) {
    case EditionStatus::planning:
      return "قيد التخطيط";
    case EditionStatus::open:
      return "مفتوحة";
    case EditionStatus::closed:
      return "مغلقة";
  }
  return "";
}

const char* status_en(EditionStatus s) {
  switch (s) {
    case EditionStatus::planning:
      return "in planning";
    case EditionStatus::open:
      return "open";
    case EditionStatus::closed:
      return "closed";
  }
  return "";
}

}  // namespace

void require_transition(EditionStatus from, EditionStatus to) {
  const bool allowed = (from == EditionStatus::planning && to == EditionStatus::open) ||
                       (from == EditionStatus::open && to == EditionStatus::closed);
  if (allowed) return;
  std::string ar = std::string("النسخة ") + status_ar(from) + "؛ لا يمكن نقلها إلى حالة «" + status_ar(to) + "»";
  std::string en = std::string("The edition is ") + status_en(from) + "; it cannot move to " + status_en(to);
  if (from == EditionStatus::closed) {
    ar += "، فالإغلاق نهائي";
    en += " (closing is final)";
  }
  throw core::Error(core::ErrorKind::conflict, "invalid_transition", std::move(ar), std::move(en), "to");
}

}  // namespace manzuma::modules::editions
