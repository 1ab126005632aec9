#include "core/json.hpp"

#include <cstdint>
#include <cstring>

#include "core/text.hpp"

namespace manzuma::core::json {

bj::value parse(std::string_view text, std::size_t max_depth) {
  if (!valid_utf8(text))
    throw Error(ErrorKind::invalid_input, "invalid_utf8", "النص المرسل ليس UTF-8 صالحًا",
                "The request body is not valid UTF-8");
  bj::parse_options opts;
  opts.max_depth = max_depth;
  boost::system::error_code ec;
  bj::value v = bj::parse(text, ec, {}, opts);
  if (ec == bj::error::too_deep)
    throw Error(ErrorKind::invalid_input, "too_deep", "بنية JSON متداخلة أكثر من المسموح",
                "The JSON document is nested too deeply");
  if (ec)
    throw Error(ErrorKind::invalid_input, "malformed_json", "نص الطلب ليس JSON صالحًا",
                "The request body is not valid JSON")
        .with_detail(ec.message());
  return v;
}

std::string to_text(const bj::value& v) { return bj::serialize(v); }

std::string schema_name(std::string_view demangled) {
  std::string out;
  std::string word;
  for (char c : demangled) {
    if (c == ':') {
      word.clear();  // drop namespace qualifiers
    } else if (c == '<' || c == ',' || c == '>') {
      out += word;
      if (c != '>') out += '_';
      word.clear();
    } else if (c != ' ') {
      word += c;
    }
  }
  return out + word;
}

namespace detail {

namespace {

constexpr std::uint64_t kEveryByte = 0x0101010101010101ull;
constexpr std::uint64_t kHighBits = 0x8080808080808080ull;

// True when one of the eight bytes of `w` must be escaped: a control character (< 0x20), '"' or '\\'. The
// usual bit tricks ("has a byte less than n", "has a zero byte"); bytes of UTF-8 sequences (>= 0x80) pass.
constexpr bool needs_escape(std::uint64_t w) {
  const std::uint64_t control = (w - kEveryByte * 0x20) & ~w;
  const std::uint64_t q = w ^ (kEveryByte * '"');
  const std::uint64_t b = w ^ (kEveryByte * '\\');
  return ((control | ((q - kEveryByte) & ~q) | ((b - kEveryByte) & ~b)) & kHighBits) != 0;
}

}  // namespace

// Record text (titles, summaries) is most of a page's bytes and rarely needs escaping: it is checked eight bytes
// at a time, and only a word holding something to escape is walked byte by byte. The byte-at-a-time loop was 40%
// of writing a page of practices (bench/micro/platform_bench).
void write_string(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  std::size_t run = 0;  // copy unescaped stretches in one go
  for (std::size_t i = 0; i < s.size();) {
    if (i + 8 <= s.size()) {
      std::uint64_t w;
      std::memcpy(&w, s.data() + i, 8);
      if (!needs_escape(w)) {
        i += 8;
        continue;
      }
    }
    const auto c = static_cast<unsigned char>(s[i++]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s.data() + run, i - 1 - run);
    run = i;
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 15];
    }
  }
  out.append(s.data() + run, s.size() - run);
  out += '"';
}

void write_double(std::string& out, double d) { out += bj::serialize(bj::value(d)); }

void add_error(std::vector<FieldError>& errors, const std::string& path, std::string code, std::string ar,
               std::string en) {
  errors.push_back(FieldError{path, std::move(code), std::move(ar), std::move(en)});
}

void type_error(std::vector<FieldError>& errors, const std::string& path, std::string_view expected) {
  struct Names {
    std::string_view wire, ar, en;
  };
  static constexpr Names kNames[] = {
      {"string", "يجب أن تكون القيمة نصًا", "Must be a string"},
      {"integer", "يجب أن تكون القيمة عددًا صحيحًا", "Must be an integer"},
      {"number", "يجب أن تكون القيمة رقمًا", "Must be a number"},
      {"boolean", "يجب أن تكون القيمة صح أو خطأ (true/false)", "Must be true or false"},
      {"array", "يجب أن تكون القيمة قائمة", "Must be an array"},
      {"object", "يجب أن تكون القيمة كائنًا", "Must be an object"},
  };
  for (const auto& n : kNames)
    if (n.wire == expected) {
      add_error(errors, path, "type_" + std::string(expected), std::string(n.ar), std::string(n.en));
      return;
    }
  add_error(errors, path, "type", "نوع القيمة غير صحيح", "Wrong type");
}

std::string child(const std::string& path, std::string_view name) {
  return path.empty() ? std::string(name) : path + "." + std::string(name);
}

std::string index(const std::string& path, std::size_t i) { return path + "[" + std::to_string(i) + "]"; }

}  // namespace detail
}  // namespace manzuma::core::json
