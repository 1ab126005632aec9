#pragma once
// Splits text into words, numbers, URLs and hashtags, keeping where each came from in the original.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace manzuma::text {

enum class TokenKind { word, number, url, hashtag };
enum class Script { arabic, latin, other };

struct Token {
  /// The token as written (not normalised); for a hashtag, without the '#'.
  std::string_view raw;
  TokenKind kind = TokenKind::word;
  Script script = Script::other;
  /// Byte offsets of the token in the text given to tokenize() (for snippets and highlighting).
  std::size_t begin = 0;
  std::size_t end = 0;
};

/// Words are runs of letters and combining marks (tashkeel, tatweel and zero-width joiners stay inside a
/// word); Latin letters and digits stay together (COP28) but a change of script splits (مؤتمرCOP28 → مؤتمر,
/// COP28); numbers keep an inner . or , before a digit (3.5, 1,000) and split at / - : (2021/2025 → 2021,
/// 2025); http(s):// and www. URLs are one token; #التحول_الرقمي is a hashtag token whose
/// parts are also returned as words. Malformed UTF-8 bytes separate tokens and are never returned.
std::vector<Token> tokenize(std::string_view text);

}  // namespace manzuma::text
