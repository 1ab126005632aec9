#include "text/tokenize.hpp"

#include <unicode/uchar.h>

#include "text/chars.hpp"
#include "text/utf8.hpp"

namespace manzuma::text {

namespace {

enum class Class { space, letter, mark, digit, joiner, other };

Class classify(char32_t c, Script& script) {
  script = Script::other;
  if (c == utf8::kInvalid) return Class::space;
  if (c < 0x80) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      script = Script::latin;
      return Class::letter;
    }
    if (c >= '0' && c <= '9') return Class::digit;
    return (c == ' ' || c == '\t' || c == '\n' || c == '\r') ? Class::space : Class::other;
  }
  if (chars::is_arabic_letter(c)) {
    script = Script::arabic;
    return Class::letter;
  }
  if (chars::is_tashkeel(c)) return Class::mark;
  // Tatweel and zero-width (non-)joiners stretch or shape a word; they never end one.
  if (chars::is_tatweel(c) || chars::is_invisible(c)) return Class::joiner;
  if (chars::is_arabic_digit(c)) return Class::digit;
  const auto cp = static_cast<UChar32>(c);
  if (u_isUAlphabetic(cp)) {
    const auto block = ublock_getCode(cp);
    if (block == UBLOCK_LATIN_1_SUPPLEMENT || block == UBLOCK_LATIN_EXTENDED_A || block == UBLOCK_LATIN_EXTENDED_B ||
        block == UBLOCK_LATIN_EXTENDED_ADDITIONAL || block == UBLOCK_HALFWIDTH_AND_FULLWIDTH_FORMS)
      script = Script::latin;
    const auto type = u_charType(cp);
    if (type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK || type == U_ENCLOSING_MARK) return Class::mark;
    return Class::letter;
  }
  if (u_isdigit(cp)) return Class::digit;
  if (u_isUWhiteSpace(cp)) return Class::space;
  return Class::other;
}

struct Scanner {
  std::string_view s;
  std::size_t i = 0;

  char32_t peek(std::size_t at, std::size_t* after = nullptr) const {
    if (at >= s.size()) return 0;
    std::size_t k = at;
    const char32_t c = utf8::next(s, k);
    if (after) *after = k;
    return c;
  }
};

bool starts_with_ci(std::string_view s, std::size_t at, std::string_view prefix) {
  if (s.size() - at < prefix.size()) return false;
  for (std::size_t k = 0; k < prefix.size(); ++k) {
    char c = s[at + k];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    if (c != prefix[k]) return false;
  }
  return true;
}

/// The end of a URL starting at `at`: up to white space or a character that cannot be in one unquoted,
/// less trailing sentence punctuation.
std::size_t url_end(std::string_view s, std::size_t at) {
  std::size_t end = at;
  while (end < s.size()) {
    const auto b = static_cast<unsigned char>(s[end]);
    if (b <= 0x20 || b == '<' || b == '>' || b == '"' || b == '\'' || b >= 0x80) break;
    ++end;
  }
  while (end > at && std::string_view(".,;:!?)]}").find(s[end - 1]) != std::string_view::npos) --end;
  return end;
}

/// Splits s[begin, end) into words (letters with marks and joiners, one script per word; Latin words take
/// digits too) and numbers, appending them to `out`.
void words(std::string_view s, std::size_t begin, std::size_t end, std::vector<Token>& out) {
  std::size_t i = begin;
  while (i < end) {
    std::size_t after = i;
    const char32_t c = utf8::next(s, after);
    Script script;
    const Class k = classify(c, script);
    if (k == Class::letter) {
      const std::size_t start = i;
      std::size_t stop = after;
      i = after;
      while (i < end) {
        std::size_t next = i;
        const char32_t d = utf8::next(s, next);
        Script ds;
        const Class dk = classify(d, ds);
        const bool same_word = dk == Class::mark || dk == Class::joiner || (dk == Class::letter && ds == script) ||
                               (dk == Class::digit && script == Script::latin && d < 0x80);
        if (!same_word) break;
        if (dk != Class::joiner) stop = next;
        i = next;
      }
      out.push_back({s.substr(start, stop - start), TokenKind::word, script, start, stop});
    } else if (k == Class::digit) {
      const std::size_t start = i;
      i = after;
      std::size_t stop = after;
      while (i < end) {
        std::size_t next = i;
        const char32_t d = utf8::next(s, next);
        Script ds;
        if (classify(d, ds) == Class::digit) {
          stop = i = next;
          continue;
        }
        // 3.5, 1,000 and ٣٫٥: a separator stays only between two digits.
        const bool separator = d == '.' || d == ',' || d == 0x066B || d == 0x066C;
        std::size_t after_sep = next;
        if (separator && after_sep < end) {
          const char32_t e = utf8::next(s, after_sep);
          if (classify(e, ds) == Class::digit) {
            stop = i = after_sep;
            continue;
          }
        }
        break;
      }
      out.push_back({s.substr(start, stop - start), TokenKind::number, Script::other, start, stop});
    } else {
      i = after;
    }
  }
}

}  // namespace

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> out;
  out.reserve(text.size() / 6 + 1);
  std::size_t i = 0;
  std::size_t plain = 0;  // start of the stretch not yet split into words
  while (i < text.size()) {
    const auto b = static_cast<unsigned char>(text[i]);
    const bool boundary = i == 0 || static_cast<unsigned char>(text[i - 1]) <= 0x20 || text[i - 1] == '(';
    if (boundary && (b == 'h' || b == 'H' || b == 'w' || b == 'W') &&
        (starts_with_ci(text, i, "http://") || starts_with_ci(text, i, "https://") ||
         starts_with_ci(text, i, "www."))) {
      const std::size_t end = url_end(text, i);
      if (end > i + 4) {
        words(text, plain, i, out);
        out.push_back({text.substr(i, end - i), TokenKind::url, Script::latin, i, end});
        i = plain = end;
        continue;
      }
    }
    if (b == '#' && boundary) {
      // A hashtag: '#' then letters, digits, marks, joiners and '_' (#التحول_الرقمي).
      std::size_t end = i + 1;
      while (end < text.size()) {
        std::size_t next = end;
        const char32_t d = utf8::next(text, next);
        Script ds;
        const Class dk = classify(d, ds);
        if (d != '_' && dk != Class::letter && dk != Class::digit && dk != Class::mark && dk != Class::joiner) break;
        end = next;
      }
      if (end > i + 1) {
        words(text, plain, i, out);
        out.push_back({text.substr(i + 1, end - i - 1), TokenKind::hashtag, Script::other, i + 1, end});
        words(text, i + 1, end, out);
        i = plain = end;
        continue;
      }
    }
    ++i;
  }
  words(text, plain, text.size(), out);
  return out;
}

}  // namespace manzuma::text
