#pragma once
// The whole pipeline search uses on both sides (documents and queries): tokenize → normalize → stem.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/tokenize.hpp"

namespace manzuma::text {

struct Term {
  /// The stem (Arabic light stem, English Snowball stem; numbers and URLs as normalised).
  std::string stem;
  /// For an Arabic word that starts with و ف ب ل or ك, which may be a conjunction or preposition (وتطوير,
  /// لتطوير) or the word's own first letter (وزارة, بيانات), the stem without that letter; empty otherwise.
  /// Index both stems at one position and query them as synonyms, so وتطوير meets تطوير and وزارة still
  /// meets الوزارة.
  std::string alt_stem;
  /// The normalised word before stemming (for phrase matching, spelling and suggestions).
  std::string word;
  TokenKind kind = TokenKind::word;
  Script script = Script::other;
  /// 0, 1, 2, … in text order; stopwords take a position too, so phrases keep their gaps.
  std::uint32_t position = 0;
  /// True for stopwords: indexed for phrases (by `word`, which is also their `stem`, unstemmed), left out of
  /// ranked queries and never indexed as stems, where they would meet content words (ولا / الولايات).
  bool stopword = false;
  /// Byte offsets in the analysed text.
  std::size_t begin = 0;
  std::size_t end = 0;
};

/// Every term of `text`, in order.
std::vector<Term> analyze(std::string_view text);

}  // namespace manzuma::text
