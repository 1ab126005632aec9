#include "text/analyzer.hpp"

#include "text/normalize.hpp"
#include "text/stem.hpp"
#include "text/stopwords.hpp"

namespace manzuma::text {

std::vector<Term> analyze(std::string_view text) {
  const auto tokens = tokenize(text);
  std::vector<Term> terms;
  terms.reserve(tokens.size());
  std::uint32_t position = 0;
  for (const auto& t : tokens) {
    Term term;
    term.word = normalize(t.raw);
    if (term.word.empty()) continue;  // a token of tashkeel or joiners only
    term.kind = t.kind;
    term.script = t.script;
    term.begin = t.begin;
    term.end = t.end;
    term.stopword = t.kind == TokenKind::word && is_stopword(term.word);
    if (term.stopword) {
      // A stopword's stem would meet content words (the stopword ولا is the stem of الولايات): it keeps
      // its word, which the index uses for phrases only.
      term.stem = term.word;
    } else if (t.kind == TokenKind::word && t.script == Script::arabic) {
      term.stem = stem_arabic(term.word);
      term.alt_stem = stem_arabic_without_clitic(term.word);
      if (term.alt_stem == term.stem) term.alt_stem.clear();
    } else if (t.kind == TokenKind::word && t.script == Script::latin) {
      term.stem = stem_english(term.word);
    } else {
      term.stem = term.word;
    }
    term.position = position++;
    terms.push_back(std::move(term));
  }
  return terms;
}

}  // namespace manzuma::text
