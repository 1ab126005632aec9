#pragma once
// Light stemming: Arabic in the Light10 family, English by Snowball (Porter2).

#include <string>
#include <string_view>

namespace manzuma::text {

/// The light stem of one normalised Arabic word (normalize() first): the conjunction و, the article
/// and its prepositional forms (ال بال كال فال لل وال …) and the common suffixes (ها ان ات ون ين يه ه ي …)
/// are stripped with minimum-length guards, so المؤسسة, مؤسسات and للمؤسسات share the stem مؤسس.
std::string stem_arabic(std::string_view word);

/// The stem of `word` without a leading و ف ب ل or ك, when that letter may be a clitic (وتطوير → تطوير); empty
/// when the word does not start with one, would be left too short, or starts with the article.
std::string stem_arabic_without_clitic(std::string_view word);

/// The Snowball English stem of one lower-case word (organizations → organ, managing → manag).
std::string stem_english(std::string_view word);

}  // namespace manzuma::text
