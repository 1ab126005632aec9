#include "text/stopwords.hpp"

#include <string>
#include <unordered_set>

#include "text/normalize.hpp"

namespace manzuma::text {

namespace detail {
extern const std::string_view stopwords_ar;
extern const std::string_view stopwords_en;
}  // namespace detail

namespace {

/// One word per line; '#' starts a comment. Words are normalised here, so the lists can be written with
/// hamza and ة as people spell them.
void load(std::string_view list, std::unordered_set<std::string>& into) {
  while (!list.empty()) {
    const auto nl = list.find('\n');
    std::string_view line = list.substr(0, nl);
    list = nl == std::string_view::npos ? std::string_view{} : list.substr(nl + 1);
    if (const auto hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r' || line.back() == '\t')) line.remove_suffix(1);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    if (!line.empty()) into.insert(normalize(line));
  }
}

const std::unordered_set<std::string>& words() {
  static const auto set = [] {
    std::unordered_set<std::string> s;
    load(detail::stopwords_ar, s);
    load(detail::stopwords_en, s);
    return s;
  }();
  return set;
}

}  // namespace

bool is_stopword(std::string_view normalized_word) {
  // unordered_set<std::string> has no heterogeneous lookup in C++20 without a custom hash; words are short.
  return words().contains(std::string(normalized_word));
}

}  // namespace manzuma::text
