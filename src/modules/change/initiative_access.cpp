#include "modules/change/initiative_access.hpp"

#include "modules/change/access.hpp"

namespace manzuma::modules::change {

core::Error initiative_not_found() {
  return core::Error::not_found("مبادرة التغيير غير موجودة", "The change initiative was not found");
}

portfolio::InitiativeRow load_initiative(db::Session& s, const core::Actor& actor, std::int64_t id, bool write) {
  auto row = portfolio::find_initiative_row(s, id);
  if (!row || !reads_entity(actor, row->organization_path)) throw initiative_not_found();
  if (write && !manages_entity(actor, row->organization_path)) throw core::Error::forbidden();
  return *row;
}

bool is_final(InitiativeStatus status) {
  return status == InitiativeStatus::completed || status == InitiativeStatus::cancelled;
}

void require_not_final(const portfolio::InitiativeRow& i) {
  // A completed or cancelled initiative is a record of what happened: its plan, impact, reviews and surveys stay as
  // they are.
  if (!is_final(i.status)) return;
  const bool completed = i.status == InitiativeStatus::completed;
  throw core::Error(core::ErrorKind::conflict, "initiative_closed",
                    completed ? "المبادرة مكتملة؛ لا يمكن تعديلها" : "المبادرة ملغاة؛ لا يمكن تعديلها",
                    completed ? "The initiative is completed; it cannot be changed"
                              : "The initiative is cancelled; it cannot be changed",
                    "status");
}

}  // namespace manzuma::modules::change
