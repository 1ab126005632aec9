#pragma once
// One searchable record as the index sees it, and who may see it.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/actor.hpp"

namespace manzuma::search {

/// Who may open a record. A user sees a document when any one of these holds (and the area's read policy
/// lets their role read that type at all; the search service checks that).
struct Visibility {
  /// Everyone signed in (a published practice, an accepted study, an edition).
  bool everyone = false;
  /// These users by id (a practice's owner, a study's reviewers).
  std::vector<std::int64_t> users;
  /// Members holding one of `roles` in the organisation at `path` or in one of its ancestors
  /// (core::Actor::covers semantics): e.g. an adoption's entity staff.
  struct Scope {
    std::string path;  // materialised path "/1/7/"
    std::vector<core::Role> roles;
  };
  std::vector<Scope> scopes;
  // Platform administrators and the program office see every document; nothing to say here.
};

struct Document {
  /// The record's kind, a short lower-case word: "practice", "study", "event", "edition", "partnership",
  /// "adoption". With `id` it is the document's identity in the index.
  std::string type;
  std::int64_t id = 0;
  std::string title_ar;
  std::string title_en;
  /// Every other searchable text of the record, both languages, paragraphs separated by "\n".
  std::string body;
  /// The organisation the record belongs to (facet "organization").
  std::optional<std::int64_t> organization_id;
  /// The edition number (facet "edition") and the year (facet "year").
  std::optional<std::int64_t> edition;
  std::optional<std::int64_t> year;
  /// ISO date or timestamp for "newest first" (YYYY-MM-DD…).
  std::string date;
  Visibility visibility;
};

/// The boolean filter terms a document carries for its visibility (stored in the index).
std::vector<std::string> visibility_terms(const Visibility& v);

/// What a caller may see: `all` for the national roles; otherwise any document carrying one of `terms`
/// (from access_terms()). `types` limits the document types the caller's roles may read; empty means
/// none at all (the caller sees nothing).
struct Access {
  bool all = false;
  std::vector<std::string> terms;
  std::vector<std::string> types;
};

/// The filter terms matching `actor`: everyone's term, their user term, and one per membership.
std::vector<std::string> access_terms(const core::Actor& actor);

}  // namespace manzuma::search
