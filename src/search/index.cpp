#include "search/index.hpp"

#include <xapian.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <cstring>
#include <mutex>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "core/error.hpp"
#include "core/text.hpp"
#include "text/analyzer.hpp"

// The design (terms, ranking, filters, snippets, spelling, threads) is in README.md beside this file.

namespace manzuma::search {

namespace {

// Value slots: "newest" sorts on the date; the facets are one packed value ("type␟org␟edition␟year"), so
// counting them reads one value per match instead of four.
constexpr Xapian::valueno kSlotDate = 0;
constexpr Xapian::valueno kSlotFacets = 1;
constexpr char kFacetSeparator = '\x1f';

// Term prefixes (Xapian's convention: unprefixed terms are the ranked ones, upper-case prefixes the rest).
//   <stem>        the light stem (and the alternative stem of a word starting with a possible clitic),
//                 positional: ranking and phrases
//   W<word>       a stopword's normalised word, positional: stopwords have no stem term (ولا would meet
//                 the stem of الولايات), so this keeps their place in quoted phrases
//   T<word>       a normalised title word, S<stem> a title stem: prefix suggestions show titles, so they
//                 match titles only
//   Q<type>:<id>  identity; XT type, XO organisation, XE edition, XY year, XV… visibility (document.cpp)
const std::string kWord = "W";
const std::string kTitleWord = "T";
const std::string kTitleStem = "S";

// A title word counts three times a body word, so a record named after the query ranks above one that
// mentions it in passing.
constexpr Xapian::termcount kTitleWdf = 3;
// Positions jump between fields so a phrase never spans the end of a title and the start of the body.
constexpr Xapian::termpos kFieldGap = 100;
// Glass refuses terms over 245 bytes; a longer "word" is a pasted token no one searches for.
constexpr std::size_t kMaxTermBytes = 240;
constexpr std::size_t kMaxQueryChars = 1000;
// The body kept for snippets. Analysing it again per hit is the snippet's cost, so it is bounded; a match
// deeper in a long record still ranks it, its snippet then shows the record's start.
constexpr std::size_t kStoredBodyBytes = 16 * 1024;
constexpr std::size_t kSnippetWords = 30;
constexpr std::size_t kSnippetLeadWords = 4;
constexpr std::size_t kFacetValues = 50;
constexpr Xapian::termcount kSuggestExpansions = 100;
constexpr std::size_t kSpellingMinChars = 3;
constexpr std::size_t kFlushEvery = 1000;
const std::string kAnalyzerKey = "manzuma.analyzer";

[[noreturn]] void rethrow_xapian(const Xapian::Error& e, std::string_view what) {
  throw core::Error::internal("search index: " + std::string(what) + ": " + e.get_description());
}

// ---------------------------------------------------------------------------------------------
// UTF-8

std::size_t sequence_length(unsigned char c) {
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) return 2;
  if (c >= 0xE0 && c <= 0xEF) return 3;
  if (c >= 0xF0 && c <= 0xF4) return 4;
  return 0;
}

// Records come from the database and should be valid; a stray byte must still never reach a snippet (or
// the JSON around it), so malformed sequences are dropped on the way in.
std::string scrub_utf8(std::string_view s) {
  if (core::valid_utf8(s)) return std::string(s);
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t n = sequence_length(static_cast<unsigned char>(s[i]));
    if (n == 0 || i + n > s.size() || !core::valid_utf8(s.substr(i, n))) {
      ++i;
      continue;
    }
    out.append(s.substr(i, n));
    i += n;
  }
  return out;
}

// The longest prefix of at most `bytes` bytes that ends on a character boundary.
std::string_view cut_utf8(std::string_view s, std::size_t bytes) {
  if (s.size() <= bytes) return s;
  std::size_t n = bytes;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return s.substr(0, n);
}

