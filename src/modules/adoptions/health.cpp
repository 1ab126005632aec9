#include "modules/adoptions/health.hpp"

#include <chrono>
#include <cstdio>

namespace manzuma::modules::adoptions {

namespace {

std::optional<std::chrono::sys_days> parse_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
  auto num = [&](std::size_t at, std::size_t n) {
    int v = 0;
    for (std::size_t i = at; i < at + n; ++i) v = v * 10 + (s[i] - '0');
    return v;
  };
  const std::chrono::year_month_day ymd{std::chrono::year{num(0, 4)}, std::chrono::month{unsigned(num(5, 2))},
                                        std::chrono::day{unsigned(num(8, 2))}};
  if (!ymd.ok() || num(0, 4) < 1900) return std::nullopt;
  return std::chrono::sys_days{ymd};
}

std::string format_date(std::chrono::sys_days d) {
  const std::chrono::year_month_day ymd{d};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day()));
  return buf;
}

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

bool valid_date(std::string_view s) { return parse_date(s).has_value(); }

bool valid_period(std::string_view s) {
  auto digits = [&](std::size_t at, std::size_t n) {
    for (std::size_t i = at; i < at + n; ++i)
      if (s[i] < '0' || s[i] > '9') return false;
    return true;
  };
  if (s.size() == 7 && s[4] == '-' && digits(0, 4)) {
    if (s[5] == 'Q') return s[6] >= '1' && s[6] <= '4';
    if (!digits(5, 2)) return false;
    const int m = (s[5] - '0') * 10 + (s[6] - '0');
    return m >= 1 && m <= 12;
  }
  return false;
}

std::string add_days(std::string_view date, int days) {
  return format_date(*parse_date(date) + std::chrono::days{days});
}

int days_between(std::string_view from, std::string_view to) {
  return static_cast<int>((*parse_date(to) - *parse_date(from)).count());
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
  const std::string cutoff = add_days(today, -kStalledAfterDays);
  const std::string last = f.last_progress_at->substr(0, 10);
  const std::string approved = f.approved_at ? f.approved_at->substr(0, 10) : last;
  if (last < cutoff && approved < cutoff) {
    v.health = PlanHealth::stalled;
    const int days = days_between(last, today);
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
