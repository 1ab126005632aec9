#pragma once
// Organisations: the tree of the program office, ministries, authorities, companies and governorates.

#include <boost/describe.hpp>
#include <cstdint>
#include <optional>
#include <string>

namespace manzuma::platform {

enum class OrganizationKind {
  program_office,
  ministry,
  authority,
  government_company,
  private_company,
  civil_society,
  academic,
  governorate,
};
BOOST_DESCRIBE_ENUM(OrganizationKind, program_office, ministry, authority, government_company, private_company,
                    civil_society, academic, governorate)

/// ISO 3166 country of an organisation (the seeds cover Oman and Qatar).
enum class Country { OM, QA };
BOOST_DESCRIBE_ENUM(Country, OM, QA)

struct Organization {
  std::int64_t id = 0;
  OrganizationKind kind = OrganizationKind::ministry;
  std::string name_ar;
  std::string name_en;
  std::optional<std::int64_t> parent_id;
  /// Ids from the root down, "/1/7/12/".
  std::string path;
  std::optional<std::int64_t> governorate_id;
  Country country = Country::OM;
  bool active = true;
  std::int64_t version = 1;
  std::string created_at;
  std::string updated_at;
};
BOOST_DESCRIBE_STRUCT(Organization, (),
                      (id, kind, name_ar, name_en, parent_id, path, governorate_id, country, active, version,
                       created_at, updated_at))

struct OrganizationInput {
  OrganizationKind kind = OrganizationKind::ministry;
  std::string name_ar;
  std::string name_en;
  std::optional<std::int64_t> parent_id;
  std::optional<std::int64_t> governorate_id;
  /// Defaults to the parent's country, or Oman for a root.
  std::optional<Country> country;
};
BOOST_DESCRIBE_STRUCT(OrganizationInput, (), (kind, name_ar, name_en, parent_id, governorate_id, country))

/// A full replacement of the editable fields; `version` must be the one last read (409 otherwise).
struct OrganizationUpdate {
  OrganizationKind kind = OrganizationKind::ministry;
  std::string name_ar;
  std::string name_en;
  std::optional<std::int64_t> parent_id;
  std::optional<std::int64_t> governorate_id;
  Country country = Country::OM;
  bool active = true;
  std::int64_t version = 0;
};
BOOST_DESCRIBE_STRUCT(OrganizationUpdate, (),
                      (kind, name_ar, name_en, parent_id, governorate_id, country, active, version))

}  // namespace manzuma::platform
