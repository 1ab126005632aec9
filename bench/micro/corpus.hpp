#pragma once
// Deterministic text for the micro-benchmarks: word lists written for Manzuma's domain (government
// innovation, change management, services), and generators that make documents of them with the spelling
// variety real records have (article, attached و/ب/ل, plurals, ة written ه, hamza forms, diacritics,
// tatweel, English terms inside Arabic text). No outside text is used.

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "app/gen/random.hpp"
#include "app/gen/words.hpp"

namespace manzuma::bench {

// The domain's word lists and the generator are the data generator's (src/app/gen), so `manzuma gen-data` and
// these benchmarks share one copy.
using app::gen::kArabicGlue;
using app::gen::kArabicWords;
using app::gen::kEnglishWords;
using app::gen::Rng;

inline std::string strip_article(std::string_view w) {
  constexpr std::string_view al = "ال";
  if (w.substr(0, al.size()) == al && w.size() > al.size() + 4) return std::string(w.substr(al.size()));
  return std::string(w);
}

/// One Arabic word as writers vary it. Text draws its words with a strong skew (a few words are in most
/// documents); a searcher's words are any of the domain's (`uniform`), so their match sets range from most
/// of the index to a few percent of it.
inline std::string arabic_word(Rng& rng, bool uniform = false) {
  const std::size_t n = std::size(kArabicWords);
  std::string w{kArabicWords[uniform ? rng.below(n) : rng.skewed(n)]};
  const auto r = rng.below(100);
  if (r < 10) {
    w = strip_article(w);  // without the article
  } else if (r < 16) {
    w = "و" + w;  // with a conjunction
  } else if (r < 20) {
    w = "ل" + strip_article(w);  // with a preposition
  } else if (r < 23) {
    w = "بـ" + strip_article(w);  // with a preposition and a tatweel
  }
  // ة written as ه at the end, now and then.
  constexpr std::string_view teh = "ة";
  if (w.size() > teh.size() && std::string_view(w).substr(w.size() - teh.size()) == teh && rng.chance(20))
    w.replace(w.size() - teh.size(), teh.size(), "ه");
  // A vowel mark on one word in fifty.
  if (rng.chance(2)) w += "ُ";
  return w;
}

/// A sentence of `words` words: Arabic with glue words, or (one in eight) English.
inline void sentence(Rng& rng, std::size_t words, std::string& out) {
  const bool english = rng.below(8) == 0;
  for (std::size_t i = 0; i < words; ++i) {
    if (i) out += ' ';
    if (english) {
      out += kEnglishWords[rng.skewed(std::size(kEnglishWords))];
    } else if (i > 0 && rng.chance(30)) {
      out += kArabicGlue[rng.below(std::size(kArabicGlue))];
    } else {
      out += arabic_word(rng);
    }
  }
  out += english ? ". " : (rng.chance(20) ? "، " : ". ");
}

/// A title of 3–8 Arabic words.
inline std::string title(Rng& rng) {
  std::string t;
  const std::size_t n = 3 + rng.below(6);
  for (std::size_t i = 0; i < n; ++i) {
    if (i) t += ' ';
    t += arabic_word(rng);
  }
  return t;
}

/// A body of about `words` words in sentences of 6–18 words, with a number and a year here and there.
inline std::string body(Rng& rng, std::size_t words) {
  std::string b;
  std::size_t done = 0;
  while (done < words) {
    const std::size_t n = 6 + rng.below(13);
    sentence(rng, n, b);
    done += n;
    if (rng.chance(15))
      b += "بنسبة " + std::to_string(5 + rng.below(90)) + "% في عام " + std::to_string(2015 + rng.below(11)) + ". ";
    if (rng.chance(10)) b += '\n';
  }
  return b;
}

}  // namespace manzuma::bench
