#pragma once
// multipart/form-data (RFC 7578) over a body already in memory, and the Content-Disposition header of a
// download (RFC 6266). Pure string work: no I/O, no HTTP types, so both are tested without a server.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace manzuma::platform {

/// More parts than a form of ours ever has is an attack or a bug, not a form.
inline constexpr std::size_t kMaxMultipartParts = 20;
/// The headers of one part (up to and including the blank line that ends them).
inline constexpr std::size_t kMaxPartHeaderBytes = 8 * 1024;

/// One field of a form.
struct MultipartPart {
  /// The `name` parameter of Content-Disposition.
  std::string name;
  /// `filename*` (decoded from RFC 8187) when sent, else `filename`; absent for plain fields.
  std::optional<std::string> filename;
  /// The part's Content-Type as sent; "text/plain" when absent (RFC 7578 §4.4).
  std::string content_type = "text/plain";
  /// The part's bytes: a view into the body given to parse_multipart().
  std::string_view body;
};

/// The boundary of a `multipart/form-data` Content-Type value, unquoted. Throws core::Error 415
/// "multipart_required" for another media type, 400 "malformed_multipart" for a missing or invalid boundary.
std::string multipart_boundary(std::string_view content_type);

/// Splits `body` into its parts (in order), in time linear in the body's size. Throws core::Error 400
/// "malformed_multipart" on any malformation, or as multipart_boundary() does. The parts view `body`.
std::vector<MultipartPart> parse_multipart(std::string_view content_type, std::string_view body);
/// Refused at compile time: the parts would view a body destroyed at the end of the call's statement.
template <class S, class = std::enable_if_t<std::is_same_v<S, std::string>>>
std::vector<MultipartPart> parse_multipart(std::string_view content_type, S&& temporary_body) = delete;

/// The first part named `name`; nullptr when there is none.
const MultipartPart* find_part(const std::vector<MultipartPart>& parts, std::string_view name);

/// `attachment; filename="<ASCII fallback>"; filename*=UTF-8''<percent-encoded>` for a download of
/// `filename` (UTF-8), so every browser offers the original name (RFC 6266 §4.3, RFC 8187).
std::string attachment_disposition(std::string_view filename);

}  // namespace manzuma::platform
