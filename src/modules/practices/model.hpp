#pragma once
// The practice catalogue: management practices contributed by organisations in an edition, each with a
// practice owner and a toolkit of files and links.

#include <boost/describe.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace manzuma::modules {

enum class PracticeCategory {
  leadership,
  change_management,
  risk_management,
  performance,
  accelerating_change,
  onboarding,
  organizational_culture,
  continuous_improvement,
  other,
};
BOOST_DESCRIBE_ENUM(PracticeCategory, leadership, change_management, risk_management, performance, accelerating_change,
                    onboarding, organizational_culture, continuous_improvement, other)

/// draft → published → archived, and archived → published to restore.
enum class PracticeStatus { draft, published, archived };
BOOST_DESCRIBE_ENUM(PracticeStatus, draft, published, archived)

/// "template" is a C++ keyword, so the wire name of a template is template_file.
enum class ToolkitKind { guide, template_file, training, other };
BOOST_DESCRIBE_ENUM(ToolkitKind, guide, template_file, training, other)

/// One toolkit item: an uploaded file (attachment_id) or an https link (url), never both.
struct ToolkitItem {
  std::int64_t id = 0;
  std::int64_t practice_id = 0;
  ToolkitKind kind = ToolkitKind::guide;
  std::string title_ar;
  std::string title_en;
  std::optional<std::int64_t> attachment_id;
  /// The attachment's file name, for the download link.
  std::optional<std::string> filename;
  std::optional<std::string> url;
  std::int64_t position = 0;
  std::string created_at;
};
BOOST_DESCRIBE_STRUCT(ToolkitItem, (),
                      (id, practice_id, kind, title_ar, title_en, attachment_id, filename, url, position, created_at))

struct ToolkitItemInput {
  ToolkitKind kind = ToolkitKind::guide;
  std::string title_ar;
  std::string title_en;
  std::optional<std::int64_t> attachment_id;
  std::optional<std::string> url;
  std::optional<std::int64_t> position;
};
BOOST_DESCRIBE_STRUCT(ToolkitItemInput, (), (kind, title_ar, title_en, attachment_id, url, position))

struct Practice {
  std::int64_t id = 0;
  std::int64_t edition_id = 0;
  std::int64_t edition_number = 0;
  std::int64_t organization_id = 0;
  std::string organization_name_ar;
  std::string organization_name_en;
  std::optional<std::int64_t> owner_id;
  std::optional<std::string> owner_name_ar;
  std::optional<std::string> owner_name_en;
  PracticeCategory category = PracticeCategory::other;
  std::string title_ar;
  std::string title_en;
  std::string summary_ar;
  std::string summary_en;
  std::string benefits_ar;
  std::string benefits_en;
  std::string prerequisites_ar;
  std::string prerequisites_en;
  PracticeStatus status = PracticeStatus::draft;
  std::int64_t version = 1;
  std::string created_at;
  std::string updated_at;
};
BOOST_DESCRIBE_STRUCT(Practice, (),
                      (id, edition_id, edition_number, organization_id, organization_name_ar, organization_name_en,
                       owner_id, owner_name_ar, owner_name_en, category, title_ar, title_en, summary_ar, summary_en,
                       benefits_ar, benefits_en, prerequisites_ar, prerequisites_en, status, version, created_at,
                       updated_at))

/// One practice with its toolkit and what the caller may do with it.
struct PracticeDetail {
  Practice practice;
  std::vector<ToolkitItem> toolkit;
  /// The caller may edit the fields and the toolkit (national roles, or the practice's owner).
  bool can_edit = false;
  /// The caller may publish, archive, restore and delete (national roles).
  bool can_manage = false;
};
BOOST_DESCRIBE_STRUCT(PracticeDetail, (), (practice, toolkit, can_edit, can_manage))

struct PracticeInput {
  std::int64_t edition_id = 0;
  std::int64_t organization_id = 0;
  std::optional<std::int64_t> owner_id;
  PracticeCategory category = PracticeCategory::other;
  std::string title_ar;
  std::string title_en;
  std::optional<std::string> summary_ar;
  std::optional<std::string> summary_en;
  std::optional<std::string> benefits_ar;
  std::optional<std::string> benefits_en;
  std::optional<std::string> prerequisites_ar;
  std::optional<std::string> prerequisites_en;
};
BOOST_DESCRIBE_STRUCT(PracticeInput, (),
                      (edition_id, organization_id, owner_id, category, title_ar, title_en, summary_ar, summary_en,
                       benefits_ar, benefits_en, prerequisites_ar, prerequisites_en))

/// A full replacement of the editable fields; `version` must be the one last read (409 otherwise). A practice
/// owner may change the texts and the category; edition, organisation and owner stay as they are unless a
/// national role sends other values.
struct PracticeUpdate {
  std::int64_t edition_id = 0;
  std::int64_t organization_id = 0;
  std::optional<std::int64_t> owner_id;
  PracticeCategory category = PracticeCategory::other;
  std::string title_ar;
  std::string title_en;
  std::string summary_ar;
  std::string summary_en;
  std::string benefits_ar;
  std::string benefits_en;
  std::string prerequisites_ar;
  std::string prerequisites_en;
  std::int64_t version = 0;
};
BOOST_DESCRIBE_STRUCT(PracticeUpdate, (),
                      (edition_id, organization_id, owner_id, category, title_ar, title_en, summary_ar, summary_en,
                       benefits_ar, benefits_en, prerequisites_ar, prerequisites_en, version))

struct PracticeStatusChange {
  PracticeStatus status = PracticeStatus::published;
  std::int64_t version = 0;
};
BOOST_DESCRIBE_STRUCT(PracticeStatusChange, (), (status, version))

}  // namespace manzuma::modules
