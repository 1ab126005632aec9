#include "http/static_files.hpp"

#include <filesystem>
#include <system_error>

namespace manzuma::http {

namespace fs = std::filesystem;

namespace {
// Shown at "/" until the web app is built into the web root, so a first `make run` greets the user in
// both languages instead of a bare 404.
constexpr std::string_view kPlaceholder = R"(<!doctype html>
<html lang="ar" dir="rtl">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>منظومة · Manzuma</title>
<style>
body{font-family:system-ui,"Noto Naskh Arabic","IBM Plex Sans Arabic",sans-serif;margin:0;background:#f6f7f9;color:#1b1f24}
main{max-width:42rem;margin:4rem auto;padding:2rem;background:#fff;border-radius:12px;box-shadow:0 1px 3px #0002}
h1{margin-block-start:0;color:#0b5d4b}section+section{margin-block-start:2rem;border-block-start:1px solid #dde;padding-block-start:1.5rem}
a{color:#0b5d4b}
</style></head>
<body><main>
<section>
<h1>منظومة</h1>
<p>الخادم يعمل، وواجهة الويب لم تُبنَ بعد على هذا الجهاز.</p>
<ul><li><a href="/api/v1/openapi.json">وصف الواجهة البرمجية (OpenAPI)</a></li><li><a href="/healthz">حالة الخادم</a></li></ul>
</section>
<section lang="en" dir="ltr">
<h1>Manzuma</h1>
<p>The server is running; the web app has not been built on this machine yet.</p>
<ul><li><a href="/api/v1/openapi.json">API description (OpenAPI)</a></li><li><a href="/healthz">Server health</a></li></ul>
</section>
</main></body></html>
)";
}  // namespace

StaticFiles::StaticFiles(std::string root) : root_(std::move(root)) {}

std::string_view StaticFiles::content_type(std::string_view name) {
  struct Type {
    std::string_view ext, mime;
  };
  static constexpr Type kTypes[] = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".woff", "font/woff"},
      {".ttf", "font/ttf"},
      {".txt", "text/plain; charset=utf-8"},
      {".webmanifest", "application/manifest+json"},
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
    if (!fs::is_regular_file(file, ec)) {
      if (path != "/") return std::nullopt;
      Response placeholder;
      placeholder.content_type = "text/html; charset=utf-8";
      placeholder.body = std::string(kPlaceholder);
      placeholder.set_header("Cache-Control", "no-cache");
      return placeholder;
    }
  }
  Response r;
  r.content_type = std::string(content_type(file.filename().string()));
  r.file_path = file.string();
  r.file_size = fs::file_size(file, ec);
  if (ec) return std::nullopt;
  // Vite names built assets by content hash, so they never change under the same URL.
  if (!index && path.starts_with("/assets/"))
    r.set_header("Cache-Control", "public, max-age=31536000, immutable");
  else
    r.set_header("Cache-Control", "no-cache");
  return r;
}

}  // namespace manzuma::http
