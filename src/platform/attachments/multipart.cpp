#include "platform/attachments/multipart.hpp"

#include <algorithm>
#include <utility>

#include "core/error.hpp"
#include "core/text.hpp"

namespace manzuma::platform {

namespace {

constexpr auto npos = std::string_view::npos;

[[noreturn]] void malformed(std::string_view why_ar, std::string_view why_en) {
  throw core::Error(core::ErrorKind::invalid_input, "malformed_multipart",
                    "الطلب ليس نموذج multipart/form-data صالحًا: " + std::string(why_ar),
                    "The request is not valid multipart/form-data: " + std::string(why_en));
}

[[noreturn]] void bad_filename_star() {
  malformed("اسم الملف المرمّز (filename*) غير صالح", "the encoded file name (filename*) is invalid");
}

[[noreturn]] void bad_disposition() {
  malformed("ترويسة Content-Disposition في أحد الأجزاء غير صالحة", "a part's Content-Disposition header is malformed");
}

[[noreturn]] void missing_close() {
  malformed("الحد الفاصل الختامي مفقود (المحتوى ناقص)", "the closing boundary is missing (the body is incomplete)");
}

bool is_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

// RFC 9110 §5.6.2.
bool is_tchar(char c) { return is_alnum(c) || std::string_view("!#$%&'*+-.^_`|~").find(c) != npos; }

// RFC 2046 §5.1.1: the characters a boundary may use.
bool is_bchar(char c) { return is_alnum(c) || std::string_view("'()+_,-./:=? ").find(c) != npos; }

// RFC 8187 §3.2.1: what filename* carries without percent-encoding.
bool is_attr_char(char c) { return is_alnum(c) || std::string_view("!#$&+-.^_`|~").find(c) != npos; }

bool is_ows(char c) { return c == ' ' || c == '\t'; }

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && core::ascii_lower(a) == core::ascii_lower(b);
}

std::string_view trim_ows(std::string_view s) {
  while (!s.empty() && is_ows(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_ows(s.back())) s.remove_suffix(1);
  return s;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

struct Parameter {
  std::string name;
  std::string value;
};

// `*( OWS ";" OWS [ name "=" ( token / quoted-string ) ] ) OWS` with names lower-cased; nullopt on bad syntax
// or a repeated name (a second `filename` must not quietly win over the first).
std::optional<std::vector<Parameter>> parse_parameters(std::string_view s) {
  std::vector<Parameter> out;
  std::size_t i = 0;
  auto skip_ows = [&] {
    while (i < s.size() && is_ows(s[i])) ++i;
  };
  for (;;) {
    skip_ows();
    if (i == s.size()) return out;
    if (s[i] != ';') return std::nullopt;
    ++i;
    skip_ows();
    if (i == s.size() || s[i] == ';') continue;
    const std::size_t name_start = i;
    while (i < s.size() && is_tchar(s[i])) ++i;
    if (i == name_start) return std::nullopt;
    Parameter p;
    p.name = core::ascii_lower(s.substr(name_start, i - name_start));
    skip_ows();
    if (i == s.size() || s[i] != '=') return std::nullopt;
    ++i;
    skip_ows();
    if (i < s.size() && s[i] == '"') {
      ++i;
      bool closed = false;
      while (i < s.size()) {
        char c = s[i++];
        if (c == '"') {
          closed = true;
          break;
        }
        // Browsers send Windows paths with bare backslashes (WHATWG encodes only '"', CR and LF), so a
        // backslash escapes only a quote or another backslash; elsewhere it is kept as sent.
        if (c == '\\' && i < s.size() && (s[i] == '"' || s[i] == '\\')) c = s[i++];
        p.value += c;
      }
      if (!closed) return std::nullopt;
    } else {
      const std::size_t value_start = i;
      while (i < s.size() && is_tchar(s[i])) ++i;
      if (i == value_start) return std::nullopt;
      p.value = std::string(s.substr(value_start, i - value_start));
    }
    for (const auto& q : out)
      if (q.name == p.name) return std::nullopt;
    out.push_back(std::move(p));
  }
}

// RFC 8187 ext-value: charset'language'percent-encoded. nullopt for a charset we do not know (the plain
// `filename` then applies, as §3.2.1 advises); malformed for broken encoding.
std::optional<std::string> decode_ext_value(std::string_view v) {
  const auto q1 = v.find('\'');
  const auto q2 = q1 == npos ? npos : v.find('\'', q1 + 1);
  if (q2 == npos) bad_filename_star();
  const std::string charset = core::ascii_lower(v.substr(0, q1));
  const std::string_view encoded = v.substr(q2 + 1);
  std::string bytes;
  bytes.reserve(encoded.size());
  for (std::size_t i = 0; i < encoded.size(); ++i) {
    if (encoded[i] != '%') {
      bytes += encoded[i];
      continue;
    }
    if (i + 2 >= encoded.size()) bad_filename_star();
    const int hi = hex_value(encoded[i + 1]);
    const int lo = hex_value(encoded[i + 2]);
    if (hi < 0 || lo < 0) bad_filename_star();
    bytes += static_cast<char>(hi * 16 + lo);
    i += 2;
  }
  if (charset == "utf-8") {
    if (!core::valid_utf8(bytes)) bad_filename_star();
    return bytes;
  }
  if (charset == "iso-8859-1") {
    std::string utf8;
    for (unsigned char c : bytes) {
      if (c < 0x80) {
        utf8 += static_cast<char>(c);
      } else {
        utf8 += static_cast<char>(0xC0 | (c >> 6));
        utf8 += static_cast<char>(0x80 | (c & 0x3F));
      }
    }
    return utf8;
  }
  return std::nullopt;
}

void parse_disposition(std::string_view value, MultipartPart& part) {
  const auto semi = value.find(';');
  if (!iequals(trim_ows(value.substr(0, semi)), "form-data")) bad_disposition();
  auto params = parse_parameters(semi == npos ? std::string_view{} : value.substr(semi));
  if (!params) bad_disposition();
  std::optional<std::string> name, filename, filename_star;
  for (auto& p : *params) {
    if (p.name == "name")
      name = std::move(p.value);
    else if (p.name == "filename")
      filename = std::move(p.value);
    else if (p.name == "filename*")
      filename_star = decode_ext_value(p.value);
  }
  if (!name) {
    malformed("ترويسة Content-Disposition في أحد الأجزاء بلا اسم (name)",
              "a part's Content-Disposition header has no name");
  }
  part.name = std::move(*name);
  part.filename = filename_star ? std::move(filename_star) : std::move(filename);
}

// Reads the header block of the part starting at `start`; returns the offset where its content begins.
std::size_t read_headers(std::string_view body, std::size_t start, MultipartPart& part) {
  // Searching only a window of the limit's size keeps a part without a blank line from costing a scan
  // of the whole body for each of its lines.
  const std::size_t limit = start + kMaxPartHeaderBytes;
  const std::string_view window = body.substr(0, std::min(body.size(), limit));
  bool has_disposition = false, has_type = false;
  std::size_t i = start;
  for (;;) {
    const std::size_t eol = window.find('\n', i);
    if (eol == npos) {
      if (window.size() == limit) malformed("ترويسات أحد الأجزاء تتجاوز ٨ كيلوبايت", "a part's headers exceed 8 KB");
      missing_close();
    }
    std::string_view line = body.substr(i, eol - i);
    i = eol + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) break;

    const auto colon = line.find(':');
    const std::string_view name = colon == npos ? std::string_view{} : line.substr(0, colon);
    // A line starting with whitespace is an obsolete folded header (RFC 9110 §5.5): refused, as HTTP does.
    if (name.empty() || !std::all_of(name.begin(), name.end(), is_tchar))
      malformed("أحد الأجزاء يحمل ترويسة غير صالحة", "a part has a malformed header line");
    const std::string_view value = trim_ows(line.substr(colon + 1));
    if (iequals(name, "content-disposition")) {
      if (has_disposition)
        malformed("أحد الأجزاء يحمل ترويسة Content-Disposition مكررة", "a part has two Content-Disposition headers");
      has_disposition = true;
      parse_disposition(value, part);
    } else if (iequals(name, "content-type")) {
      if (has_type) malformed("أحد الأجزاء يحمل ترويسة Content-Type مكررة", "a part has two Content-Type headers");
      has_type = true;
      if (!value.empty()) part.content_type = std::string(value);
    }
    // Other headers (Content-Transfer-Encoding, which RFC 7578 §4.7 deprecates) carry nothing we use.
  }
  if (!has_disposition)
    malformed("أحد الأجزاء بلا ترويسة Content-Disposition", "a part has no Content-Disposition header");
  return i;
}

enum class AfterBoundary { part, close, data };

// Classifies what follows an occurrence of the dash-boundary ending at `at`. For `part` (transport padding
// and a line break), `next` is set to the start of the next line. `data` means the occurrence is the start
// of longer text ("--boundaryX"), which RFC 2046 leaves to the content.
AfterBoundary after_boundary(std::string_view body, std::size_t at, std::size_t& next) {
  if (body.substr(at, 2) == "--") return AfterBoundary::close;
  std::size_t i = at;
  while (i < body.size() && is_ows(body[i])) ++i;
  if (i < body.size() && body[i] == '\n') {
    next = i + 1;
    return AfterBoundary::part;
  }
  if (i + 1 < body.size() && body[i] == '\r' && body[i + 1] == '\n') {
    next = i + 2;
    return AfterBoundary::part;
  }
  if (i == body.size()) missing_close();
  if (i == at && body[i] != '\r') return AfterBoundary::data;
  malformed("نص غير متوقع بعد الحد الفاصل", "unexpected text follows a boundary");
}

}  // namespace

std::string multipart_boundary(std::string_view content_type) {
  const auto semi = content_type.find(';');
  if (!iequals(trim_ows(content_type.substr(0, semi)), "multipart/form-data")) {
    throw core::Error(core::ErrorKind::unsupported_media_type, "multipart_required",
                      "يجب إرسال الملفات بصيغة multipart/form-data", "Files must be sent as multipart/form-data");
  }
  auto params = parse_parameters(semi == npos ? std::string_view{} : content_type.substr(semi));
  if (!params) malformed("ترويسة Content-Type غير صالحة", "the Content-Type header is malformed");
  const auto it = std::find_if(params->begin(), params->end(), [](const Parameter& p) { return p.name == "boundary"; });
  if (it == params->end())
    malformed("ترويسة Content-Type لا تحدد الحد الفاصل (boundary)", "the Content-Type header has no boundary");
  const std::string& b = it->value;
  if (b.empty() || b.size() > 70 || b.back() == ' ' || !std::all_of(b.begin(), b.end(), is_bchar)) {
    malformed("الحد الفاصل (boundary) غير صالح: من ١ إلى ٧٠ حرفًا من الحروف المسموحة",
              "the boundary is invalid: it must be 1 to 70 permitted characters");
  }
  return b;
}

std::vector<MultipartPart> parse_multipart(std::string_view content_type, std::string_view body) {
  const std::string dash = "--" + multipart_boundary(content_type);
  const std::string line_dash = "\n" + dash;

  // The first delimiter opens the body or a line of the preamble. Its line break (CRLF, or a bare LF from
  // a hand-written client) is the one that precedes every later delimiter.
  std::size_t next = 0;
  bool crlf = true;
  for (std::size_t from = 0;;) {
    std::size_t at;
    if (from == 0 && body.starts_with(dash)) {
      at = 0;
    } else {
      const auto p = body.find(line_dash, from);
      if (p == npos) malformed("لا يحتوي المحتوى على الحد الفاصل", "the body does not contain the boundary");
      at = p + 1;
    }
    const auto after = after_boundary(body, at + dash.size(), next);
    if (after == AfterBoundary::close) return {};  // an empty form, as browsers send one
    if (after == AfterBoundary::part) {
      crlf = body[next - 2] == '\r';
      break;
    }
    from = at + 1;
  }
  const std::string delimiter = (crlf ? "\r\n" : "\n") + dash;

  // Every search moves forward and the delimiter is at most 74 bytes, so the work is linear in the body.
  std::vector<MultipartPart> parts;
  for (;;) {
    if (parts.size() == kMaxMultipartParts) malformed("عدد الأجزاء يتجاوز ٢٠", "there are more than 20 parts");
    MultipartPart part;
    const std::size_t content = read_headers(body, next, part);
    for (std::size_t from = content;;) {
      const auto p = body.find(delimiter, from);
      if (p == npos) missing_close();
      const auto after = after_boundary(body, p + delimiter.size(), next);
      if (after == AfterBoundary::data) {
        from = p + 1;
        continue;
      }
      part.body = body.substr(content, p - content);
      parts.push_back(std::move(part));
      if (after == AfterBoundary::close) return parts;  // the epilogue is ignored (RFC 2046 §5.1.1)
      break;
    }
  }
}

const MultipartPart* find_part(const std::vector<MultipartPart>& parts, std::string_view name) {
  for (const auto& p : parts)
    if (p.name == name) return &p;
  return nullptr;
}

std::string attachment_disposition(std::string_view filename) {
  // The fallback is for clients without RFC 8187: one '_' per non-ASCII character; quotes, backslashes and
  // '%' left out (RFC 6266 Appendix D: some clients unescape or percent-decode the quoted form).
  std::string fallback;
  for (char ch : filename) {
    const auto c = static_cast<unsigned char>(ch);
    if (c >= 0x80) {
      if ((c & 0xC0) != 0x80) fallback += '_';  // a lead byte: one per code point
    } else if (c >= 0x20 && c != 0x7F && c != '"' && c != '\\') {
      fallback += c == '%' ? '_' : ch;
    }
  }
  if (fallback.empty()) fallback = "file";
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string encoded;
  for (char ch : filename) {
    const auto c = static_cast<unsigned char>(ch);
    if (is_attr_char(ch)) {
      encoded += ch;
    } else {
      encoded += '%';
      encoded += kHex[c >> 4];
      encoded += kHex[c & 0x0F];
    }
  }
  return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + encoded;
}

}  // namespace manzuma::platform
