#include "modules/editions/rules.hpp"

#include <chrono>
#include <string>

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

bool is_iso_date(std::string_view t) {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (t[i] < '0' || t[i] > '9') return false;
  const int y = std::stoi(std::string(t.substr(0, 4)));
  const unsigned m = static_cast<unsigned>(std::stoi(std::string(t.substr(5, 2))));
  const unsigned d = static_cast<unsigned>(std::stoi(std::string(t.substr(8, 2))));
  return std::chrono::year_month_day{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}}.ok();
}

void check_period(platform::Validator& v, std::string_view starts_on, std::string_view ends_on) {
  const bool start_ok = is_iso_date(starts_on), end_ok = is_iso_date(ends_on);
  if (!start_ok) v.fail("starts_on", "invalid_date", "تاريخ غير صالح (YYYY-MM-DD)", "Not a valid date (YYYY-MM-DD)");
  if (!end_ok) v.fail("ends_on", "invalid_date", "تاريخ غير صالح (YYYY-MM-DD)", "Not a valid date (YYYY-MM-DD)");
  // ISO days compare as text.
  if (start_ok && end_ok && ends_on < starts_on)
    v.fail("ends_on", "before_start", "تاريخ النهاية قبل تاريخ البداية", "The end date is before the start date");
}

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