bool spelling_worthy(std::string_view word) {
  // Words only (no numbers, URLs or codes), of at least three letters: shorter ones have too many
  // neighbours at edit distance 1 or 2 to correct safely.
  for (unsigned char c : word)
    if (c < 0x80 && !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return false;
  return core::utf8_length(word) >= kSpellingMinChars;
}

void html_escape_into(std::string& out, std::string_view s) {
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      case '\n':
      case '\r':
      case '\t':
        out += ' ';
        break;
      default:
        out += c;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Stored data: length-prefixed fields, enough for a Hit and its snippet.

void put_field(std::string& out, std::string_view s) {
  auto n = static_cast<std::uint64_t>(s.size());
  do {
    unsigned char b = n & 0x7F;
    n >>= 7;
    if (n) b |= 0x80;
    out += static_cast<char>(b);
  } while (n);
  out.append(s);
}

std::string_view get_field(std::string_view& in) {
  std::uint64_t n = 0;
  int shift = 0;
  while (!in.empty()) {
    const auto b = static_cast<unsigned char>(in.front());
    in.remove_prefix(1);
    n |= static_cast<std::uint64_t>(b & 0x7F) << shift;
    if (!(b & 0x80)) break;
    shift += 7;
  }
  n = std::min<std::uint64_t>(n, in.size());
  auto s = in.substr(0, n);
  in.remove_prefix(n);
  return s;
}

std::string optional_text(const std::optional<std::int64_t>& v) { return v ? std::to_string(*v) : std::string{}; }

std::optional<std::int64_t> parse_optional(std::string_view s) {
  if (s.empty()) return std::nullopt;
  std::int64_t v = 0;
  bool negative = false;
  for (char c : s) {
    if (c == '-') {
      negative = true;
      continue;
    }
    v = v * 10 + (c - '0');
  }
  return negative ? -v : v;
}

struct Stored {
  std::string type;
  std::int64_t id = 0;
  std::string title_ar;
  std::string title_en;
  std::string body;
  std::optional<std::int64_t> organization_id;
  std::optional<std::int64_t> edition;
  std::optional<std::int64_t> year;
  std::string date;
};

std::string pack(const Document& d, std::string_view body) {
  std::string out;
  put_field(out, d.type);
  put_field(out, std::to_string(d.id));
  put_field(out, scrub_utf8(d.title_ar));
  put_field(out, scrub_utf8(d.title_en));
  put_field(out, body);
  put_field(out, optional_text(d.organization_id));
  put_field(out, optional_text(d.edition));
  put_field(out, optional_text(d.year));
  put_field(out, d.date);
  return out;
}

Stored unpack(std::string_view in) {
  Stored s;
  s.type = get_field(in);
  s.id = parse_optional(get_field(in)).value_or(0);
  s.title_ar = get_field(in);
  s.title_en = get_field(in);
  s.body = get_field(in);
  s.organization_id = parse_optional(get_field(in));
  s.edition = parse_optional(get_field(in));
  s.year = parse_optional(get_field(in));
  s.date = get_field(in);
  return s;
}

// ---------------------------------------------------------------------------------------------
// Snippets: Xapian's MSet::snippet has its own tokenizer and knows nothing of our stems, so the window
// and the marks come from text::analyze on the stored text, with its byte offsets.

// Analysing the stored text is the snippet's whole cost (about 40 µs for 2 KB, twenty times per page), so
// it goes in chunks of about kSnippetChunk bytes and stops once every query stem has been seen and a full
// window of words lies past the first match: the best window is then looked for in what was analysed.
// A single-word query usually reads a few hundred bytes instead of the whole text.
constexpr std::size_t kSnippetChunk = 1024;

/// The query words a snippet marks: each stem (and alternative stem) with the number of its word.
struct Highlight {
  std::unordered_map<std::string, std::size_t> stems;
  std::size_t words = 0;
};

struct SnippetTerm {
  std::size_t begin = 0, end = 0;
  bool matched = false;
};

std::string make_snippet(std::string_view text, const Highlight& highlight) {
  if (text.empty()) return {};
  const auto& stems = highlight.stems;
  std::vector<SnippetTerm> terms;
  std::vector<char> seen(highlight.words, 0);
  std::size_t words_seen = 0;
  std::size_t first_match = std::string_view::npos;
  std::size_t analysed = 0;
  while (analysed < text.size()) {
    // Chunks end at a space, so no token is split (tokens never hold one).
    std::size_t cut = std::min(text.size(), analysed + kSnippetChunk);
    while (cut < text.size() && text[cut] != ' ' && text[cut] != '\n') ++cut;
    for (const auto& t : text::analyze(text.substr(analysed, cut - analysed))) {
      // A word matches as it does in the index: by its stem or its alternative stem (never as a stopword).
      auto hit = stems.end();
      if (!t.stopword) {
        if (!t.stem.empty()) hit = stems.find(t.stem);
        if (hit == stems.end() && !t.alt_stem.empty()) hit = stems.find(t.alt_stem);
      }
      const bool matched = hit != stems.end();
      if (matched) {
        if (!seen[hit->second]) {
          seen[hit->second] = 1;
          ++words_seen;
        }
        if (first_match == std::string_view::npos) first_match = terms.size();
      }
      terms.push_back({analysed + t.begin, analysed + t.end, matched});
    }
    analysed = cut;
    if (first_match != std::string_view::npos && words_seen == highlight.words &&
        terms.size() >= first_match + kSnippetWords)
      break;
  }
  const bool whole = analysed >= text.size();

  std::string out;
  if (terms.empty()) {
    const auto head = cut_utf8(text, 200);
    html_escape_into(out, head);
    if (head.size() < text.size()) out += " …";
    return out;
  }
  const std::size_t n = terms.size();

  // The window of kSnippetWords terms holding the most matches (the earliest of equals).
  const std::size_t w = std::min(kSnippetWords, n);
  std::size_t count = 0;
  for (std::size_t i = 0; i < w; ++i) count += terms[i].matched;
  std::size_t best = 0, best_count = count;
  for (std::size_t s = 1; s + w <= n; ++s) {
    count += terms[s + w - 1].matched;
    count -= terms[s - 1].matched;
    if (count > best_count) {
      best = s;
      best_count = count;
    }
  }
  // A few words before the first match read better than a sentence cut right at it; slide back while
  // nothing matched falls off the end.
  if (best_count > 0) {
    std::size_t first = best;
    while (!terms[first].matched) ++first;
    while (best > 0 && first - best < kSnippetLeadWords && !terms[best + w - 1].matched) --best;
  }
  const std::size_t end = best + w;
  const bool to_the_end = whole && end == n;

  const std::size_t from = best == 0 ? 0 : terms[best].begin;
  const std::size_t to = to_the_end ? text.size() : terms[end - 1].end;
  if (best > 0) out += "… ";
  std::size_t at = from;
  for (std::size_t i = best; i < end; ++i) {
    if (!terms[i].matched) continue;
    html_escape_into(out, text.substr(at, terms[i].begin - at));
    out += "<mark>";
    html_escape_into(out, text.substr(terms[i].begin, terms[i].end - terms[i].begin));
    out += "</mark>";
    at = terms[i].end;
  }
  html_escape_into(out, text.substr(at, to - at));
  if (!to_the_end) out += " …";
  return out;
}

// ---------------------------------------------------------------------------------------------
// Queries

void check_query_text(std::string_view text) {
  if (!core::valid_utf8(text))
    throw core::Error::invalid_field("q", "encoding", "نص البحث ليس نصًا صالحًا (UTF-8)",
                                     "The search text is not valid UTF-8");
  if (core::utf8_length(text) > kMaxQueryChars)
    throw core::Error::invalid_field("q", "too_long", "نص البحث أطول من 1000 حرف",
                                     "The search text is longer than 1,000 characters");
}

Xapian::Query or_of(const std::vector<std::string>& terms, const std::string& prefix = {}) {
  std::vector<Xapian::Query> qs;
  qs.reserve(terms.size());
  for (const auto& t : terms) qs.emplace_back(prefix + t);
  if (qs.empty()) return Xapian::Query::MatchNothing;
  return Xapian::Query(Xapian::Query::OP_OR, qs.begin(), qs.end());
}

/// The caller's facet filters (type, organisation, edition, year): boolean terms in the query, usually
/// selective, so Xapian skips what they exclude; they narrow the match without touching the ranking. Who may
/// see a match is decided by AccessDecider, which also takes a dense type filter (`with_types` false).
Xapian::Query facet_filter(const Query& q, bool with_types) {
  std::vector<Xapian::Query> parts;
  if (with_types && !q.types.empty()) parts.push_back(or_of(q.types, "XT"));
  if (q.organization_id) parts.emplace_back("XO" + std::to_string(*q.organization_id));
  if (q.edition) parts.emplace_back("XE" + std::to_string(*q.edition));
  if (q.year) parts.emplace_back("XY" + std::to_string(*q.year));
  if (parts.empty()) return Xapian::Query();
  if (parts.size() == 1) return parts.front();
  return Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
}

Xapian::Query filtered(const Xapian::Query& q, const Xapian::Query& filter) {
  return filter.empty() ? q : Xapian::Query(Xapian::Query::OP_FILTER, q, filter);
}

/// No readable type, or no visibility term at all: the caller sees nothing.
bool sees_nothing(const Access& a) { return !a.all && (a.types.empty() || a.terms.empty()); }

bool is_quote_at(std::string_view s, std::size_t i, std::size_t& len) {
  // ASCII quotes, and the ones phones and Arabic keyboards produce: “ ” « ».
  static constexpr std::string_view kQuotes[] = {"\"", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xC2\xAB", "\xC2\xBB"};
  for (auto q : kQuotes)
    if (s.substr(i, q.size()) == q) {
      len = q.size();
      return true;
    }
  return false;
}

bool fits(const std::string& term) { return !term.empty() && term.size() <= kMaxTermBytes; }

/// One analysed query word.
struct QueryWord {
  std::string stem;
  /// The stem without a leading و ف ب ل ك that may be a clitic (src/text/stem.hpp), or empty.
  std::string alt_stem;
  std::string word;
  bool stopword = false;
  std::size_t begin = 0, end = 0;

  /// What the word matches: its stem, or its two stems as one (a synonym: one word, one weight); a
  /// stopword, which has no stem in the index, by its positional W-term.
  Xapian::Query match() const {
    if (stopword) return Xapian::Query(kWord + word);
    if (fits(alt_stem)) return Xapian::Query(Xapian::Query::OP_SYNONYM, Xapian::Query(stem), Xapian::Query(alt_stem));
    return Xapian::Query(stem);
  }
};

/// The query text as src/text sees it, sorted into what to rank, to require as phrases and to exclude.
struct ParsedQuery {
  std::vector<QueryWord> ranked;                // non-stopwords outside quotes, not excluded
  std::vector<std::vector<QueryWord>> phrases;  // each quoted phrase, stopwords included
  std::vector<std::string> excluded;            // stems of -words
  Highlight highlight;                          // what snippets mark

  bool empty() const { return ranked.empty() && phrases.empty(); }
};

ParsedQuery parse_query(std::string_view text) {
  // Quoted stretches: byte ranges between an opening and a closing quote. An unclosed quote quotes
  // nothing (the words count as plain words).
  std::vector<std::pair<std::size_t, std::size_t>> quoted;
  constexpr std::size_t kClosed = std::string_view::npos;
  std::size_t open = kClosed;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t len = 0;
    if (is_quote_at(text, i, len)) {
      if (open != kClosed) {
        quoted.emplace_back(open, i);
        open = kClosed;
      } else {
        open = i + len;
      }
      i += len;
    } else {
      ++i;
    }
  }

  ParsedQuery p;
  std::optional<std::size_t> current_quote;
  for (auto& t : text::analyze(text)) {
    if (!fits(t.stem) || !fits(t.word)) continue;
    QueryWord w{std::move(t.stem), std::move(t.alt_stem), std::move(t.word), t.stopword, t.begin, t.end};
    auto remember = [&] {
      if (p.highlight.stems.count(w.stem)) return;  // the same word again
      const auto word = p.highlight.words++;
      p.highlight.stems.emplace(w.stem, word);
      if (!w.alt_stem.empty()) p.highlight.stems.emplace(w.alt_stem, word);
    };
    std::optional<std::size_t> in_quote;
    for (std::size_t k = 0; k < quoted.size(); ++k)
      if (w.begin >= quoted[k].first && w.end <= quoted[k].second) in_quote = k;
    if (in_quote) {
      if (in_quote != current_quote) {
        p.phrases.emplace_back();
        current_quote = in_quote;
      }
      if (!w.stopword) remember();
      p.phrases.back().push_back(std::move(w));
      continue;
    }
    current_quote.reset();
    // "-word" (the minus right before the word, at the start or after a space) excludes it; a hyphen
    // inside "e-government" does not.
    const bool minus = w.begin > 0 && text[w.begin - 1] == '-' &&
                       (w.begin == 1 || text[w.begin - 2] == ' ' || text[w.begin - 2] == '\t');
    if (minus) {
      p.excluded.push_back(w.stopword ? kWord + w.word : w.stem);
      continue;
    }
    // AND, OR, NOT and their Arabic counterparts are stopwords, not operators: "AND OR NOT" is empty.
    if (w.stopword) continue;
    remember();
    p.ranked.push_back(std::move(w));
  }
  return p;
}

// Xapian 1.4 builds phrases of single terms only, so a phrase whose words have two stems becomes the OR of
// its spellings: "وتطوير الخدمات" is (وتطوير خدم) or (تطوير خدم). Past kMaxPhraseVariants the remaining
// words keep their main stem.
constexpr std::size_t kMaxPhraseVariants = 16;

Xapian::Query phrase_query(const std::vector<QueryWord>& words) {
  std::vector<std::vector<std::string>> variants{{}};
  for (const auto& w : words) {
    if (w.stopword) {
      for (auto& v : variants) v.push_back(kWord + w.word);
      continue;
    }
    const bool two = fits(w.alt_stem) && variants.size() * 2 <= kMaxPhraseVariants;
    const std::size_t n = variants.size();
    for (std::size_t i = 0; i < n; ++i) {
      if (two) {
        variants.push_back(variants[i]);
        variants.back().push_back(w.alt_stem);
      }
      variants[i].push_back(w.stem);
    }
  }
  std::vector<Xapian::Query> phrases;
  for (const auto& v : variants) {
    std::vector<Xapian::Query> parts(v.begin(), v.end());
    phrases.emplace_back(Xapian::Query::OP_PHRASE, parts.begin(), parts.end(), parts.size());
  }
  return phrases.size() == 1 ? phrases.front() : Xapian::Query(Xapian::Query::OP_OR, phrases.begin(), phrases.end());
}

Xapian::Query build_manzuma_query(const ParsedQuery& p) {
  std::vector<Xapian::Query> stems;
  for (const auto& w : p.ranked) stems.push_back(w.match());
  Xapian::Query ranked;
  if (!stems.empty()) ranked = Xapian::Query(Xapian::Query::OP_OR, stems.begin(), stems.end());

  std::vector<Xapian::Query> phrases;
  for (const auto& ph : p.phrases) {
    if (ph.size() == 1) {
      phrases.push_back(ph.front().match());
    } else {
      phrases.push_back(phrase_query(ph));
    }
  }
  Xapian::Query main;
  if (!phrases.empty()) {
    // A quoted phrase is required; the other words rank among the records that have it.
    main = Xapian::Query(Xapian::Query::OP_AND, phrases.begin(), phrases.end());
    if (!ranked.empty()) main = Xapian::Query(Xapian::Query::OP_AND_MAYBE, main, ranked);
  } else {
    main = ranked;
  }
  if (!p.excluded.empty()) main = Xapian::Query(Xapian::Query::OP_AND_NOT, main, or_of(p.excluded));
  return main;
}

Xapian::Stem baseline_stemmer(Analyzer a) {
  return a == Analyzer::xapian_arabic ? Xapian::Stem("arabic") : Xapian::Stem();
}

Xapian::Query build_baseline_query(const Xapian::Database& db, Analyzer a, std::string_view text, unsigned flags) {
  Xapian::QueryParser qp;
  qp.set_stemmer(baseline_stemmer(a));
  qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  qp.set_default_op(Xapian::Query::OP_OR);
  qp.set_database(db);
  try {
    return qp.parse_query(std::string(text), flags);
  } catch (const Xapian::QueryParserError&) {
    // The stock parser's syntax ("AND", unbalanced quotes) fails on some input; read it as plain words.
    return qp.parse_query(std::string(text), 0);
  }
}

// ---------------------------------------------------------------------------------------------
// Facets

constexpr std::size_t kFacets = 4;  // type, organisation, edition, year

/// The packed facet value split into its four fields.
std::array<std::string_view, kFacets> split_facets(std::string_view value) {
  std::array<std::string_view, kFacets> out;
  for (auto& field : out) {
    const auto cut = value.find(kFacetSeparator);
    field = value.substr(0, cut);
    value = cut == std::string_view::npos ? std::string_view{} : value.substr(cut + 1);
  }
  return out;
}

/// What the matcher asks of every match, for one index revision, by docid: its four facets as small codes
/// and whether everyone may see it. Reading a match's value costs several times what finding the match
/// does (measured: 70% of the counting pass), and an OR of dense visibility postings costs as much again,
/// so both are read once per revision (one pass over the value stream, one over the XVall postings) and a
/// match then costs a few array reads. Shared by every thread reading that revision.
class FacetColumn {
 public:
  explicit FacetColumn(const Xapian::Database& db) : revision_(db.get_revision()) {
    for (auto& v : values_) v.emplace_back();  // code 0: no value
    codes_.assign((static_cast<std::size_t>(db.get_lastdocid()) + 1) * kFacets, 0);
    std::array<std::unordered_map<std::string, std::uint32_t>, kFacets> index;
    for (auto v = db.valuestream_begin(kSlotFacets); v != db.valuestream_end(kSlotFacets); ++v) {
      const std::size_t at = static_cast<std::size_t>(v.get_docid()) * kFacets;
      if (at + kFacets > codes_.size()) continue;
      const std::string value = *v;
      const auto fields = split_facets(value);
      for (std::size_t f = 0; f < kFacets; ++f) {
        if (fields[f].empty()) continue;
        auto [it, added] = index[f].try_emplace(std::string(fields[f]), static_cast<std::uint32_t>(values_[f].size()));
        if (added) values_[f].push_back(it->first);
        codes_[at + f] = it->second;
      }
    }
    everyone_.assign(static_cast<std::size_t>(db.get_lastdocid()) + 1, false);
    for (auto p = db.postlist_begin("XVall"); p != db.postlist_end("XVall"); ++p)
      if (*p < everyone_.size()) everyone_[*p] = true;
    for (std::uint32_t code = 1; code < values_[0].size(); ++code) type_codes_.emplace(values_[0][code], code);
  }

  Xapian::rev revision() const { return revision_; }
  std::size_t values(std::size_t facet) const { return values_[facet].size(); }
  const std::string& value(std::size_t facet, std::uint32_t code) const { return values_[facet][code]; }
  bool everyone(Xapian::docid docid) const { return docid < everyone_.size() && everyone_[docid]; }
  std::size_t last_docid() const { return everyone_.empty() ? 0 : everyone_.size() - 1; }
  /// The code of a type name, or 0 when no document has that type.
  std::uint32_t type_code(const std::string& type) const {
    auto it = type_codes_.find(type);
    return it == type_codes_.end() ? 0 : it->second;
  }
  /// The four codes of `docid`, or nullptr when the docid is past this revision's last.
  const std::uint32_t* codes(Xapian::docid docid) const {
    const std::size_t at = static_cast<std::size_t>(docid) * kFacets;
    return at + kFacets <= codes_.size() ? &codes_[at] : nullptr;
  }

 private:
  Xapian::rev revision_;
  std::vector<std::uint32_t> codes_;
  std::array<std::vector<std::string>, kFacets> values_;
  std::vector<bool> everyone_;
  std::unordered_map<std::string, std::uint32_t> type_codes_;
};

/// Who may see a match: `(OR of access.terms) AND (OR of XT<type> for access.types)`, decided per match
/// from the revision's column and a bitmap of the caller's own postings (their user and membership terms,
/// usually short) instead of an OR-filter in the query, which every candidate walked. Xapian calls a
/// MatchDecider only for candidates that could still reach the page, and counts only what it accepts, so
/// totals and facets stay exact.
///
/// It also takes the caller's own type filter when that is dense (a common type): as a query filter it
/// would be one more long posting list for every candidate to walk.
class AccessDecider final : public Xapian::MatchDecider {
 public:
  /// `access` may be null (national roles: every document); `types` null (any type) or the types asked for.
  AccessDecider(const Xapian::Database& db, const FacetColumn& column, const Access* access,
                const std::vector<std::string>* types)
      : column_(column) {
    types_.assign(column.values(0), 1);
    auto keep_only = [&](const std::vector<std::string>& keep) {
      std::vector<char> allowed(types_.size(), 0);
      for (const auto& t : keep) allowed[column.type_code(t)] = types_[column.type_code(t)];
      types_ = std::move(allowed);
    };
    if (access) keep_only(access->types);
    if (types) keep_only(*types);
    types_[0] = 0;
    if (!access) return;
    visibility_ = true;
    mine_.assign(column.last_docid() + 1, false);
    for (const auto& term : access->terms) {
      if (term == "XVall") {
        everyone_ = true;
        continue;
      }
      for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p)
        if (*p < mine_.size()) mine_[*p] = true;
    }
  }

  bool operator()(const Xapian::Document& doc) const override { return allows(doc.get_docid()); }

  bool allows(Xapian::docid docid) const {
    const auto* codes = column_.codes(docid);
    // (The column belongs to the reader's revision, so every match is in it; refuse anything else.)
    if (!codes || !types_[codes[0]]) return false;
    return !visibility_ || (everyone_ && column_.everyone(docid)) || mine_[docid];
  }

 private:
  const FacetColumn& column_;
  std::vector<char> types_;
  bool visibility_ = false;
  std::vector<bool> mine_;
  bool everyone_ = false;
};

/// Counts the facets of every match (the counting pass of a search).
class FacetSpy final : public Xapian::MatchSpy {
 public:
  explicit FacetSpy(const FacetColumn& column) : column_(column) {
    for (std::size_t f = 0; f < kFacets; ++f) counts_[f].assign(column.values(f), 0);
  }

  void operator()(const Xapian::Document& doc, double) override {
    if (count(doc.get_docid())) return;
    // Not in the column (it belongs to the reader's revision, so this should not happen): read the value.
    ++documents_;
    const std::string value = doc.get_value(kSlotFacets);
    const auto fields = split_facets(value);
    for (std::size_t f = 0; f < kFacets; ++f)
      if (!fields[f].empty()) ++extra_[f][std::string(fields[f])];
  }

  /// Counts `docid` from the column; false (and nothing counted) when it is not in it.
  bool count(Xapian::docid docid) {
    const auto* codes = column_.codes(docid);
    if (!codes) return false;
    ++documents_;
    for (std::size_t f = 0; f < kFacets; ++f) ++counts_[f][codes[f]];
    return true;
  }

  std::size_t documents() const { return documents_; }

  /// The most frequent values of facet `f` (0 type, 1 organisation, 2 edition, 3 year), most frequent
  /// first, then by value.
  std::vector<FacetValue> top(std::size_t f) const {
    std::unordered_map<std::string, std::size_t> merged = extra_[f];
    for (std::uint32_t code = 1; code < counts_[f].size(); ++code)
      if (counts_[f][code]) merged[column_.value(f, code)] += counts_[f][code];
    std::vector<FacetValue> out;
    out.reserve(merged.size());
    for (auto& [value, count] : merged) out.push_back({value, count});
    std::sort(out.begin(), out.end(), [](const FacetValue& a, const FacetValue& b) {
      return a.count != b.count ? a.count > b.count : a.value < b.value;
    });
    if (out.size() > kFacetValues) out.resize(kFacetValues);
    return out;
  }

 private:
  const FacetColumn& column_;
  std::size_t documents_ = 0;
  std::array<std::vector<std::size_t>, kFacets> counts_;
  std::array<std::unordered_map<std::string, std::size_t>, kFacets> extra_;
};

// ---------------------------------------------------------------------------------------------
// Readers per thread

/// What a writer and the readers of one index share. `generation` goes up at each commit, telling each
/// thread's reader to reopen().
struct Shared {
  std::filesystem::path dir;
  Analyzer analyzer = Analyzer::manzuma;
  std::atomic<std::uint64_t> generation{0};
  std::uint64_t key = 0;
  /// The facet columns of the two newest revisions readers asked for (two, so threads on either side of
  /// a commit do not rebuild in turn).
  std::mutex columns_mutex;
  std::array<std::shared_ptr<const FacetColumn>, 2> columns;

  std::shared_ptr<const FacetColumn> column(const Xapian::Database& db) {
    const auto revision = db.get_revision();
    std::lock_guard lock(columns_mutex);
    for (const auto& c : columns)
      if (c && c->revision() == revision) return c;
    // Built under the lock: the other threads wanting it wait instead of building it again.
    auto built = std::make_shared<const FacetColumn>(db);
    auto& slot = !columns[0]                                       ? columns[0]
                 : !columns[1]                                     ? columns[1]
                 : columns[0]->revision() < columns[1]->revision() ? columns[0]
                                                                   : columns[1];
    slot = built;
    return built;
  }
};

std::atomic<std::uint64_t> next_key{1};

class XapianIndex final : public Index {
 public:
  XapianIndex(std::filesystem::path dir, Analyzer analyzer, bool writable) : shared_(std::make_shared<Shared>()) {
    shared_->dir = std::move(dir);
    shared_->analyzer = analyzer;
    shared_->key = next_key.fetch_add(1);
    const std::string want{analyzer_name(analyzer)};
    if (writable) {
      writer_.emplace(shared_->dir.string(), Xapian::DB_CREATE_OR_OPEN);
      const auto have = writer_->get_metadata(kAnalyzerKey);
      if (have.empty()) {
        writer_->set_metadata(kAnalyzerKey, want);
        writer_->commit();
      } else if (have != want) {
        throw core::Error::internal("search index " + shared_->dir.string() + " was built with the " + have +
                                    " analyzer, not " + want);
      }
    } else {
      Xapian::Database db(shared_->dir.string());
      const auto have = db.get_metadata(kAnalyzerKey);
      if (!have.empty() && have != want)
        throw core::Error::internal("search index " + shared_->dir.string() + " was built with the " + have +
                                    " analyzer, not " + want);
    }
  }

  void put(const Document& d) override {
    try {
      require_writer();
      // The document is built (analysed) before taking the writer's lock, so callers on several threads
      // overlap their analysis with each other's writes.
      const std::string id_term = identity(d.type, d.id);
      Xapian::Document doc;
      doc.add_boolean_term(id_term);
      doc.add_boolean_term("XT" + d.type);
      if (d.organization_id) doc.add_boolean_term("XO" + std::to_string(*d.organization_id));
      if (d.edition) doc.add_boolean_term("XE" + std::to_string(*d.edition));
      if (d.year) doc.add_boolean_term("XY" + std::to_string(*d.year));
      for (const auto& t : visibility_terms(d.visibility)) doc.add_boolean_term(t);
      doc.add_value(kSlotFacets, d.type + kFacetSeparator + optional_text(d.organization_id) + kFacetSeparator +
                                     optional_text(d.edition) + kFacetSeparator + optional_text(d.year));
      if (!d.date.empty()) doc.add_value(kSlotDate, d.date);

      const std::string body = scrub_utf8(d.body);
      const std::string_view stored_body = cut_utf8(body, kStoredBodyBytes);
      doc.set_data(pack(d, stored_body));

      std::unordered_set<std::string> words;
      if (shared_->analyzer == Analyzer::manzuma) {
        index_manzuma(doc, d, body, stored_body.size(), words);
      } else {
        index_baseline(doc, d, body);
      }

      std::lock_guard lock(writer_mutex_);
      if (shared_->analyzer == Analyzer::manzuma) {
        forget_spelling(id_term);
        for (const auto& w : words) writer_->add_spelling(w);
      }
      writer_->replace_document(id_term, doc);
      flush_if_due();
    } catch (const Xapian::Error& e) {
      rethrow_xapian(e, "put");
    }
  }

  void remove(std::string_view type, std::int64_t id) override {
    try {
      std::lock_guard lock(writer_mutex_);
      require_writer();
      const std::string id_term = identity(type, id);
      forget_spelling(id_term);
      writer_->delete_document(id_term);
      flush_if_due();
    } catch (const Xapian::Error& e) {
      rethrow_xapian(e, "remove");
    }
  }

  void commit() override {
    try {
      std::lock_guard lock(writer_mutex_);
      require_writer();
      writer_->commit();
      uncommitted_ = 0;
      shared_->generation.fetch_add(1, std::memory_order_release);
    } catch (const Xapian::Error& e) {
      rethrow_xapian(e, "commit");
    }
  }

  std::size_t size() const override {
    try {
      if (writer_) {
        std::lock_guard lock(writer_mutex_);
        return writer_->get_doccount();
      }
      return with_reader([](const Xapian::Database& db) { return static_cast<std::size_t>(db.get_doccount()); });
    } catch (const Xapian::Error& e) {
      rethrow_xapian(e, "size");
    }
  }

  std::string metadata(std::string_view key) const override {
    try {
      if (writer_) {
        std::lock_guard lock(writer_mutex_);
        return writer_->get_metadata(std::string(key));
      }
      return with_reader([&](const Xapian::Database& db) { return db.get_metadata(std::string(key)); });
    } catch (const Xapian::Error& e) {
      rethrow_xapian(e, "metadata");
    }
  }

  void set_metadata(std::string_view key, std::string_view value) override {
    try {
      std::lock_guard lock(writer_mutex_);
      require_writer();
      writer_->set_metadata(std::string(key), std::string(value));
    } catch (const Xapian::Error& e) {
      rethrow_xapian(e, "set_metadata");
    }
  }

  Results search(const Query& q) const override {
    check_query_text(q.text);
    try {
      return with_reader([&](const Xapian::Database& db) { return run_search(db, q); });
    } catch (const Xapian::Error& e) {
      rethrow_xapian(e, "search");
    }
  }

  std::vector<Suggestion> suggest(std::string_view prefix, const Access& access, std::size_t limit) const override {
    check_query_text(prefix);
    try {
      return with_reader([&](const Xapian::Database& db) { return run_suggest(db, prefix, access, limit); });
    } catch (const Xapian::Error& e) {
      rethrow_xapian(e, "suggest");
    }
  }

 private:
  static std::string identity(std::string_view type, std::int64_t id) {
    return "Q" + std::string(type) + ":" + std::to_string(id);
  }

  // Xapian keeps changes in memory until 10,000 documents; writing them every 1,000 indexes about a third
  // faster here (smaller in-memory batches; 40,000 documents on a quiet machine: 1,000 → 2,050 documents/s,
  // 2,000 → 1,920, 4,000 → 1,750, 10,000 → 1,550). Xapian's flush is a commit, so a new reader may see such
  // a batch before commit(); the readers already open move on at commit() (or when the writer overtakes
  // them), and the Indexer tolerates early visibility: its puts are idempotent.
  void flush_if_due() {
    if (++uncommitted_ < kFlushEvery) return;
    writer_->commit();
    uncommitted_ = 0;
  }

  void require_writer() const {
    if (!writer_) throw core::Error::internal("search index " + shared_->dir.string() + " is open read-only");
  }

  // --- Indexing ---

  /// Adds the terms of `d` to `doc`, and to `spelling` the words the spelling table takes from its titles
  /// and the first `stored_bytes` of its body (the part kept in the document data, so forget_spelling()
  /// finds the same words again).
  static void index_manzuma(Xapian::Document& doc, const Document& d, std::string_view body, std::size_t stored_bytes,
                            std::unordered_set<std::string>& spelling) {
    Xapian::termpos base = 0;
    auto field = [&](std::string_view text, Xapian::termcount wdf, bool title) {
      Xapian::termpos last = base;
      for (const auto& t : text::analyze(text)) {
        if (!fits(t.word)) continue;
        const Xapian::termpos pos = base + t.position + 1;
        last = std::max(last, pos);
        if (title) doc.add_term(kTitleWord + t.word);
        if (t.stopword) {
          // Stopwords have no stem term (it would meet content words: ولا / الولايات); their word keeps
          // its position so a quoted phrase still sees the gap they fill.
          doc.add_posting(kWord + t.word, pos, wdf);
          continue;
        }
        if (!fits(t.stem)) continue;
        doc.add_posting(t.stem, pos, wdf);
        // وتطوير is indexed as both وتطوير and تطوير at one position (src/text/README.md, clitics).
        if (fits(t.alt_stem)) doc.add_posting(t.alt_stem, pos, wdf);
        if (title) doc.add_term(kTitleStem + t.stem);
        if ((title || t.end <= stored_bytes) && spelling_worthy(t.word)) spelling.insert(t.word);
      }
      base = last + kFieldGap;
    };
    field(d.title_ar, kTitleWdf, true);
    field(d.title_en, kTitleWdf, true);
    field(body, 1, false);
  }

  void index_baseline(Xapian::Document& doc, const Document& d, std::string_view body) const {
    // (TermGenerator and Stem are per call: neither is safe to share between threads.)
    Xapian::TermGenerator tg;
    tg.set_stemmer(baseline_stemmer(shared_->analyzer));
    tg.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    tg.set_document(doc);
    // The same field weights as ours, so search-eval compares the analysis and nothing else.
    tg.index_text(d.title_ar, kTitleWdf);
    tg.increase_termpos(kFieldGap);
    tg.index_text(d.title_en, kTitleWdf);
    tg.increase_termpos(kFieldGap);
    tg.index_text(std::string(body));
    doc = tg.get_document();
  }

  // The spelling table counts, per word, the documents holding it; a replaced or removed document takes its
  // words back out, so corrections follow what the index holds now. Its words are found again by analysing
  // the text kept in its data, the same text they were taken from.
  void forget_spelling(const std::string& id_term) {
    if (shared_->analyzer != Analyzer::manzuma) return;
    auto p = writer_->postlist_begin(id_term);
    if (p == writer_->postlist_end(id_term)) return;
    const auto old = unpack(writer_->get_document(*p).get_data());
    std::unordered_set<std::string> words;
    for (const auto* text : {&old.title_ar, &old.title_en, &old.body})
      for (const auto& t : text::analyze(*text))
        if (!t.stopword && fits(t.stem) && spelling_worthy(t.word)) words.insert(t.word);
    for (const auto& w : words) writer_->remove_spelling(w);
  }

  // --- Reading ---

  // Xapian::Database is not safe to share between threads, and opening one per query costs a few file
  // opens and reads. So each thread keeps its own reader per index in a thread_local table, keyed by a
  // number unique to this Index object (not the path: a rebuilt generation may reuse one). The writer's
  // commit() bumps the shared generation; a reader that sees a new generation calls reopen() before the
  // query, so a committed change is searchable at once. A reader whose Index is gone is closed at the
  // thread's next search. Readers see committed revisions only; when the writer has moved on twice since
  // a reader opened, Xapian throws DatabaseModifiedError and the query runs again on a reopened reader.
  struct Reader {
    std::weak_ptr<Shared> owner;
    std::optional<Xapian::Database> db;
    std::uint64_t generation = 0;
  };

  /// This thread's reader of this index, opened on first use.
  Reader& thread_reader() const {
    thread_local std::unordered_map<std::uint64_t, Reader> readers;
    for (auto it = readers.begin(); it != readers.end();) {
      if (it->second.owner.expired()) {
        it = readers.erase(it);
      } else {
        ++it;
      }
    }
    auto& r = readers[shared_->key];
    if (!r.db) {
      r.owner = shared_;
      r.generation = shared_->generation.load(std::memory_order_acquire);
      r.db.emplace(shared_->dir.string());
    }
    return r;
  }

  template <class F>
  std::invoke_result_t<F, const Xapian::Database&> with_reader(F&& f) const {
    bool stale = false;
    for (int attempt = 0;; ++attempt) {
      try {
        // Opening and reopening race with commits as much as reading does, so they are inside the retry.
        auto& r = thread_reader();
        const auto generation = shared_->generation.load(std::memory_order_acquire);
        if (stale || r.generation != generation) {
          r.db->reopen();
          r.generation = generation;
        }
        return f(*r.db);
      } catch (const Xapian::DatabaseModifiedError&) {
        // Under a writer committing in a tight loop (a rebuild) a reader may lose its revision more than
        // once; each retry reads the newest one.
        if (attempt >= 10) throw;
        stale = true;
      }
    }
  }

  Results run_search(const Xapian::Database& db, const Query& q) const {
    Results res;
    ParsedQuery parsed;
    Xapian::Query text_query;
    if (shared_->analyzer == Analyzer::manzuma) {
      parsed = parse_query(q.text);
      if (parsed.empty()) {
        res.empty_query = true;
        return res;
      }
      text_query = build_manzuma_query(parsed);
    } else {
      text_query = build_baseline_query(db, shared_->analyzer, q.text, Xapian::QueryParser::FLAG_DEFAULT);
      if (text_query.empty()) {
        res.empty_query = true;
        return res;
      }
      // Snippet marks use our analysis whatever the index's analyzer (only search-eval uses the others).
      parsed = parse_query(q.text);
    }
    if (sees_nothing(q.access)) return res;
    // A type filter covering more than an eighth of the index is cheaper in the decider than in the query.
    Xapian::doccount type_postings = 0;
    for (const auto& t : q.types) type_postings += db.get_termfreq("XT" + t);
    const bool dense_types = !q.types.empty() && type_postings > db.get_doccount() / 8;
    const Xapian::Query filter = facet_filter(q, !dense_types);
    const Xapian::Query full = filtered(text_query, filter);
    std::shared_ptr<const FacetColumn> column;
    if (!q.access.all || q.facets || dense_types) column = shared_->column(db);
    std::optional<AccessDecider> decider;
    if (!q.access.all || dense_types)
      decider.emplace(db, *column, q.access.all ? nullptr : &q.access, dense_types ? &q.types : nullptr);
    const Xapian::MatchDecider* may_see = decider ? &*decider : nullptr;

    // The page: ranked, so Xapian may skip documents that cannot reach it.
    Xapian::Enquire enquire(db);
    enquire.set_query(full);
    if (q.sort == Query::Sort::newest) enquire.set_sort_by_value_then_relevance(kSlotDate, true);
    const auto mset = enquire.get_mset(static_cast<Xapian::doccount>(q.offset), static_cast<Xapian::doccount>(q.limit),
                                       0, nullptr, may_see);
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      const auto s = unpack(it.get_document().get_data());
      Hit h;
      h.type = s.type;
      h.id = s.id;
      h.title_ar = s.title_ar;
      h.title_en = s.title_en;
      h.snippet = make_snippet(s.body, parsed.highlight);
      h.organization_id = s.organization_id;
      h.edition = s.edition;
      h.year = s.year;
      h.date = s.date;
      h.score = it.get_weight();
      res.hits.push_back(std::move(h));
    }
    if (q.facets) {
      // The total and the facets: every match is visited, unweighted (BoolWeight skips BM25), and its
      // facets counted from the revision's facet column. Exact, and over what the caller may open only.
      Xapian::Enquire counter(db);
      counter.set_query(full);
      counter.set_weighting_scheme(Xapian::BoolWeight());
      counter.set_docid_order(Xapian::Enquire::DONT_CARE);
      FacetSpy spy(*column);
      if (shared_->analyzer == Analyzer::manzuma && parsed.phrases.empty()) {
        count_directly(db, parsed, q, dense_types, decider ? &*decider : nullptr, spy);
      } else {
        counter.add_matchspy(&spy);
        counter.get_mset(0, 0, db.get_doccount(), nullptr, may_see);
      }
      res.total = spy.documents();
      res.types = spy.top(0);
      res.organizations = spy.top(1);
      res.editions = spy.top(2);
      res.years = spy.top(3);
    } else {
      res.total = mset.get_matches_estimated();
    }
    if (shared_->analyzer == Analyzer::manzuma) res.did_you_mean = did_you_mean(db, q, parsed, filter, may_see);
    return res;
  }

  // The counting pass of a query without phrases (nearly all): its match is the union of its words' postings
  // (stems and alternative stems) less the excluded words', within the facet filters' postings. Reading
  // those posting lists straight into a bitmap is three times faster than running the same query through
  // Xapian's matcher (measured: four common words, 213,000 postings, 2.5 ms against 7.5 ms), and it is the
  // same set of documents. Each match is then checked by the decider and counted from the column.
  static void count_directly(const Xapian::Database& db, const ParsedQuery& parsed, const Query& q, bool dense_types,
                             const AccessDecider* decider, FacetSpy& spy) {
    const std::size_t words = static_cast<std::size_t>(db.get_lastdocid()) / 64 + 1;
    using Bitmap = std::vector<std::uint64_t>;
    auto mark = [&](const std::string& term, Bitmap& bits) {
      for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p) {
        const Xapian::docid d = *p;
        bits[d / 64] |= std::uint64_t{1} << (d % 64);
      }
    };
    Bitmap match(words, 0);
    for (const auto& w : parsed.ranked) {
      mark(w.stem, match);
      if (!w.alt_stem.empty()) mark(w.alt_stem, match);
    }
    auto keep = [&](const std::vector<std::string>& terms, bool inside) {
      Bitmap other(words, 0);
      for (const auto& t : terms) mark(t, other);
      for (std::size_t i = 0; i < words; ++i) match[i] &= inside ? other[i] : ~other[i];
    };
    if (!parsed.excluded.empty()) keep(parsed.excluded, false);
    if (!dense_types && !q.types.empty()) {
      std::vector<std::string> types;
      for (const auto& t : q.types) types.push_back("XT" + t);
      keep(types, true);
    }
    if (q.organization_id) keep({"XO" + std::to_string(*q.organization_id)}, true);
    if (q.edition) keep({"XE" + std::to_string(*q.edition)}, true);
    if (q.year) keep({"XY" + std::to_string(*q.year)}, true);
    for (std::size_t i = 0; i < words; ++i) {
      for (std::uint64_t bits = match[i]; bits; bits &= bits - 1) {
        const auto d = static_cast<Xapian::docid>(i * 64 + static_cast<std::size_t>(std::countr_zero(bits)));
        if (!decider || decider->allows(d)) spy.count(d);
      }
    }
  }

  // A word of the query that no document holds, in any form, is looked up in the spelling table (a word
  // some document holds is a real word, even when the caller may not see that document: correcting it to a
  // more frequent neighbour would be noise). The corrected query is offered only when its corrected words
  // find documents the caller may open, so it never points at a record they cannot see.
  std::optional<std::string> did_you_mean(const Xapian::Database& db, const Query& q, const ParsedQuery& parsed,
                                          const Xapian::Query& filter, const Xapian::MatchDecider* may_see) const {
    std::vector<std::pair<const QueryWord*, std::string>> fixes;
    std::vector<std::string> fixed_stems;
    for (const auto& w : parsed.ranked) {
      if (db.get_termfreq(w.stem) > 0 || (!w.alt_stem.empty() && db.get_termfreq(w.alt_stem) > 0)) continue;
      if (!spelling_worthy(w.word)) continue;
      auto fix = db.get_spelling_suggestion(w.word);
      if (fix.empty() || fix == w.word) continue;
      for (const auto& t : text::analyze(fix)) {
        if (t.stopword) continue;
        if (fits(t.stem)) fixed_stems.push_back(t.stem);
        if (fits(t.alt_stem)) fixed_stems.push_back(t.alt_stem);
      }
      fixes.emplace_back(&w, std::move(fix));
    }
    if (fixes.empty() || fixed_stems.empty()) return std::nullopt;

    const Xapian::Query fixed = or_of(fixed_stems);
    Xapian::Enquire enquire(db);
    enquire.set_query(filtered(fixed, filter));
    if (enquire.get_mset(0, 0, 1, nullptr, may_see).get_matches_lower_bound() == 0) return std::nullopt;

    // The table holds normalised words; where the user wrote a final ة, the correction keeps it.
    constexpr std::string_view kTehMarbuta = "\xD8\xA9", kHeh = "\xD9\x87";
    std::string corrected;
    std::size_t at = 0;
    for (auto& [w, fix] : fixes) {
      const std::string_view typed = std::string_view(q.text).substr(w->begin, w->end - w->begin);
      if (typed.ends_with(kTehMarbuta) && std::string_view(fix).ends_with(kHeh))
        fix.replace(fix.size() - kHeh.size(), kHeh.size(), kTehMarbuta);
      corrected.append(q.text, at, w->begin - at);
      corrected += fix;
      at = w->end;
    }
    corrected.append(q.text, at, std::string::npos);
    return corrected;
  }

  std::vector<Suggestion> run_suggest(const Xapian::Database& db, std::string_view prefix, const Access& access,
                                      std::size_t limit) const {
    if (limit == 0) return {};
    Xapian::Query text_query;
    if (shared_->analyzer == Analyzer::manzuma) {
      const auto terms = text::analyze(prefix);
      std::vector<const text::Term*> usable;
      for (const auto& t : terms)
        if (fits(t.word) && (t.stopword || fits(t.stem))) usable.push_back(&t);
      if (usable.empty()) return {};
      const auto& last = *usable.back();
      // The word being typed matches title words starting with it, or title stems starting with its stem
      // (مؤسس… finds المؤسسة and مؤسسات).
      const Xapian::Query by_word(Xapian::Query::OP_WILDCARD, kTitleWord + last.word, kSuggestExpansions,
                                  Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
      Xapian::Query typed = by_word;
      if (!last.stopword) {
        const Xapian::Query by_stem(Xapian::Query::OP_WILDCARD, kTitleStem + last.stem, kSuggestExpansions,
                                    Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
        typed = Xapian::Query(Xapian::Query::OP_OR, by_word, by_stem);
      }
      std::vector<Xapian::Query> parts{typed};
      for (std::size_t i = 0; i + 1 < usable.size(); ++i) {
        const auto& t = *usable[i];
        if (t.stopword) continue;
        parts.push_back(QueryWord{t.stem, t.alt_stem, t.word, false, t.begin, t.end}.match());
      }
      text_query = parts.size() == 1 ? parts.front() : Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
    } else {
      text_query = build_baseline_query(db, shared_->analyzer, prefix, Xapian::QueryParser::FLAG_PARTIAL);
      if (text_query.empty()) return {};
    }
    if (sees_nothing(access)) return {};
    std::shared_ptr<const FacetColumn> column;
    std::optional<AccessDecider> decider;
    if (!access.all) {
      column = shared_->column(db);
      decider.emplace(db, *column, &access, nullptr);
    }
    Xapian::Enquire enquire(db);
    enquire.set_query(text_query);
    const auto mset =
        enquire.get_mset(0, static_cast<Xapian::doccount>(limit), 0, nullptr, decider ? &*decider : nullptr);
    std::vector<Suggestion> out;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      const auto s = unpack(it.get_document().get_data());
      out.push_back({s.type, s.id, s.title_ar, s.title_en});
    }
    return out;
  }

  std::shared_ptr<Shared> shared_;
  mutable std::mutex writer_mutex_;
  std::optional<Xapian::WritableDatabase> writer_;
  std::size_t uncommitted_ = 0;
};

std::unique_ptr<Index> open_index(const std::filesystem::path& dir, Analyzer analyzer, bool writable) {
  try {
    return std::make_unique<XapianIndex>(dir, analyzer, writable);
  } catch (const Xapian::Error& e) {
    rethrow_xapian(e, "open " + dir.string());
  }
}

}  // namespace

std::optional<Analyzer> parse_analyzer(std::string_view name) {
  if (name == "manzuma") return Analyzer::manzuma;
  if (name == "xapian-arabic") return Analyzer::xapian_arabic;
  if (name == "none") return Analyzer::none;
  return std::nullopt;
}

std::string_view analyzer_name(Analyzer a) {
  switch (a) {
    case Analyzer::manzuma:
      return "manzuma";
    case Analyzer::xapian_arabic:
      return "xapian-arabic";
    case Analyzer::none:
      return "none";
  }
  return "manzuma";
}

std::unique_ptr<Index> Index::open_writable(const std::filesystem::path& dir, Analyzer analyzer) {
  return open_index(dir, analyzer, true);
}

std::unique_ptr<Index> Index::open_readonly(const std::filesystem::path& dir, Analyzer analyzer) {
  return open_index(dir, analyzer, false);
}

}  // namespace manzuma::search
