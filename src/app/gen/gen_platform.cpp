// Organisations (with their materialised paths), users and memberships: the program office, Oman's
// governorates, ministries and their governorate branches, authorities, companies, societies and colleges, and
// the users of each with realistic roles (one coordinator and one change-team head per entity, practice owners
// at companies, assessors at colleges, most others viewers or contributors).

#include <sodium.h>

#include <algorithm>
#include <cstring>
#include <set>

#include "app/gen/gen.hpp"
#include "app/gen/words.hpp"
#include "core/error.hpp"

namespace manzuma::app::gen {

namespace {

// "ل" before a noun, joined with its article as Arabic writes it: ل + الصحة = للصحة.
std::string li(std::string_view noun) {
  constexpr std::string_view al = "ال";
  if (noun.starts_with(al)) return "لل" + std::string(noun.substr(al.size()));
  return "ل" + std::string(noun);
}

// The one argon2id hash every generated user shares. Hashing 250,000 passwords would take hours, so the
// generator hashes once; the salt comes from the seed so that the same seed gives the same rows, hash included.
// Written in libsodium's own string form, which core::verify_password reads.
std::string shared_password_hash(const Context& c) {
  Rng rng = c.rng("password");
  unsigned char salt[crypto_pwhash_SALTBYTES];
  for (auto& b : salt) b = static_cast<unsigned char>(rng.next());
  unsigned char hash[32];
  const auto& cost = c.options.password_cost;
  if (crypto_pwhash(hash, sizeof hash, kPassword.data(), kPassword.size(), salt, cost.ops_limit, cost.mem_limit_bytes,
                    crypto_pwhash_ALG_ARGON2ID13) != 0)
    throw core::Error::internal("argon2id hashing ran out of memory");
  auto b64 = [](const unsigned char* bin, std::size_t n) {
    std::string out(sodium_base64_ENCODED_LEN(n, sodium_base64_VARIANT_ORIGINAL_NO_PADDING), '\0');
    sodium_bin2base64(out.data(), out.size(), bin, n, sodium_base64_VARIANT_ORIGINAL_NO_PADDING);
    out.resize(std::strlen(out.c_str()));
    return out;
  };
  const std::string text = "$argon2id$v=19$m=" + std::to_string(cost.mem_limit_bytes / 1024) +
                           ",t=" + std::to_string(cost.ops_limit) + ",p=1$" + b64(salt, sizeof salt) + "$" +
                           b64(hash, sizeof hash);
  if (!core::verify_password(text, kPassword))
    throw core::Error::internal("the generated password hash does not verify");
  return text;
}

struct Names {
  std::set<std::pair<std::int64_t, std::string>> ar, en;
  /// True (and taken) when neither name is used under `parent` yet.
  bool take(std::int64_t parent, const std::string& a, const std::string& e) {
    if (ar.count({parent, a}) || en.count({parent, e})) return false;
    ar.insert({parent, a});
    en.insert({parent, e});
    return true;
  }
};

}  // namespace

void gen_platform(Context& c) {
  c.w.area("platform");
  Rng rng = c.rng("platform");
  auto& orgs_t = c.w.table("organizations", {"id", "kind", "name_ar", "name_en", "parent_id", "path", "governorate_id",
                                             "country", "active", "version", "created_at", "updated_at"});
  auto& users_t =
      c.w.table("users", {"id", "email", "name_ar", "name_en", "locale", "calendar", "digits", "password_hash",
                          "password_changed_at", "active", "version", "created_at", "updated_at"});
  auto& members_t = c.w.table("memberships", {"id", "user_id", "organization_id", "role", "created_at"});
  const Figures& f = c.f;
  Names names;
  std::vector<std::int64_t> governorate_ids;
  std::vector<std::string_view> governorate_names_ar, governorate_names_en;

  const std::string org_created = stamp(make_day(2014, 11, 2));
  auto add_org = [&](std::string kind, std::string ar, std::string en, std::optional<std::size_t> parent,
                     std::optional<std::int64_t> governorate) {
    Org o;
    o.id = c.next_id("organizations");
    o.kind = std::move(kind);
    o.name_ar = std::move(ar);
    o.name_en = std::move(en);
    o.path = (parent ? c.orgs[*parent].path : std::string("/")) + std::to_string(o.id) + "/";
    std::optional<std::int64_t> parent_id;
    if (parent) parent_id = c.orgs[*parent].id;
    orgs_t.add(o.id, o.kind, o.name_ar, o.name_en, parent_id, o.path, governorate, "OM", 1, 1, org_created,
               org_created);
    c.orgs.push_back(std::move(o));
    return c.orgs.size() - 1;
  };
  // Draws names until one is free under `parent` (the organisations' unique indexes).
  auto unique = [&](std::int64_t parent, auto&& draw) {
    for (int attempt = 0;; ++attempt) {
      auto [a, e] = draw();
      if (attempt > 1000) {
        a += " " + std::to_string(attempt);
        e += " " + std::to_string(attempt);
      }
      if (names.take(parent, a, e)) return std::pair{a, e};
    }
  };

  c.office = add_org("program_office", "مكتب البرنامج الوطني للابتكار المؤسسي",
                     "National Programme Office for Institutional Innovation", std::nullopt, std::nullopt);
  names.take(0, c.orgs[c.office].name_ar, c.orgs[c.office].name_en);
  for (int i = 0; i < f.governorates; ++i) {
    const auto& g = kGovernorates[static_cast<std::size_t>(i) % std::size(kGovernorates)];
    const std::string ar = "محافظة " + std::string(g.ar), en = std::string(g.en) + " Governorate";
    names.take(0, ar, en);
    const auto idx = add_org("governorate", ar, en, std::nullopt, std::nullopt);
    governorate_ids.push_back(c.orgs[idx].id);
    governorate_names_ar.push_back(g.ar);
    governorate_names_en.push_back(g.en);
  }
  const std::int64_t muscat = governorate_ids.front();
  std::vector<std::size_t> ministries;
  for (int i = 0; i < f.ministries; ++i) {
    const auto& s = kMinistrySubjects[static_cast<std::size_t>(i) % std::size(kMinistrySubjects)];
    auto [ar, en] = unique(0, [&] {
      return std::pair{"وزارة " + std::string(s.ar), "Ministry of " + std::string(s.en)};
    });
    ministries.push_back(add_org("ministry", ar, en, std::nullopt, muscat));
  }
  // Branches: a ministry's directorate in a governorate, a child of the ministry.
  for (int m = 0; m < f.ministries_with_branches && m < f.ministries; ++m) {
    const auto parent = ministries[static_cast<std::size_t>(m)];
    std::set<std::size_t> used;
    for (int b = 0; b < f.branches_per_ministry && used.size() + 1 < governorate_ids.size(); ++b) {
      std::size_t g = 1 + rng.below(governorate_ids.size() - 1);  // Muscat holds the ministry itself
      while (used.count(g)) g = 1 + rng.below(governorate_ids.size() - 1);
      used.insert(g);
      const std::string ar = "المديرية العامة بمحافظة " + std::string(governorate_names_ar[g]);
      const std::string en = "Directorate General, " + std::string(governorate_names_en[g]) + " Governorate";
      names.take(c.orgs[parent].id, ar, en);
      add_org("ministry", ar, en, parent, governorate_ids[g]);
    }
  }
  auto any_governorate = [&] { return governorate_ids[rng.skewed(governorate_ids.size())]; };
  for (int i = 0; i < f.authorities; ++i) {
    auto [ar, en] = unique(0, [&] {
      const auto& p = rng.pick(kAuthorityPrefixes);
      const auto& x = rng.pick(kFields);
      const bool idafa = p.ar.ends_with("تنظيم");  // هيئة تنظيم الاتصالات, not …للاتصالات
      return std::pair{std::string(p.ar) + " " + (idafa ? std::string(x.ar) : li(x.ar)),
                       std::string(p.en) + " " + std::string(x.en)};
    });
    add_org("authority", ar, en, std::nullopt, muscat);
  }
  for (int i = 0; i < f.government_companies; ++i) {
    auto [ar, en] = unique(0, [&] {
      const auto& s = rng.pick(kCompanySectors);
      if (rng.chance(30)) return std::pair{"الشركة العُمانية " + li(s.ar), "Oman " + std::string(s.en) + " Company"};
      const auto& x = rng.pick(kCompanySuffixes);
      return std::pair{"شركة " + std::string(s.ar) + " " + std::string(x.ar),
                       std::string(s.en) + " " + std::string(x.en) + " Company"};
    });
    add_org("government_company", ar, en, std::nullopt, any_governorate());
  }
  for (int i = 0; i < f.private_companies; ++i) {
    auto [ar, en] = unique(0, [&] {
      const auto& fam = rng.pick(kFamilyNames);
      const auto& s = rng.pick(kCompanySectors);
      return std::pair{"شركة " + std::string(fam.ar) + " " + li(s.ar),
                       std::string(fam.en) + " " + std::string(s.en) + " LLC"};
    });
    add_org("private_company", ar, en, std::nullopt, any_governorate());
  }
  for (int i = 0; i < f.civil_society; ++i) {
    auto [ar, en] = unique(0, [&] {
      const auto& x = rng.pick(kFields);
      return std::pair{"الجمعية العُمانية " + li(x.ar), "Oman Society for " + std::string(x.en)};
    });
    add_org("civil_society", ar, en, std::nullopt, any_governorate());
  }
  for (int i = 0; i < f.academic; ++i) {
    auto [ar, en] = unique(0, [&] {
      const auto& a = rng.pick(kAcademicNames);
      return std::pair{std::string(a.ar), std::string(a.en)};
    });
    add_org("academic", ar, en, std::nullopt, any_governorate());
  }

  // Users: the three known accounts, the role holders of every entity, then everyone else.
  const std::string hash = shared_password_hash(c);
  const Day first_day = make_day(2015, 1, 4);
  const int span_days = static_cast<int>((c.today - first_day).count()) - 1;
  int created = 0;
  auto add_user = [&](std::size_t org, const char* role, std::string email) {
    const std::int64_t id = c.next_id("users");
    const bool female = rng.chance(45);
    const auto& first = female ? rng.pick(kFemaleNames) : rng.pick(kMaleNames);
    const auto& father = rng.pick(kMaleNames);
    const auto& family = rng.pick(kFamilyNames);
    Person p;
    // Omani usage: "مريم بنت سعيد البلوشية" / "Maryam Saeed Al Balushi".
    p.name_ar = std::string(first.ar) + (female ? " بنت " : " بن ") + std::string(father.ar) + " " +
                std::string(family.ar) + (female ? "ة" : "");
    p.name_en = std::string(first.en) + " " + std::string(father.en) + " " + std::string(family.en);
    p.email = email.empty() ? "user" + std::to_string(id) + "@" + std::string(kEmailDomain) : email;
    p.org = org;
    // Accounts arrive over the years, in id order.
    const std::string at =
        stamp(first_day + std::chrono::days{static_cast<std::int64_t>(created) * span_days / f.users},
              7 * 3600 + static_cast<int>(rng.below(10 * 3600)));
    ++created;
    // Drawn one by one: the order in which a call's arguments are evaluated is unspecified.
    const char* locale = rng.chance(85) ? "ar" : "en";
    const char* calendar = rng.chance(90) ? "gregorian" : "hijri";
    const char* digits = rng.chance(70) ? "arab" : "latn";
    users_t.add(id, p.email, p.name_ar, p.name_en, locale, calendar, digits, hash, at, 1, 1, at, at);
    members_t.add(c.next_id("memberships"), id, c.orgs[org].id, role, at);
    c.orgs[org].by_role[role].push_back(id);
    c.orgs[org].members.push_back(id);
    c.user_ids.push_back(id);
    c.people.emplace(id, std::move(p));
    return id;
  };
  auto at_domain = [](const char* local) { return std::string(local) + "@" + std::string(kEmailDomain); };
  c.admin_user = add_user(c.office, "platform_admin", at_domain("admin"));
  c.office_user = add_user(c.office, "program_office", at_domain("office"));
  c.office_users.push_back(c.office_user);
  c.coordinator_user = add_user(ministries.front(), "entity_coordinator", at_domain("coordinator"));
  for (int i = 1; i < f.office_users; ++i) c.office_users.push_back(add_user(c.office, "program_office", {}));
  for (std::size_t i = 0; i < c.orgs.size(); ++i) {
    const std::string kind = c.orgs[i].kind;
    auto roles = [&](const char* role, int n) {
      for (int k = 0; k < n; ++k) add_user(i, role, {});
    };
    if (kind == "ministry" || kind == "authority") {
      if (i != ministries.front()) roles("entity_coordinator", 1);
      roles("change_team_head", 1);
      roles("practice_owner", 1);
    } else if (kind == "government_company") {
      roles("entity_coordinator", 1);
      roles("change_team_head", 1);
      roles("practice_owner", 3);
    } else if (kind == "private_company") {
      roles("entity_coordinator", 1);
      roles("practice_owner", 3);
    } else if (kind == "civil_society") {
      roles("entity_coordinator", 1);
      roles("practice_owner", 1);
    } else if (kind == "academic") {
      roles("entity_coordinator", 1);
      roles("assessor", 5);
    }
  }
  for (const auto& o : c.orgs)
    if (auto it = o.by_role.find("assessor"); it != o.by_role.end())
      c.assessors.insert(c.assessors.end(), it->second.begin(), it->second.end());
  // Everyone else: viewers and contributors, most of them in ministries (and their branches).
  std::vector<std::size_t> weighted;
  for (std::size_t i = 0; i < c.orgs.size(); ++i) {
    const auto& k = c.orgs[i].kind;
    const int w = k == "program_office" ? 0
                  : k == "ministry"     ? (std::count(c.orgs[i].path.begin(), c.orgs[i].path.end(), '/') > 2 ? 3 : 10)
                  : k == "authority"    ? 5
                  : k == "governorate"  ? 1
                  : k.ends_with("company") ? 3
                                           : 2;
    for (int k2 = 0; k2 < w; ++k2) weighted.push_back(i);
  }
  while (static_cast<int>(c.user_ids.size()) < f.users)
    add_user(rng.pick(weighted), rng.chance(65) ? "viewer" : "contributor", {});
}

}  // namespace manzuma::app::gen
