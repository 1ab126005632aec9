#include "modules/events/service.hpp"

#include <algorithm>

#include "core/json.hpp"
#include "modules/editions/api.hpp"
#include "modules/events/api.hpp"
#include "modules/events/repository.hpp"
#include "modules/events/rules.hpp"
#include "modules/notifications/api.hpp"
#include "platform/audit/audit.hpp"
#include "platform/rbac.hpp"
#include "platform/validation.hpp"
#include "search/sync.hpp"

namespace manzuma::modules {

namespace repo = events;

namespace {

core::Error event_not_found() { return core::Error::not_found("الفعالية غير موجودة", "The event was not found"); }

void require_manager(const core::Actor& actor) {
  if (!actor.is_national()) throw core::Error::forbidden();
}

Event load(db::Session& s, std::int64_t id) {
  auto e = repo::find(s, id);
  if (!e) throw event_not_found();
  return *e;
}

// The editable fields, checked the same way on create and update; writes the checked values into `e`.
void check_fields(db::Session& s, platform::Validator& v, Event& e, const std::optional<std::int64_t>& edition_id,
                  EventKind kind, std::string_view title_ar, std::string_view title_en, std::string_view starts_on,
                  std::string_view ends_on, std::string_view place_ar, std::string_view place_en,
                  std::string_view agenda_ar, std::string_view agenda_en, std::optional<std::int64_t> capacity,
                  std::int64_t trained_count) {
  e.title_ar = v.arabic_text("title_ar", title_ar, 2, 200);
  e.title_en = v.text("title_en", title_en, 2, 200);
  e.place_ar = v.text("place_ar", place_ar, 0, 300);
  e.place_en = v.text("place_en", place_en, 0, 300);
  e.agenda_ar = v.text("agenda_ar", agenda_ar, 0, 8000);
  e.agenda_en = v.text("agenda_en", agenda_en, 0, 8000);
  v.day_range("starts_on", starts_on, "ends_on", ends_on);
  if (capacity && (*capacity < 1 || *capacity > 100000))
    v.fail("capacity", "out_of_range", "السعة بين ١ و١٠٠٠٠٠ مقعد، أو اتركها فارغة بلا حد",
           "Capacity is between 1 and 100,000 seats, or empty for no limit");
  if (trained_count < 0 || trained_count > 1000000)
    v.fail("trained_count", "out_of_range", "عدد المتدربين بين ٠ و١٠٠٠٠٠٠",
           "People trained is between 0 and 1,000,000");
  else if (trained_count > 0 && kind == EventKind::forum)
    v.fail("trained_count", "not_training", "يُسجَّل عدد المتدربين للتدريب وورش العمل فقط",
           "People trained are reported for training and workshops only");
  if (edition_id && !edition_exists(s, *edition_id))
    v.fail("edition_id", "not_found", "النسخة غير موجودة", "The edition does not exist");
  e.edition_id = edition_id;
  e.kind = kind;
  e.starts_on = starts_on;
  e.ends_on = ends_on;
  e.capacity = capacity;
  e.trained_count = trained_count;
}

void require_edition_not_closed(db::Session& s, std::int64_t edition_id) {
  if (edition_status(s, edition_id) == EditionStatus::closed)
    throw core::Error(core::ErrorKind::conflict, "edition_closed", "النسخة مغلقة؛ لا تُضاف إليها فعاليات جديدة",
                      "The edition is closed; no new events can be added to it", "edition_id");
}

boost::json::object without_counters(const Event& before, const Event& after) {
  auto changes = platform::changes_between(core::json::encode(before), core::json::encode(after));
  for (auto k : {"version", "updated_at", "registered_count", "attended_count"}) changes.erase(k);
  return changes;
}

std::string event_link(std::int64_t id) { return "/events/" + std::to_string(id); }

}  // namespace

core::Page<Event> EventService::list(const core::Actor&, const core::ListQuery& q) {
  if (auto v = q.filter("kind"); v && !core::json::enum_from_name<EventKind>(*v))
    throw core::Error::invalid_field("filter[kind]", "enum", "نوع غير معروف",
                                     "Unknown kind; use " + core::json::enum_names<EventKind>());
  if (auto v = q.filter("status"); v && !core::json::enum_from_name<EventStatus>(*v))
    throw core::Error::invalid_field("filter[status]", "enum", "حالة غير معروفة",
                                     "Unknown status; use " + core::json::enum_names<EventStatus>());
  return db_.read([&](db::Session& s) { return repo::list(s, q); });
}

EventDetail EventService::get(const core::Actor& actor, std::int64_t id) {
  return db_.read([&](db::Session& s) {
    EventDetail d;
    d.event = load(s, id);
    d.sessions = repo::sessions(s, id);
    if (d.event.capacity) d.seats_left = std::max<std::int64_t>(0, *d.event.capacity - d.event.registered_count);
    d.my_registration = repo::registration_of_user(s, id, actor.user_id);
    return d;
  });
}

Event EventService::create(const core::Actor& actor, const EventInput& in) {
  require_manager(actor);
  return db_.write([&](db::Session& s) {
    platform::Validator v;
    Event e;
    check_fields(s, v, e, in.edition_id, in.kind, in.title_ar, in.title_en, in.starts_on, in.ends_on, in.place_ar,
                 in.place_en, in.agenda_ar, in.agenda_en, in.capacity, in.trained_count.value_or(0));
    v.check();
    if (e.edition_id) require_edition_not_closed(s, *e.edition_id);
    e.status = EventStatus::planned;
    e.created_at = e.updated_at = core::iso8601(clock_.now());
    e.id = repo::insert(s, e);
    platform::audit(s, clock_, &actor, actor.origin,
                    {"event.create", "event", std::to_string(e.id), std::nullopt, core::json::encode(e).as_object()});
    search::enqueue(s, "event", e.id);
    return e;
  });
}

Event EventService::update(const core::Actor& actor, std::int64_t id, const EventUpdate& in) {
  require_manager(actor);
  return db_.write([&](db::Session& s) {
    repo::lock(s, id);
    const Event current = load(s, id);
    platform::Validator v;
    Event e = current;
    check_fields(s, v, e, in.edition_id, in.kind, in.title_ar, in.title_en, in.starts_on, in.ends_on, in.place_ar,
                 in.place_en, in.agenda_ar, in.agenda_en, in.capacity, in.trained_count);
    if (in.capacity && *in.capacity >= 1 && *in.capacity < current.registered_count)
      v.fail("capacity", "below_registered",
             "السعة أقل من عدد المسجلين (" + std::to_string(current.registered_count) + ")",
             "Capacity is below the " + std::to_string(current.registered_count) + " people already registered");
    v.check();
    if (e.edition_id && e.edition_id != current.edition_id) require_edition_not_closed(s, *e.edition_id);
    if (in.version != current.version) throw platform::stale_version();
    e.version = current.version + 1;
    e.updated_at = core::iso8601(clock_.now());
    if (!repo::update(s, e)) throw platform::stale_version();
    platform::audit(s, clock_, &actor, actor.origin,
                    {"event.update", "event", std::to_string(id), std::nullopt, without_counters(current, e)});
    search::enqueue(s, "event", id);
    return e;
  });
}

Event EventService::transition(const core::Actor& actor, std::int64_t id, const EventTransition& in) {
  require_manager(actor);
  return db_.write([&](db::Session& s) {
    repo::lock(s, id);
    const Event current = load(s, id);
    events::require_transition(current.status, in.to);
    Event e = current;
    e.status = in.to;
    e.version = current.version + 1;
    e.updated_at = core::iso8601(clock_.now());
    if (!repo::update(s, e)) throw platform::stale_version();
    platform::audit(s, clock_, &actor, actor.origin,
                    {in.to == EventStatus::held ? "event.held" : "event.cancel", "event", std::to_string(id),
                     std::nullopt, without_counters(current, e)});
    search::enqueue(s, "event", id);
    if (in.to == EventStatus::cancelled) {
      for (const auto& r : repo::registrations(s, id)) {
        if (!r.user_id) continue;
        notify(
            s, clock_,
            Notice{*r.user_id, "event.cancelled", "أُلغيت فعالية سجّلت فيها", "An event you registered for was cancelled",
                   "أُلغيت فعالية «" + e.title_ar + "».", "The event “" + e.title_en + "” was cancelled.",
                   event_link(id), "event", std::to_string(id), "event.cancelled:" + std::to_string(id)});
      }
    }
    return e;
  });
}

EventSession EventService::add_session(const core::Actor& actor, std::int64_t event_id, const EventSessionInput& in) {
  require_manager(actor);
  return db_.write([&](db::Session& s) {
    const Event e = load(s, event_id);
    platform::Validator v;
    EventSession x;
    x.event_id = event_id;
    x.title_ar = v.arabic_text("title_ar", in.title_ar, 2, 300);
    x.title_en = v.text("title_en", in.title_en, 2, 300);
    x.speaker_ar = v.text("speaker_ar", in.speaker_ar, 0, 200);
    x.speaker_en = v.text("speaker_en", in.speaker_en, 0, 200);
    if (v.day("day", in.day) && (in.day < e.starts_on || in.day > e.ends_on))
      v.fail("day", "outside_event", "اليوم خارج مدة الفعالية", "The day is outside the event's dates");
    if (!events::is_clock_time(in.starts_at))
      v.fail("starts_at", "invalid_time", "وقت غير صالح (HH:MM)", "Not a valid time (HH:MM)");
    if (in.ends_at && !events::is_clock_time(*in.ends_at))
      v.fail("ends_at", "invalid_time", "وقت غير صالح (HH:MM)", "Not a valid time (HH:MM)");
    else if (in.ends_at && events::is_clock_time(in.starts_at) && *in.ends_at < in.starts_at)
      v.fail("ends_at", "before_start", "وقت النهاية قبل وقت البداية", "The end time is before the start time");
    if (in.practice_id && !repo::practice_exists(s, *in.practice_id))
      v.fail("practice_id", "not_found", "الممارسة غير موجودة", "The practice does not exist");
    v.check();
    if (e.status == EventStatus::cancelled)
      throw core::Error(core::ErrorKind::conflict, "invalid_state", "الفعالية ملغاة؛ لا تُضاف إليها جلسات",
                        "The event is cancelled; sessions cannot be added");
    x.day = in.day;
    x.starts_at = in.starts_at;
    x.ends_at = in.ends_at;
    x.practice_id = in.practice_id;
    x.created_at = core::iso8601(clock_.now());
    x.id = repo::insert_session(s, x);
    platform::audit(
        s, clock_, &actor, actor.origin,
        {"event.session_add", "event", std::to_string(event_id), std::nullopt, core::json::encode(x).as_object()});
    search::enqueue(s, "event", event_id);
    return x;
  });
}

void EventService::delete_session(const core::Actor& actor, std::int64_t event_id, std::int64_t session_id) {
  require_manager(actor);
  db_.write([&](db::Session& s) {
    auto x = repo::find_session(s, event_id, session_id);
    if (!x) throw core::Error::not_found("الجلسة غير موجودة", "The session was not found");
    repo::delete_session(s, session_id);
    platform::audit(
        s, clock_, &actor, actor.origin,
        {"event.session_delete", "event", std::to_string(event_id), std::nullopt, core::json::encode(*x).as_object()});
    search::enqueue(s, "event", event_id);
  });
}

std::vector<EventRegistration> EventService::registrations(const core::Actor& actor, std::int64_t event_id) {
  require_manager(actor);
  return db_.read([&](db::Session& s) {
    load(s, event_id);
    return repo::registrations(s, event_id);
  });
}

EventRegistration EventService::add_registration(db::Session& s, const core::Actor& actor, const Event& e,
                                                 EventRegistration r) {
  events::require_open_for_registration(e.status);
  if (repo::email_registered(s, e.id, r.email))
    throw core::Error(core::ErrorKind::conflict, "already_registered", "هذا البريد مسجّل في الفعالية من قبل",
                      "This e-mail is already registered for the event", "email");
  if (e.capacity && repo::count_registrations(s, e.id) >= *e.capacity)
    throw core::Error(core::ErrorKind::conflict, "event_full",
                      "اكتمل عدد المقاعد (" + std::to_string(*e.capacity) + ")؛ لا يمكن التسجيل",
                      "The event is full (" + std::to_string(*e.capacity) + " seats); no one else can register");
  r.event_id = e.id;
  r.created_at = core::iso8601(clock_.now());
  r.id = repo::insert_registration(s, r, actor.user_id);
  platform::audit(
      s, clock_, &actor, actor.origin,
      {"event.register", "event_registration", std::to_string(r.id), std::nullopt, core::json::encode(r).as_object()});
  return r;
}

EventRegistration EventService::register_person(const core::Actor& actor, std::int64_t event_id,
                                                const RegistrationInput& in) {
  require_manager(actor);
  return db_.write([&](db::Session& s) {
    repo::lock(s, event_id);
    const Event e = load(s, event_id);
    platform::Validator v;
    EventRegistration r;
    r.name = v.text("name", in.name, 2, 200);
    r.email = v.email("email", in.email);
    r.organization = v.text("organization", in.organization, 0, 200);
    v.check();
    r.user_id = repo::user_by_email(s, r.email);
    r = add_registration(s, actor, e, std::move(r));
    if (r.user_id && *r.user_id != actor.user_id)
      notify(s, clock_,
             Notice{*r.user_id, "event.registered", "سُجّلت في فعالية", "You were registered for an event",
                    "سُجّلت في «" + e.title_ar + "» بتاريخ " + e.starts_on + ".",
                    "You were registered for “" + e.title_en + "” on " + e.starts_on + ".", event_link(event_id),
                    "event", std::to_string(event_id), std::nullopt});
    return r;
  });
}

EventRegistration EventService::register_self(const core::Actor& actor, std::int64_t event_id) {
  return db_.write([&](db::Session& s) {
    repo::lock(s, event_id);
    const Event e = load(s, event_id);
    auto me = repo::user_names(s, actor.user_id);
    if (!me) throw core::Error::forbidden();
    EventRegistration r;
    r.user_id = actor.user_id;
    const bool english = actor.locale == "en";
    r.name = english && !me->name_en.empty() ? me->name_en : me->name_ar;
    r.email = me->email;
    r.organization = (english ? me->organization_en : me->organization_ar).value_or("");
    if (repo::registration_of_user(s, event_id, actor.user_id))
      throw core::Error(core::ErrorKind::conflict, "already_registered", "أنت مسجّل في هذه الفعالية من قبل",
                        "You are already registered for this event");
    return add_registration(s, actor, e, std::move(r));
  });
}

EventRegistration EventService::set_attendance(const core::Actor& actor, std::int64_t event_id,
                                               std::int64_t registration_id, const AttendanceInput& in) {
  require_manager(actor);
  return db_.write([&](db::Session& s) {
    const Event e = load(s, event_id);
    auto r = repo::find_registration(s, event_id, registration_id);
    if (!r) throw core::Error::not_found("التسجيل غير موجود", "The registration was not found");
    events::require_held(e.status);
    if (r->attended != in.attended) {
      repo::set_attended(s, registration_id, in.attended, core::iso8601(clock_.now()));
      platform::audit(s, clock_, &actor, actor.origin,
                      {"event.attendance",
                       "event_registration",
                       std::to_string(registration_id),
                       std::nullopt,
                       {{"attended", {{"from", r->attended}, {"to", in.attended}}}}});
      r->attended = in.attended;
    }
    return *r;
  });
}

PeopleTrained EventService::people_trained(const core::Actor&, std::int64_t edition_id) {
  return db_.read([&](db::Session& s) {
    if (!edition_exists(s, edition_id)) throw core::Error::not_found("النسخة غير موجودة", "The edition was not found");
    auto p = repo::people_trained(s, edition_id);
    // The dashboard reads the same figure through api.hpp; answering with it keeps the two from drifting.
    p.total = trained_in_edition(s, edition_id);
    return p;
  });
}

}  // namespace manzuma::modules
