#pragma once
// The dashboard's SQL: one query per figure group over the areas' tables (names fixed in the issue 5 brief).
// `today` is "YYYY-MM-DD". Plan health is the adoptions area's rule (adoptions/api.hpp kPlanHealthSql).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/database.hpp"
#include "modules/dashboard/model.hpp"

namespace manzuma::modules::dashboard {

struct Today {
  std::string today;
};

bool edition_exists(db::Session& s, std::int64_t edition_id);
std::optional<MatrixEntity> find_entity(db::Session& s, std::int64_t organization_id);

NationalFigures national(db::Session& s, std::optional<std::int64_t> edition_id, const Today& t);
std::vector<EditionFigures> by_edition(db::Session& s, const Today& t);
std::vector<MatrixPractice> matrix_practices(db::Session& s, std::optional<std::int64_t> edition_id);
/// Adoptions with their health and progress; `organization_id` narrows to one entity, `with_drafts` keeps
/// draft and withdrawn adoptions (the entity's own page shows them; the national matrix does not).
std::vector<AdoptionProgress> adoptions(db::Session& s, std::optional<std::int64_t> edition_id,
                                        std::optional<std::int64_t> organization_id, bool with_drafts, const Today& t);

}  // namespace manzuma::modules::dashboard
