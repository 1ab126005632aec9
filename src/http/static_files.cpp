#include "http/static_files.hpp"

#include <filesystem>
#include <system_error>

namespace manzuma::http {

namespace fs = std::filesystem;

StaticFiles::StaticFiles(std::string root) : root_(std::move(root)) {}

std::string_view StaticFiles::content_type(std::string_view name) {
  struct Type {
    std::string_view ext, mime;
  };
  static constexpr Type kTypes[] = {
      {".html", "text/html; charset=utf-8"}, {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"}, {".css", "text/css; charset=utf-8"},
      {".json", "application/json"}, {".svg", "image/svg+xml"}, {".png", "image/png"},
      {".jpg", "image/jpeg"}, {".jpeg", "image/jpeg"}, {".ico", "image/x-icon"},
      {".woff2", "font/woff2"}, {".woff", "font/woff"}, {".ttf", "font/ttf"},
      {".txt", "text/plain; charset=utf-8"}, {".webmanifest", "application/manifest+json"},
      {".map", "application/json"},
  };
  for (const auto& t : kTypes)
    if (name.ends_with(t.ext)) return t.mime;
  return "application/octet-stream";
}

std::optional<Response> StaticFiles::serve(std::string_view path) const {
  // Refuse anything that could climb out of the root before touching the file system.
  if (path.empty() || path.front() != '/' || path.find("..") != std::string_view::npos ||
      path.find('\\') != std::string_view::npos)
    return std::nullopt;
  std::error_code ec;
  const fs::path root(root_);
  fs::path file = root / fs::path(path.substr(1));
  const auto last_slash = path.rfind('/');
  const bool looks_like_file = path.find('.', last_slash) != std::string_view::npos;
  bool index = false;
  if (path == "/" || !fs::is_regular_file(file, ec)) {
    // A client-side route ("/admin/users") gets the app; a missing asset ("/x.js") gets a 404.
    if (looks_like_file) return std::nullopt;
    file = root / "index.html";
    index = true;
    if (!fs::is_regular_file(file, ec)) return std::nullopt;
  }
  Response r;
  r.content_type = std::string(content_type(file.filename().string()));
  r.file_path = file.string();
  r.file_size = fs::file_size(file, ec);
  if (ec) return std::nullopt;
  // Vite names built assets by content hash, so they never change under the same URL.
  if (!index && path.starts_with("/assets/")) r.set_header("Cache-Control", "public, max-age=31536000, immutable");
  else r.set_header("Cache-Control", "no-cache");
  return r;
}

}  // namespace manzuma::http
