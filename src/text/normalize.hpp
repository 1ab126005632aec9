#pragma once
// Arabic-first normalisation of one word or a whole text (src/text/README.md explains each rule).

#include <string>
#include <string_view>

namespace manzuma::text {

struct NormalizeOptions {
  /// ة → ه at the end of a word, so المؤسسة and المؤسسه meet. On by default: writers use both.
  bool teh_marbuta_to_heh = true;
  /// Arabic-Indic (٠-٩) and Extended Arabic-Indic (۰-۹) digits → 0-9.
  bool latin_digits = true;
};

/// NFKC where needed (presentation forms, ligatures, full-width Latin), then: tashkeel, tatweel and
/// zero-width characters removed; أ إ آ ٱ → ا; ى → ي; ة → ه at word end; digits → 0-9; Arabic
/// punctuation (، ؛ ؟) → , ; ?; Latin case-folded. Malformed UTF-8 sequences are dropped.
std::string normalize(std::string_view text, const NormalizeOptions& options = {});

}  // namespace manzuma::text
