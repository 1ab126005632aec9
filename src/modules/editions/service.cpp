#include "modules/editions/service.hpp"

#include "core/json.hpp"
#include "modules/editions/api.hpp"
#include "modules/editions/repository.hpp"
#include "modules/editions/rules.hpp"
#include "platform/audit/audit.hpp"
#include "platform/rbac.hpp"
#include "platform/validation.hpp"
#include "search/sync.hpp"

namespace manzuma::modules {

namespace repo = editions;

namespace {

core::Error edition_not_found() { return core::Error::not_found("النسخة غير موجودة", "The edition was not found"); }

void require_manager(const core::Actor& actor) {
  if (!actor.is_national()) throw core::Error::forbidden();
}

struct Fields {
  std::string title_ar, title_en, goals_ar, goals_en;
};

// The same checks on create and update; `self_id` is the edition being edited.
Fields check_fields(db::Session& s, platform::Validator& v, std::int64_t number, std::int64_t year,
                    std::string_view title_ar, std::string_view title_en, std::string_view goals_ar,
                    std::string_view goals_en, std::string_view starts_on, std::string_view ends_on,
                    std::optional<std::int64_t> self_id) {
  Fields f;
  if (number < 1 || number > 999)
    v.fail("number", "out_of_range", "رقم النسخة بين ١ و٩٩٩", "The edition number is between 1 and 999");
  if (year < 2000 || year > 2100)
    v.fail("year", "out_of_range", "السنة بين ٢٠٠٠ و٢١٠٠", "The year is between 2000 and 2100");
  f.title_ar = v.arabic_text("title_ar", title_ar, 2, 200);
  f.title_en = v.text("title_en", title_en, 2, 200);
  f.goals_ar = v.text("goals_ar", goals_ar, 0, 4000);
  f.goals_en = v.text("goals_en", goals_en, 0, 4000);
  v.day_range("starts_on", starts_on, "ends_on", ends_on);
  if (!v.has_errors() && repo::number_taken(s, number, self_id))
    v.fail("number", "duplicate", "توجد نسخة أخرى بهذا الرقم", "Another edition has this number");
  return f;
}

}  // namespace

core::Page<Edition> EditionService::list(const core::Actor&, const core::ListQuery& q) {
  if (auto status = q.filter("status"); status && !core::json::enum_from_name<EditionStatus>(*status))
    throw core::Error::invalid_field("filter[status]", "enum", "حالة غير معروفة",
                                     "Unknown status; use " + core::json::enum_names<EditionStatus>());
  return db_.read([&](db::Session& s) { return repo::list(s, q); });
}

Edition EditionService::get(const core::Actor&, std::int64_t id) {
  auto e = db_.read([&](db::Session& s) { return repo::find(s, id); });
  if (!e) throw edition_not_found();
  return *e;
}

Edition EditionService::create(const core::Actor& actor, const EditionInput& in) {
  require_manager(actor);
  return db_.write([&](db::Session& s) {
    platform::Validator v;
    auto f = check_fields(s, v, in.number, in.year, in.title_ar, in.title_en, in.goals_ar, in.goals_en, in.starts_on,
                          in.ends_on, std::nullopt);
    v.check();
    Edition e;
    e.number = in.number;
    e.year = in.year;
    e.title_ar = f.title_ar;
    e.title_en = f.title_en;
    e.goals_ar = f.goals_ar;
    e.goals_en = f.goals_en;
    e.starts_on = in.starts_on;
    e.ends_on = in.ends_on;
    e.status = EditionStatus::planning;
    e.created_at = e.updated_at = core::iso8601(clock_.now());
    e.id = repo::insert(s, e);
    platform::audit(
        s, clock_, &actor, actor.origin,
        {"edition.create", "edition", std::to_string(e.id), std::nullopt, core::json::encode(e).as_object()});
    search::enqueue(s, "edition", e.id);
    return e;
  });
}

Edition EditionService::update(const core::Actor& actor, std::int64_t id, const EditionUpdate& in) {
  require_manager(actor);
  return db_.write([&](db::Session& s) {
    auto current = repo::find(s, id);
    if (!current) throw edition_not_found();
    platform::Validator v;
    auto f = check_fields(s, v, in.number, in.year, in.title_ar, in.title_en, in.goals_ar, in.goals_en, in.starts_on,
                          in.ends_on, id);
    v.check();
    if (in.version != current->version) throw platform::stale_version();
    Edition e = *current;
    e.number = in.number;
    e.year = in.year;
    e.title_ar = f.title_ar;
    e.title_en = f.title_en;
    e.goals_ar = f.goals_ar;
    e.goals_en = f.goals_en;
    e.starts_on = in.starts_on;
    e.ends_on = in.ends_on;
    e.version = current->version + 1;
    e.updated_at = core::iso8601(clock_.now());
    if (!repo::update(s, e)) throw platform::stale_version();
    auto changes = platform::changes_between(core::json::encode(*current), core::json::encode(e));
    changes.erase("version");
    changes.erase("updated_at");
    platform::audit(s, clock_, &actor, actor.origin,
                    {"edition.update", "edition", std::to_string(id), std::nullopt, std::move(changes)});
    search::enqueue(s, "edition", id);
    if (e.number != current->number || e.year != current->year) enqueue_edition_records(s, id);
    return e;
  });
}

Edition EditionService::transition(const core::Actor& actor, std::int64_t id, const EditionTransition& in) {
  require_manager(actor);
  return db_.write([&](db::Session& s) {
    auto current = repo::find(s, id);
    if (!current) throw edition_not_found();
    editions::require_transition(current->status, in.to);
    Edition e = *current;
    e.status = in.to;
    e.version = current->version + 1;
    e.updated_at = core::iso8601(clock_.now());
    if (!repo::update(s, e)) throw platform::stale_version();
    auto changes = platform::changes_between(core::json::encode(*current), core::json::encode(e));
    changes.erase("version");
    changes.erase("updated_at");
    platform::audit(s, clock_, &actor, actor.origin,
                    {std::string("edition.") + (in.to == EditionStatus::open ? "open" : "close"), "edition",
                     std::to_string(id), std::nullopt, std::move(changes)});
    search::enqueue(s, "edition", id);
    return e;
  });
}

}  // namespace manzuma::modules
