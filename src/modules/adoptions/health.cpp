#include "modules/adoptions/health.hpp"

#include <algorithm>

#include "core/day.hpp"

namespace manzuma::modules::adoptions {

namespace {

// Arabic counted nouns: 1 إجراء واحد, 2 إجراءان, 3–10 إجراءات, 11+ إجراءً.
std::string actions_ar(std::size_t n) {
  if (n == 1) return "إجراء واحد متأخر";
  if (n == 2) return "إجراءان متأخران";
  if (n <= 10) return std::to_string(n) + " إجراءات متأخرة";
  return std::to_string(n) + " إجراءً متأخراً";
}

}  // namespace

bool is_open(ActionStatus s) {
  return s == ActionStatus::not_started || s == ActionStatus::in_progress || s == ActionStatus::blocked;
}

bool valid_period(std::string_view s) {
  if (core::parse_month(s)) return true;
  const bool quarter = s.size() == 7 && s[4] == '-' && s[5] == 'Q' && s[6] >= '1' && s[6] <= '4';
  return quarter && std::all_of(s.begin(), s.begin() + 4, [](char c) { return c >= '0' && c <= '9'; });
}

HealthVerdict assess_health(const HealthFacts& f, std::string_view today) {
  HealthVerdict v;
  if (f.status != AdoptionStatus::approved) return v;
  const std::string today_s(today);
  if (!f.overdue.empty() || f.ends_on < today_s) {
    v.health = PlanHealth::late;
    if (!f.overdue.empty()) {
      std::string ar = actions_ar(f.overdue.size()) + ": ",
                  en = std::to_string(f.overdue.size()) +
                       (f.overdue.size() == 1 ? " action overdue: " : " actions overdue: ");
      for (std::size_t i = 0; i < f.overdue.size(); ++i) {
        if (i) ar += "، ", en += "; ";
        ar += f.overdue[i].title_ar + " (موعده " + f.overdue[i].due_on + ")";
        en += f.overdue[i].title_en + " (due " + f.overdue[i].due_on + ")";
      }
      v.reasons.push_back({"actions_overdue", ar, en});
    }
    if (f.ends_on < today_s)
      v.reasons.push_back({"plan_ended", "انتهى موعد الخطة في " + f.ends_on + " ولم تكتمل",
                           "The plan was due to end on " + f.ends_on + " and is not completed"});
    return v;
  }
  if (!f.last_progress_at) {
    v.health = PlanHealth::not_started;
    const std::string since = f.approved_at ? f.approved_at->substr(0, 10) : std::string();
    v.reasons.push_back({"no_progress", "اعتُمدت الخطة في " + since + " ولم يُسجَّل أي تقدم بعد",
                         "Approved on " + since + " and no progress has been recorded yet"});
    return v;
  }
  // Progress recorded before approval does not make a freshly approved plan stalled.
  const std::string cutoff = core::add_days(today, -kStalledAfterDays);
  const std::string last = f.last_progress_at->substr(0, 10);
  const std::string approved = f.approved_at ? f.approved_at->substr(0, 10) : last;
  if (last < cutoff && approved < cutoff) {
    v.health = PlanHealth::stalled;
    const auto days = core::days_between(last, today);
    v.reasons.push_back({"stalled", "لم يُحدَّث التقدم منذ " + std::to_string(days) + " يوماً (آخر تحديث " + last + ")",
                         "No progress update for " + std::to_string(days) + " days (last on " + last + ")"});
    return v;
  }
  v.health = PlanHealth::on_track;
  v.reasons.push_back({"on_track", "الإجراءات المفتوحة ضمن مواعيدها، وآخر تحديث للتقدم في " + last,
                       "Open actions are within their dates; last progress update on " + last});
  return v;
}

}  // namespace manzuma::modules::adoptions
