#include "modules/notifications/service.hpp"

#include <spdlog/spdlog.h>

#include <map>

#include "core/day.hpp"
#include "core/json.hpp"
#include "modules/notifications/repository.hpp"

namespace manzuma::modules {

namespace repo = notifications;

namespace {

constexpr int kDigestLookbackDays = 7;
constexpr std::size_t kDigestItems = 50;

core::Error notice_not_found() { return core::Error::not_found("الإشعار غير موجود", "The notice was not found"); }

struct KindLabel {
  std::string_view kind, ar, en;
};

// The kinds areas send (notifications/api.hpp), named for digests; an unknown kind shows as itself.
constexpr KindLabel kKinds[] = {
    {"research.assigned", "بحوث أُسندت إليك", "Research assigned to you"},
    {"adoption.submitted", "خطط تطبيقية قُدّمت", "Adoption plans submitted"},
    {"adoption.approved", "خطط تطبيقية اعتُمدت", "Adoption plans approved"},
    {"action.assigned", "إجراءات أُسندت إليك", "Actions assigned to you"},
    {"action.due", "إجراءات يقترب موعدها", "Actions due soon"},
    {"action.overdue", "إجراءات متأخرة", "Overdue actions"},
    {"partnership.renewal", "مذكرات تعاون حان تجديدها", "MoUs due for renewal"},
    {"partnership.expired", "مذكرات تعاون انتهت", "MoUs expired"},
    {"partnership.action_assigned", "إجراءات متابعة أُسندت إليك", "Follow-up actions assigned to you"},
    {"partnership.action_overdue", "إجراءات متابعة متأخرة", "Overdue follow-up actions"},
    {"change.review_requested", "مراجعات بوابات طُلبت منك", "Gate reviews requested of you"},
    {"change.review_decided", "مراجعات بوابات بُتّ فيها", "Gate reviews decided"},
    {"change.review_closed", "مراجعات بوابات أُغلقت بإعادة مبادراتها", "Gate reviews closed by a move back"},
    {"change.action_assigned", "إجراءات تغيير أُسندت إليك", "Change actions assigned to you"},
};

KindLabel label_of(std::string_view kind) {
  for (const auto& k : kKinds)
    if (k.kind == kind) return k;
  return {kind, kind, kind};
}

// One user's day, as stored and e-mailed.
repo::DigestRow build_digest(std::int64_t user_id, const std::string& day, const std::vector<repo::DayNotice>& notices,
                             const std::string& now) {
  std::vector<DigestCount> counts;
  std::map<std::string, std::size_t> at;
  std::vector<DigestItem> items;
  for (const auto& n : notices) {
    auto [it, fresh] = at.try_emplace(n.kind, counts.size());
    if (fresh) {
      const auto l = label_of(n.kind);
      counts.push_back({n.kind, std::string(l.ar), std::string(l.en), 0});
    }
    ++counts[it->second].count;
    if (items.size() < kDigestItems) items.push_back({n.kind, n.title_ar, n.title_en, n.link});
  }
  const auto total = std::to_string(notices.size());
  std::string ar = "ملخص إشعاراتك ليوم " + day + ": " + total + " إشعار\n\n";
  std::string en = "Your notices of " + day + ": " + total + "\n\n";
  for (const auto& c : counts) {
    ar += "• " + c.label_ar + ": " + std::to_string(c.count) + "\n";
    en += "• " + c.label_en + ": " + std::to_string(c.count) + "\n";
  }
  ar += "\n";
  en += "\n";
  for (const auto& i : items) {
    ar += "- " + i.title_ar + (i.link.empty() ? "" : " (" + i.link + ")") + "\n";
    en += "- " + i.title_en + (i.link.empty() ? "" : " (" + i.link + ")") + "\n";
  }
  if (notices.size() > items.size()) {
    const auto more = std::to_string(notices.size() - items.size());
    ar += "… و" + more + " غيرها\n";
    en += "… and " + more + " more\n";
  }
  repo::DigestRow d;
  d.user_id = user_id;
  d.digest_on = day;
  d.notice_count = static_cast<std::int64_t>(notices.size());
  d.counts = core::json::to_text(core::json::encode(counts));
  d.items = core::json::to_text(core::json::encode(items));
  d.summary_ar = std::move(ar);
  d.summary_en = std::move(en);
  d.created_at = now;
  return d;
}

Digest to_digest(repo::DigestRow r) {
  Digest d;
  d.id = r.id;
  d.digest_on = std::move(r.digest_on);
  d.notice_count = r.notice_count;
  // Written by build_digest from the same types, so they decode; a hand-edited row shows empty lists.
  try {
    d.counts = core::json::decode<std::vector<DigestCount>>(core::json::parse(r.counts));
    d.items = core::json::decode<std::vector<DigestItem>>(core::json::parse(r.items));
  } catch (const core::Error&) {
    d.counts.clear();
    d.items.clear();
  }
  d.summary_ar = std::move(r.summary_ar);
  d.summary_en = std::move(r.summary_en);
  d.created_at = std::move(r.created_at);
  d.emailed_at = std::move(r.emailed_at);
  return d;
}

}  // namespace

NotificationList NotificationService::list(const core::Actor& actor, const core::ListQuery& q) {
  return db_.read([&](db::Session& s) {
    auto page = repo::list(s, actor.user_id, q);
    return NotificationList{std::move(page.items), std::move(page.next), page.total,
                            repo::unread_count(s, actor.user_id)};
  });
}

UnreadCount NotificationService::unread(const core::Actor& actor) {
  return {db_.read([&](db::Session& s) { return repo::unread_count(s, actor.user_id); })};
}

// Read marks are the reader's own state, not a record of the platform: they are not audited.
Notification NotificationService::mark_read(const core::Actor& actor, std::int64_t id) {
  return db_.write([&](db::Session& s) {
    if (!repo::find(s, actor.user_id, id)) throw notice_not_found();
    repo::mark_read(s, actor.user_id, id, core::iso8601(clock_.now()));
    return *repo::find(s, actor.user_id, id);
  });
}

MarkedRead NotificationService::mark_all_read(const core::Actor& actor) {
  return {
      db_.write([&](db::Session& s) { return repo::mark_all_read(s, actor.user_id, core::iso8601(clock_.now())); })};
}

core::Page<Digest> NotificationService::digests(const core::Actor& actor, const core::ListQuery& q) {
  auto rows = db_.read([&](db::Session& s) { return repo::list_digests(s, actor.user_id, q); });
  core::Page<Digest> page;
  page.next = std::move(rows.next);
  page.total = rows.total;
  for (auto& r : rows.items) page.items.push_back(to_digest(std::move(r)));
  return page;
}

void NotificationService::add_due_source(DueSource source) { sources_.push_back(std::move(source)); }

ScanResult NotificationService::scan(std::string_view today) {
  const auto day = core::parse_day(today);
  if (!day)
    throw core::Error::invalid_field("today", "invalid_date", "اليوم غير صالح؛ الصيغة YYYY-MM-DD",
                                     "Not a valid day (YYYY-MM-DD)");
  std::lock_guard lock(scan_mutex_);
  ScanResult result;
  result.today = core::format_day(*day);
  const std::string now = core::iso8601(clock_.now());
  db_.write([&](db::Session& s) {
    if (s.dialect() == db::Dialect::postgres) s.exec("SELECT pg_advisory_xact_lock(7263)");
    for (const auto& source : sources_)
      for (const auto& notice : source(s, result.today))
        if (notify(s, clock_, notice)) ++result.notices_created;
    // Digests of the days before today (complete days), a week back, for users who have none yet.
    for (int back = kDigestLookbackDays; back >= 1; --back) {
      const auto d = core::add_days(*day, -back);
      const auto from = core::format_day(d), to = core::format_day(core::add_days(d, 1));
      const auto notices = repo::notices_without_digest(s, from, to);
      for (std::size_t i = 0; i < notices.size();) {
        std::size_t j = i;
        while (j < notices.size() && notices[j].user_id == notices[i].user_id) ++j;
        const std::vector<repo::DayNotice> mine(notices.begin() + static_cast<std::ptrdiff_t>(i),
                                                notices.begin() + static_cast<std::ptrdiff_t>(j));
        if (repo::insert_digest(s, build_digest(notices[i].user_id, from, mine, now))) ++result.digests_built;
        i = j;
      }
    }
  });
  if (!smtp_.enabled()) return result;

  const auto since = core::format_day(core::add_days(*day, -kDigestLookbackDays));
  const auto unsent = db_.read([&](db::Session& s) { return repo::unsent_digests(s, since); });
  for (const auto& d : unsent) {
    // Claimed before sending, so two scans never send the same digest; given back if the send fails.
    if (!db_.write([&](db::Session& s) { return repo::claim_digest(s, d.id, core::iso8601(clock_.now())); })) continue;
    const bool arabic = d.locale != "en";
    notifications::MailMessage m{
        d.email,
        arabic ? "منظومة: ملخص إشعاراتك ليوم " + d.digest_on + " | Manzuma: your notices of " + d.digest_on
               : "Manzuma: your notices of " + d.digest_on + " | منظومة: ملخص إشعاراتك ليوم " + d.digest_on,
        arabic ? d.summary_ar + "\n----\n\n" + d.summary_en : d.summary_en + "\n----\n\n" + d.summary_ar};
    if (auto error = notifications::send_mail(smtp_, m)) {
      db_.write([&](db::Session& s) { repo::release_digest(s, d.id); });
      ++result.email_failures;
      spdlog::warn("digest {} not e-mailed: {}", d.id, *error);
    } else {
      ++result.digests_emailed;
    }
  }
  return result;
}

}  // namespace manzuma::modules
