#pragma once
// Attachments: files uploaded as evidence, stored once per content and described by one row each.

#include <boost/describe/class.hpp>
#include <cstdint>
#include <string>

namespace manzuma::platform {

/// One uploaded file; the bytes live on disk under their SHA-256, so identical uploads share them.
struct Attachment {
  std::int64_t id = 0;
  /// Lower-case hex SHA-256 of the content; also its name in the store.
  std::string sha256;
  std::int64_t size = 0;
  /// Detected from the bytes, never taken from the client.
  std::string mime_type;
  /// The uploader's file name, cleaned (no path, no control characters); Arabic kept as sent.
  std::string filename;
  std::int64_t organization_id = 0;
  std::int64_t uploaded_by = 0;
  std::string created_at;
};
BOOST_DESCRIBE_STRUCT(Attachment, (), (id, sha256, size, mime_type, filename, organization_id, uploaded_by, created_at))

}  // namespace manzuma::platform
