#include "modules/practices/service.hpp"

#include "core/json.hpp"
#include "modules/practices/api.hpp"
#include "modules/practices/repository.hpp"
#include "platform/audit/audit.hpp"
#include "platform/organizations/api.hpp"
#include "platform/rbac.hpp"
#include "platform/validation.hpp"
#include "search/sync.hpp"

namespace manzuma::modules {

using core::Role;
namespace repo = practices;

namespace {

constexpr std::size_t kLongText = 4000;

core::Error practice_not_found() { return core::Error::not_found("الممارسة غير موجودة", "The practice was not found"); }

core::Error item_not_found() {
  return core::Error::not_found("عنصر الحقيبة غير موجود", "The toolkit item was not found");
}

bool visible(const core::Actor& actor, const Practice& p) {
  return actor.is_national() || p.status == PracticeStatus::published || p.owner_id == actor.user_id;
}

bool may_edit(const core::Actor& actor, const Practice& p) {
  return actor.is_national() || (p.owner_id == actor.user_id && actor.has_role(Role::practice_owner));
}

// The practice as the caller may see it: 404 when hidden from them.
Practice load_visible(db::Session& s, const core::Actor& actor, std::int64_t id) {
  auto p = repo::find(s, id);
  if (!p || !visible(actor, *p)) throw practice_not_found();
  return *p;
}

Practice load_editable(db::Session& s, const core::Actor& actor, std::int64_t id) {
  auto p = load_visible(s, actor, id);
  if (!may_edit(actor, p)) throw core::Error::forbidden();
  return p;
}

// The one place that asks whether an edition takes new practices (until editions/api.hpp offers it).
void require_edition_accepts_practices(db::Session& s, platform::Validator& v, std::int64_t edition_id) {
  const auto status = repo::edition_status(s, edition_id);
  if (!status) {
    v.fail("edition_id", "not_found", "النسخة غير موجودة", "The edition does not exist");
    return;
  }
  if (*status == "closed")
    throw core::Error(core::ErrorKind::conflict, "edition_closed", "النسخة مغلقة؛ لا يمكن إضافة ممارسات إليها",
                      "The edition is closed; no practices can be added to it", "edition_id");
}

struct Texts {
  std::string title_ar, title_en, summary_ar, summary_en, benefits_ar, benefits_en, prerequisites_ar, prerequisites_en;
};

Texts check_texts(platform::Validator& v, std::string_view title_ar, std::string_view title_en,
                  std::string_view summary_ar, std::string_view summary_en, std::string_view benefits_ar,
                  std::string_view benefits_en, std::string_view prerequisites_ar, std::string_view prerequisites_en) {
  Texts t;
  t.title_ar = v.arabic_text("title_ar", title_ar, 2, 200);
  t.title_en = v.text("title_en", title_en, 2, 200);
  t.summary_ar = v.text("summary_ar", summary_ar, 0, kLongText);
  t.summary_en = v.text("summary_en", summary_en, 0, kLongText);
  t.benefits_ar = v.text("benefits_ar", benefits_ar, 0, kLongText);
  t.benefits_en = v.text("benefits_en", benefits_en, 0, kLongText);
  t.prerequisites_ar = v.text("prerequisites_ar", prerequisites_ar, 0, kLongText);
  t.prerequisites_en = v.text("prerequisites_en", prerequisites_en, 0, kLongText);
  return t;
}

void apply(Practice& p, const Texts& t) {
  p.title_ar = t.title_ar;
  p.title_en = t.title_en;
  p.summary_ar = t.summary_ar;
  p.summary_en = t.summary_en;
  p.benefits_ar = t.benefits_ar;
  p.benefits_en = t.benefits_en;
  p.prerequisites_ar = t.prerequisites_ar;
  p.prerequisites_en = t.prerequisites_en;
}

void check_organization_and_owner(db::Session& s, platform::Validator& v, std::int64_t organization_id,
                                  std::optional<std::int64_t> owner_id) {
  if (!platform::organization_path(s, organization_id)) {
    v.fail("organization_id", "not_found", "الجهة غير موجودة", "The organisation does not exist");
    return;
  }
  if (owner_id && !repo::is_practice_owner_of(s, *owner_id, organization_id))
    v.fail("owner_id", "not_practice_owner", "مالك الممارسة يجب أن يحمل دور مالك ممارسة في الجهة المساهمة",
           "The practice owner must hold the practice owner role in the contributing organisation");
}

void check_title_unique(db::Session& s, platform::Validator& v, std::int64_t edition_id, const std::string& title_ar,
                        std::optional<std::int64_t> self) {
  if (!v.has_errors() && repo::title_taken(s, edition_id, title_ar, self))
    v.fail("title_ar", "duplicate", "توجد ممارسة بالعنوان نفسه في هذه النسخة",
           "Another practice of this edition has this Arabic title");
}

std::int64_t insert_practice(db::Session& s, const core::Clock& clock, const core::Actor& actor, Practice p) {
  p.status = PracticeStatus::draft;
  p.created_at = p.updated_at = core::iso8601(clock.now());
  p.id = repo::insert(s, p);
  search::enqueue(s, "practice", p.id);
  auto stored = repo::find(s, p.id);
  platform::audit(s, clock, &actor, actor.origin,
                  {"practice.create", "practice", std::to_string(p.id), p.organization_id,
                   core::json::encode(*stored).as_object()});
  return p.id;
}

PracticeDetail detail(db::Session& s, const core::Actor& actor, Practice p) {
  PracticeDetail d;
  d.toolkit = repo::toolkit(s, p.id);
  d.can_edit = may_edit(actor, p);
  d.can_manage = actor.is_national();
  d.practice = std::move(p);
  return d;
}

const char* status_ar(PracticeStatus s) {
  switch (s) {
    case PracticeStatus::draft:
      return "مسودة";
    case PracticeStatus::published:
      return "منشورة";
    case PracticeStatus::archived:
      return "مؤرشفة";
  }
  return "";
}

ToolkitItem check_item(db::Session& s, const core::Actor& actor, const ToolkitItemInput& in) {
  platform::Validator v;
  ToolkitItem item;
  item.kind = in.kind;
  item.title_ar = v.arabic_text("title_ar", in.title_ar, 2, 200);
  item.title_en = v.text("title_en", in.title_en, 2, 200);
  if (in.attachment_id.has_value() == in.url.has_value()) {
    v.fail(in.url ? "url" : "attachment_id", "file_or_link", "أرفق ملفًا أو أدخل رابطًا (أحدهما فقط)",
           "Give either an uploaded file or a link, not both");
  } else if (in.url) {
    const auto url = v.text("url", *in.url, 9, 2000);
    if (!url.starts_with("https://") || url.find_first_of(" \"<>") != std::string::npos || url.size() < 12)
      v.fail("url", "https_only", "يجب أن يكون الرابط آمنًا يبدأ بـ https://", "The link must start with https://");
    item.url = url;
  } else {
    const auto org = repo::attachment_organization(s, *in.attachment_id);
    const auto path = org ? platform::organization_path(s, *org) : std::nullopt;
    // Linking someone else's file would publish it: the caller must be able to read it.
    if (!path || !(actor.is_national() || actor.covers(*path, {Role::entity_coordinator, Role::change_team_head,
                                                               Role::practice_owner, Role::contributor})))
      v.fail("attachment_id", "not_found", "المرفق غير موجود", "The attachment was not found");
    item.attachment_id = in.attachment_id;
  }
  if (in.position && (*in.position < 0 || *in.position > 10000))
    v.fail("position", "out_of_range", "الترتيب خارج النطاق المسموح", "The order is out of range");
  v.check();
  return item;
}

}  // namespace

core::Page<Practice> PracticeService::list(const core::Actor& actor, const core::ListQuery& q) {
  return db_.read([&](db::Session& s) {
    return repo::list(s, q, actor.is_national() ? std::nullopt : std::optional<std::int64_t>(actor.user_id));
  });
}

PracticeDetail PracticeService::get(const core::Actor& actor, std::int64_t id) {
  return db_.read([&](db::Session& s) { return detail(s, actor, load_visible(s, actor, id)); });
}

PracticeDetail PracticeService::create(const core::Actor& actor, const PracticeInput& in) {
  return db_.write([&](db::Session& s) {
    if (!actor.is_national()) throw core::Error::forbidden();
    platform::Validator v;
    auto t = check_texts(v, in.title_ar, in.title_en, in.summary_ar.value_or(""), in.summary_en.value_or(""),
                         in.benefits_ar.value_or(""), in.benefits_en.value_or(""), in.prerequisites_ar.value_or(""),
                         in.prerequisites_en.value_or(""));
    check_organization_and_owner(s, v, in.organization_id, in.owner_id);
    require_edition_accepts_practices(s, v, in.edition_id);
    check_title_unique(s, v, in.edition_id, t.title_ar, std::nullopt);
    v.check();
    Practice p;
    p.edition_id = in.edition_id;
    p.organization_id = in.organization_id;
    p.owner_id = in.owner_id;
    p.category = in.category;
    apply(p, t);
    const auto id = insert_practice(s, clock_, actor, p);
    return detail(s, actor, *repo::find(s, id));
  });
}

PracticeDetail PracticeService::update(const core::Actor& actor, std::int64_t id, const PracticeUpdate& in) {
  return db_.write([&](db::Session& s) {
    auto current = load_editable(s, actor, id);
    platform::Validator v;
    auto t = check_texts(v, in.title_ar, in.title_en, in.summary_ar, in.summary_en, in.benefits_ar, in.benefits_en,
                         in.prerequisites_ar, in.prerequisites_en);
    const bool placement_changes = in.edition_id != current.edition_id ||
                                   in.organization_id != current.organization_id || in.owner_id != current.owner_id;
    if (placement_changes) {
      // A practice owner keeps their practice where it is; only national roles move or hand it over.
      if (!actor.is_national()) {
        v.fail(in.edition_id != current.edition_id             ? "edition_id"
               : in.organization_id != current.organization_id ? "organization_id"
                                                               : "owner_id",
               "national_only", "لا يغيّر النسخة أو الجهة أو المالك إلا مكتب البرنامج",
               "Only the program office changes the edition, organisation or owner");
      } else {
        check_organization_and_owner(s, v, in.organization_id, in.owner_id);
        if (in.edition_id != current.edition_id) require_edition_accepts_practices(s, v, in.edition_id);
      }
    }
    check_title_unique(s, v, in.edition_id, t.title_ar, id);
    v.check();
    if (in.version != current.version) throw platform::stale_version();

    Practice p = current;
    p.edition_id = in.edition_id;
    p.organization_id = in.organization_id;
    p.owner_id = in.owner_id;
    p.category = in.category;
    apply(p, t);
    p.version = current.version + 1;
    p.updated_at = core::iso8601(clock_.now());
    if (!repo::update(s, p)) throw platform::stale_version();
    auto stored = *repo::find(s, id);
    auto changes = platform::changes_between(core::json::encode(current), core::json::encode(stored));
    changes.erase("version");
    changes.erase("updated_at");
    platform::audit(s, clock_, &actor, actor.origin,
                    {"practice.update", "practice", std::to_string(id), p.organization_id, std::move(changes)});
    search::enqueue(s, "practice", id);
    // An adoption's document carries the practice's title, and its owner and organisation among its readers.
    for (auto adoption : repo::adoption_ids(s, id)) search::enqueue(s, "adoption", adoption);
    return detail(s, actor, std::move(stored));
  });
}

PracticeDetail PracticeService::change_status(const core::Actor& actor, std::int64_t id,
                                              const PracticeStatusChange& in) {
  return db_.write([&](db::Session& s) {
    auto current = load_visible(s, actor, id);
    if (!actor.is_national()) throw core::Error::forbidden();
    const auto from = current.status, to = in.status;
    const bool legal = (from == PracticeStatus::draft && to == PracticeStatus::published) ||
                       (from == PracticeStatus::published && to == PracticeStatus::archived) ||
                       (from == PracticeStatus::archived && to == PracticeStatus::published);
    if (!legal)
      throw core::Error(
          core::ErrorKind::conflict, "illegal_transition",
          std::string("الممارسة ") + status_ar(from) + "؛ لا يمكن نقلها إلى الحالة «" + status_ar(to) + "»",
          "The practice is " + std::string(core::json::enum_name(from)) + "; it cannot move to " +
              std::string(core::json::enum_name(to)),
          "status");
    if (in.version != current.version) throw platform::stale_version();
    Practice p = current;
    p.status = to;
    p.version = current.version + 1;
    p.updated_at = core::iso8601(clock_.now());
    if (!repo::update(s, p)) throw platform::stale_version();
    boost::json::object changes{{"status", {{"from", core::json::enum_name(from)}, {"to", core::json::enum_name(to)}}}};
    platform::audit(s, clock_, &actor, actor.origin,
                    {to == PracticeStatus::archived ? "practice.archive" : "practice.publish", "practice",
                     std::to_string(id), p.organization_id, std::move(changes)});
    search::enqueue(s, "practice", id);
    return detail(s, actor, *repo::find(s, id));
  });
}

void PracticeService::remove(const core::Actor& actor, std::int64_t id) {
  db_.write([&](db::Session& s) {
    auto current = load_visible(s, actor, id);
    if (!actor.is_national()) throw core::Error::forbidden();
    if (repo::has_adoptions(s, id))
      throw core::Error(core::ErrorKind::conflict, "practice_adopted",
                        "لا يمكن حذف ممارسة تبنّتها جهات؛ أرشفها بدلًا من ذلك",
                        "Entities have adopted this practice, so it cannot be deleted; archive it instead");
    if (current.status != PracticeStatus::draft)
      throw core::Error(
          core::ErrorKind::conflict, "practice_not_draft",
          std::string("الممارسة ") + status_ar(current.status) + "؛ لا تُحذف إلا المسودات، فأرشفها بدلًا من ذلك",
          "The practice is " + std::string(core::json::enum_name(current.status)) +
              "; only drafts can be deleted, archive it instead");
    if (s.query_one<std::int64_t>("SELECT COUNT(*) FROM research_studies WHERE practice_id = ?", id).value_or(0) > 0)
      throw core::Error(core::ErrorKind::conflict, "practice_from_research",
                        "الممارسة ناتجة عن بحث علمي؛ أرشفها بدلًا من حذفها",
                        "The practice came from a research study; archive it instead");
    repo::remove(s, id);
    platform::audit(s, clock_, &actor, actor.origin,
                    {"practice.delete", "practice", std::to_string(id), current.organization_id,
                     core::json::encode(current).as_object()});
    search::enqueue(s, "practice", id);
  });
}

void PracticeService::require_editable(const core::Actor& actor, std::int64_t id) {
  db_.read([&](db::Session& s) { load_editable(s, actor, id); });
}

ToolkitItem PracticeService::add_item(const core::Actor& actor, std::int64_t practice_id, const ToolkitItemInput& in) {
  return db_.write([&](db::Session& s) {
    auto p = load_editable(s, actor, practice_id);
    auto item = check_item(s, actor, in);
    item.practice_id = practice_id;
    item.position = in.position.value_or(repo::next_position(s, practice_id));
    item.created_at = core::iso8601(clock_.now());
    item.id = repo::insert_item(s, item, actor.user_id);
    auto stored = *repo::find_item(s, practice_id, item.id);
    platform::audit(s, clock_, &actor, actor.origin,
                    {"practice.toolkit_add", "practice", std::to_string(practice_id), p.organization_id,
                     core::json::encode(stored).as_object()});
    return stored;
  });
}

ToolkitItem PracticeService::update_item(const core::Actor& actor, std::int64_t practice_id, std::int64_t item_id,
                                         const ToolkitItemInput& in) {
  return db_.write([&](db::Session& s) {
    auto p = load_editable(s, actor, practice_id);
    auto current = repo::find_item(s, practice_id, item_id);
    if (!current) throw item_not_found();
    auto item = check_item(s, actor, in);
    item.id = item_id;
    item.practice_id = practice_id;
    item.position = in.position.value_or(current->position);
    repo::update_item(s, item);
    auto stored = *repo::find_item(s, practice_id, item_id);
    platform::audit(s, clock_, &actor, actor.origin,
                    {"practice.toolkit_update", "practice", std::to_string(practice_id), p.organization_id,
                     platform::changes_between(core::json::encode(*current), core::json::encode(stored))});
    return stored;
  });
}

void PracticeService::remove_item(const core::Actor& actor, std::int64_t practice_id, std::int64_t item_id) {
  db_.write([&](db::Session& s) {
    auto p = load_editable(s, actor, practice_id);
    auto current = repo::find_item(s, practice_id, item_id);
    if (!current) throw item_not_found();
    repo::remove_item(s, item_id);
    platform::audit(s, clock_, &actor, actor.origin,
                    {"practice.toolkit_remove", "practice", std::to_string(practice_id), p.organization_id,
                     core::json::encode(*current).as_object()});
  });
}

// ---- api.hpp

std::optional<PracticeRef> practice_ref(db::Session& s, std::int64_t id) {
  auto p = repo::find(s, id);
  if (!p) return std::nullopt;
  return PracticeRef{
      p->id,       p->edition_id, p->organization_id, p->owner_id, std::string(core::json::enum_name(p->status)),
      p->title_ar, p->title_en};
}

std::int64_t create_draft_practice(db::Session& s, const core::Clock& clock, const core::Actor& actor,
                                   const DraftPractice& in) {
  platform::Validator v;
  const auto category = core::json::enum_from_name<PracticeCategory>(in.category);
  if (!category)
    v.fail("category", "enum", "الفئة غير معروفة", "Must be one of: " + core::json::enum_names<PracticeCategory>());
  auto t = check_texts(v, in.title_ar, in.title_en, in.summary_ar, in.summary_en, "", "", "", "");
  check_organization_and_owner(s, v, in.organization_id, std::nullopt);
  require_edition_accepts_practices(s, v, in.edition_id);
  check_title_unique(s, v, in.edition_id, t.title_ar, std::nullopt);
  v.check();
  Practice p;
  p.edition_id = in.edition_id;
  p.organization_id = in.organization_id;
  p.category = *category;
  apply(p, t);
  return insert_practice(s, clock, actor, p);
}

bool toolkit_file_readable(db::Session& s, const core::Actor& actor, std::int64_t attachment_id) {
  return s.query_one<std::int64_t>(
              "SELECT COUNT(*) FROM practice_toolkit_items t JOIN practices p ON p.id = t.practice_id"
              " WHERE t.attachment_id = ? AND (p.status = 'published' OR p.owner_id = ?)",
              attachment_id, actor.user_id)
             .value_or(0) > 0;
}

}  // namespace manzuma::modules
