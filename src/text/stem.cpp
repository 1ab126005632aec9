#include "text/stem.hpp"

#include <libstemmer.h>

#include <array>
#include <memory>
#include <string_view>

#include "text/utf8.hpp"

namespace manzuma::text {

namespace {

using Word = std::u32string;
using Affix = std::u32string_view;

bool starts(const Word& w, Affix a) { return w.size() >= a.size() && Affix(w).substr(0, a.size()) == a; }
bool ends(const Word& w, Affix a) { return w.size() >= a.size() && Affix(w).substr(w.size() - a.size()) == a; }

// The article and its forms with a leading conjunction or preposition, longest first. The stem must keep
// at least two letters (الى, الا stay whole).
constexpr std::array<Affix, 11> kArticles{U"وبال", U"وكال", U"فبال", U"ولل", U"فلل", U"وال",
                                          U"فال",  U"بال",  U"كال",  U"لل",  U"ال"};

// Suffixes, tried once each in this order (Light10's order, with the attached pronouns هم كم نا هما كما and
// the dual تين تان first). Two-letter and longer suffixes must leave three letters (مكان, بيان stay whole),
// one-letter suffixes two.
constexpr std::array<Affix, 17> kSuffixes{U"هما", U"كما", U"تين", U"تان", U"هم", U"هن", U"كم", U"نا", U"ها",
                                          U"ان",  U"ات",  U"ون",  U"ين",  U"يه", U"ية", U"ه",  U"ي"};

// ة is here too for callers who keep it (NormalizeOptions::teh_marbuta_to_heh = false).
constexpr Affix kTehMarbuta = U"ة";

Word strip_affixes(Word w) {
  for (Affix a : kArticles) {
    if (starts(w, a) && w.size() - a.size() >= 2) {
      w.erase(0, a.size());
      break;
    }
  }
  for (Affix s : kSuffixes) {
    const std::size_t keep = s.size() >= 2 ? 3 : 2;
    if (ends(w, s) && w.size() - s.size() >= keep) w.resize(w.size() - s.size());
  }
  if (ends(w, kTehMarbuta) && w.size() - 1 >= 2) w.resize(w.size() - 1);
  return w;
}

Word decode(std::string_view s) {
  Word w;
  w.reserve(s.size() / 2);
  for (std::size_t i = 0; i < s.size();) {
    const char32_t c = utf8::next(s, i);
    if (c != utf8::kInvalid) w.push_back(c);
  }
  return w;
}

std::string encode(const Word& w) {
  std::string out;
  out.reserve(w.size() * 2);
  for (char32_t c : w) utf8::append(out, c);
  return out;
}

struct StemmerDeleter {
  void operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }
};

}  // namespace

std::string stem_arabic(std::string_view word) { return encode(strip_affixes(decode(word))); }

std::string stem_arabic_without_clitic(std::string_view word) {
  Word w = decode(word);
  // و and ف (and, so) and ب ل ك (with, for, like) attach to the next word. Keeping the word whole in the main
  // stem and offering this one as a synonym spares وزارة, بيانات and فريق; the guards keep the guess from
  // producing one- and two-letter stems.
  if (w.size() < 4) return {};
  const char32_t first = w[0];
  if (first != U'و' && first != U'ف' && first != U'ب' && first != U'ل' && first != U'ك') return {};
  if (starts(w, U"ال")) return {};
  w.erase(0, 1);
  if (starts(w, U"ال") || starts(w, U"لل")) return {};  // وال / بال / لل are articles: the main stem has them
  Word s = strip_affixes(std::move(w));
  if (s.size() < 3) return {};
  return encode(s);
}

std::string stem_english(std::string_view word) {
  // A Snowball stemmer is not thread-safe; one per thread, made on first use.
  thread_local std::unique_ptr<sb_stemmer, StemmerDeleter> stemmer(sb_stemmer_new("english", "UTF_8"));
  if (!stemmer || word.empty()) return std::string(word);
  const sb_symbol* out =
      sb_stemmer_stem(stemmer.get(), reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
  if (!out) return std::string(word);
  return std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(sb_stemmer_length(stemmer.get())));
}

}  // namespace manzuma::text
