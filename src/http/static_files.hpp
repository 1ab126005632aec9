#pragma once
// Serves the built single-page app: files under a root, index.html for client-side routes,
// long-lived caching for content-hashed assets.

#include <optional>
#include <string>

#include "http/message.hpp"

namespace manzuma::http {

class StaticFiles {
 public:
  explicit StaticFiles(std::string root);

  /// The response for a GET/HEAD of `path`, or nullopt when nothing there (the caller answers 404).
  std::optional<Response> serve(std::string_view path) const;

  /// The MIME type for a file name, by extension.
  static std::string_view content_type(std::string_view filename);

 private:
  std::string root_;
};

}  // namespace manzuma::http
