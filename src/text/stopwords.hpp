#pragma once
// Arabic and English function words that carry no meaning for search (lists in src/text/stopwords/).

#include <string_view>

namespace manzuma::text {

/// True when the normalised word is a stopword in Arabic or English.
bool is_stopword(std::string_view normalized_word);

}  // namespace manzuma::text
