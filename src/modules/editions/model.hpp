#pragma once
// Editions of the national system (النسخة الأولى، الثانية، …): the wire shapes and the status enum.

#include <boost/describe.hpp>
#include <cstdint>
#include <string>

namespace manzuma::modules {

/// planning → open → closed; closed is final.
enum class EditionStatus { planning, open, closed };
BOOST_DESCRIBE_ENUM(EditionStatus, planning, open, closed)

struct Edition {
  std::int64_t id = 0;
  /// 1 for the first edition (النسخة الأولى), unique.
  std::int64_t number = 0;
  std::int64_t year = 0;
  std::string title_ar;
  std::string title_en;
  std::string goals_ar;
  std::string goals_en;
  /// ISO-8601 days, YYYY-MM-DD; ends_on ≥ starts_on.
  std::string starts_on;
  std::string ends_on;
  EditionStatus status = EditionStatus::planning;
  std::int64_t version = 1;
  std::string created_at;
  std::string updated_at;
};
BOOST_DESCRIBE_STRUCT(Edition, (),
                      (id, number, year, title_ar, title_en, goals_ar, goals_en, starts_on, ends_on, status, version,
                       created_at, updated_at))

/// A new edition; it starts in planning.
struct EditionInput {
  std::int64_t number = 0;
  std::int64_t year = 0;
  std::string title_ar;
  std::string title_en;
  std::string goals_ar;
  std::string goals_en;
  std::string starts_on;
  std::string ends_on;
};
BOOST_DESCRIBE_STRUCT(EditionInput, (), (number, year, title_ar, title_en, goals_ar, goals_en, starts_on, ends_on))

/// A full replacement of the editable fields; `version` must be the one last read (409 otherwise).
struct EditionUpdate {
  std::int64_t number = 0;
  std::int64_t year = 0;
  std::string title_ar;
  std::string title_en;
  std::string goals_ar;
  std::string goals_en;
  std::string starts_on;
  std::string ends_on;
  std::int64_t version = 0;
};
BOOST_DESCRIBE_STRUCT(EditionUpdate, (),
                      (number, year, title_ar, title_en, goals_ar, goals_en, starts_on, ends_on, version))

/// Moves an edition to its next status (planning → open → closed).
struct EditionTransition {
  EditionStatus to = EditionStatus::open;
};
BOOST_DESCRIBE_STRUCT(EditionTransition, (), (to))

}  // namespace manzuma::modules
