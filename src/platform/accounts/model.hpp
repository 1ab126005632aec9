#pragma once
// Users, their roles in organisations, and their preferences.

#include <boost/describe.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/actor.hpp"

namespace manzuma::platform {

enum class Locale { ar, en };
BOOST_DESCRIBE_ENUM(Locale, ar, en)
/// Dates shown in the Gregorian or the Hijri (Umm al-Qura) calendar.
enum class CalendarPreference { gregorian, hijri };
BOOST_DESCRIBE_ENUM(CalendarPreference, gregorian, hijri)
/// Numbers in Arabic-Indic (٠١٢) or Latin (012) digits.
enum class DigitsPreference { arab, latn };
BOOST_DESCRIBE_ENUM(DigitsPreference, arab, latn)

/// A role in an organisation, with the organisation's names for display.
struct MembershipView {
  std::int64_t id = 0;
  std::int64_t organization_id = 0;
  std::string organization_name_ar;
  std::string organization_name_en;
  core::Role role = core::Role::viewer;
};
BOOST_DESCRIBE_STRUCT(MembershipView, (), (id, organization_id, organization_name_ar, organization_name_en, role))

struct User {
  std::int64_t id = 0;
  std::string email;
  std::string name_ar;
  std::string name_en;
  std::optional<std::string> national_id;
  Locale locale = Locale::ar;
  CalendarPreference calendar = CalendarPreference::gregorian;
  DigitsPreference digits = DigitsPreference::arab;
  bool active = true;
  std::int64_t version = 1;
  std::string created_at;
  std::string updated_at;
  std::vector<MembershipView> memberships;
};
BOOST_DESCRIBE_STRUCT(User, (),
                      (id, email, name_ar, name_en, national_id, locale, calendar, digits, active, version, created_at,
                       updated_at, memberships))

struct MembershipInput {
  std::int64_t organization_id = 0;
  core::Role role = core::Role::viewer;
};
BOOST_DESCRIBE_STRUCT(MembershipInput, (), (organization_id, role))

struct UserInput {
  std::string email;
  std::string name_ar;
  std::string name_en;
  std::optional<std::string> national_id;
  std::optional<Locale> locale;
  /// At least one role: a user belongs somewhere.
  std::vector<MembershipInput> memberships;
  /// Leave empty to have a temporary password generated and returned once.
  std::optional<std::string> password;
};
BOOST_DESCRIBE_STRUCT(UserInput, (), (email, name_ar, name_en, national_id, locale, memberships, password))

/// The new user, and the generated password when none was given (shown once, never stored in clear).
struct UserCreated {
  User user;
  std::optional<std::string> temporary_password;
};
BOOST_DESCRIBE_STRUCT(UserCreated, (), (user, temporary_password))

struct UserUpdate {
  std::string email;
  std::string name_ar;
  std::string name_en;
  std::optional<std::string> national_id;
  Locale locale = Locale::ar;
  /// false disables the account and ends its sessions.
  bool active = true;
  std::int64_t version = 0;
};
BOOST_DESCRIBE_STRUCT(UserUpdate, (), (email, name_ar, name_en, national_id, locale, active, version))

struct PasswordReset {
  std::string temporary_password;
};
BOOST_DESCRIBE_STRUCT(PasswordReset, (), (temporary_password))

/// What the signed-in user may change about themselves.
struct PreferencesInput {
  std::optional<Locale> locale;
  std::optional<CalendarPreference> calendar;
  std::optional<DigitsPreference> digits;
};
BOOST_DESCRIBE_STRUCT(PreferencesInput, (), (locale, calendar, digits))

struct PasswordChange {
  std::string current_password;
  std::string new_password;
};
BOOST_DESCRIBE_STRUCT(PasswordChange, (), (current_password, new_password))

}  // namespace manzuma::platform
