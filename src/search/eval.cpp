#include "search/eval.hpp"

#include <stdlib.h>

#include <boost/json.hpp>
#include <cmath>
#include <fstream>
#include <unordered_map>
#include <unordered_set>

#include "core/error.hpp"

namespace manzuma::search {

namespace {

namespace bj = boost::json;

constexpr std::size_t kCutoff = 10;

[[noreturn]] void malformed(const std::filesystem::path& file, std::size_t line, const std::string& what) {
  const std::string where = file.string() + ":" + std::to_string(line);
  throw core::Error(core::ErrorKind::invalid_input, "malformed_eval_line", "سطر غير صالح في " + where + ": " + what,
                    where + ": " + what);
}

/// Reads JSON lines, calling `f(object, line_number)` for each non-blank line.
template <class F>
void each_object(const std::filesystem::path& file, F&& f) {
  std::ifstream in(file, std::ios::binary);
  if (!in)
    throw core::Error(core::ErrorKind::invalid_input, "unreadable_file", "تعذرت قراءة الملف " + file.string(),
                      "Cannot read " + file.string());
  std::string line;
  std::size_t n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    boost::system::error_code ec;
    auto v = bj::parse(line, ec);
    if (ec) malformed(file, n, "not JSON (" + ec.message() + ")");
    if (!v.is_object()) malformed(file, n, "expected a JSON object");
    f(v.as_object(), n);
  }
}

// Ids may be written as strings or numbers; both become text.
std::optional<std::string> id_text(const bj::value* v) {
  if (!v) return std::nullopt;
  if (v->is_string()) return std::string(v->as_string());
  if (v->is_int64()) return std::to_string(v->as_int64());
  if (v->is_uint64()) return std::to_string(v->as_uint64());
  return std::nullopt;
}

std::string string_field(const bj::object& o, std::string_view key, const std::filesystem::path& file, std::size_t line,
                         bool required) {
  const auto* v = o.if_contains(key);
  if (!v || v->is_null()) {
    if (required) malformed(file, line, "\"" + std::string(key) + "\" is missing");
    return {};
  }
  if (!v->is_string()) malformed(file, line, "\"" + std::string(key) + "\" must be a string");
  return std::string(v->as_string());
}

/// A directory under the system's temporary directory, removed with everything in it when this goes.
class TemporaryDirectory {
 public:
  TemporaryDirectory() {
    std::string pattern = (std::filesystem::temp_directory_path() / "manzuma-eval-XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw core::Error::internal("search-eval: cannot create a temporary directory");
    path_ = pattern;
  }
  ~TemporaryDirectory() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TemporaryDirectory(const TemporaryDirectory&) = delete;
  TemporaryDirectory& operator=(const TemporaryDirectory&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace

EvalResult evaluate(const std::filesystem::path& corpus, const std::filesystem::path& queries, Analyzer analyzer) {
  EvalResult result;
  result.analyzer = std::string(analyzer_name(analyzer));

  TemporaryDirectory dir;
  // Scope the index so it is closed before the directory goes.
  {
    auto index = Index::open_writable(dir.path() / "index", analyzer);

    // The collection's ids are text; the index's are numbers, given in corpus order.
    std::unordered_map<std::string, std::int64_t> ids;
    std::vector<std::string> names{""};
    each_object(corpus, [&](const bj::object& o, std::size_t line) {
      auto id = id_text(o.if_contains("id"));
      if (!id) malformed(corpus, line, "\"id\" is missing (a string or a number)");
      if (ids.count(*id)) malformed(corpus, line, "the id \"" + *id + "\" appears twice");
      Document d;
      d.type = "doc";
      d.id = static_cast<std::int64_t>(names.size());
      d.title_ar = string_field(o, "title", corpus, line, false);
      d.body = string_field(o, "text", corpus, line, true);
      d.visibility.everyone = true;
      index->put(d);
      ids.emplace(*id, d.id);
      names.push_back(*id);
    });
    index->commit();
    result.documents = names.size() - 1;

    double recall = 0, mrr = 0, ndcg = 0;
    each_object(queries, [&](const bj::object& o, std::size_t line) {
      Query q;
      q.text = string_field(o, "query", queries, line, true);
      const auto* rel = o.if_contains("relevant");
      if (!rel || !rel->is_array()) malformed(queries, line, "\"relevant\" must be an array of ids");
      std::unordered_set<std::string> relevant;
      for (const auto& r : rel->as_array()) {
        auto id = id_text(&r);
        if (!id) malformed(queries, line, "\"relevant\" must hold strings or numbers");
        relevant.insert(*id);
      }
      if (relevant.empty()) malformed(queries, line, "\"relevant\" is empty");
      // Ids judged relevant but absent from the corpus stay in the counts (they cannot be found), as
      // trec_eval does with judgements for unretrieved documents.

      q.access.all = true;
      q.facets = false;
      q.limit = kCutoff;
      std::vector<std::string> ranked;
      try {
        for (const auto& h : index->search(q).hits) ranked.push_back(names.at(static_cast<std::size_t>(h.id)));
      } catch (const core::Error& e) {
        // A query the product refuses (too long, broken UTF-8) finds nothing, as it would for a user.
        if (e.kind() != core::ErrorKind::invalid_input) throw;
      }

      std::size_t found = 0;
      double dcg = 0, first = 0;
      for (std::size_t i = 0; i < ranked.size() && i < kCutoff; ++i) {
        if (!relevant.count(ranked[i])) continue;
        ++found;
        dcg += 1.0 / std::log2(static_cast<double>(i) + 2.0);
        if (first == 0) first = 1.0 / static_cast<double>(i + 1);
      }
      double ideal = 0;
      for (std::size_t i = 0; i < std::min(relevant.size(), kCutoff); ++i)
        ideal += 1.0 / std::log2(static_cast<double>(i) + 2.0);
      recall += static_cast<double>(found) / static_cast<double>(relevant.size());
      mrr += first;
      ndcg += dcg / ideal;
      ++result.queries;
    });
    if (result.queries > 0) {
      const auto n = static_cast<double>(result.queries);
      result.recall_at_10 = recall / n;
      result.mrr_at_10 = mrr / n;
      result.ndcg_at_10 = ndcg / n;
    }
  }
  return result;
}

}  // namespace manzuma::search
