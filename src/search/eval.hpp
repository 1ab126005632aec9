#pragma once
// Search quality on a judged collection: `manzuma search-eval` (src/search/README.md).

#include <cstddef>
#include <filesystem>
#include <string>

#include "search/index.hpp"

namespace manzuma::search {

struct EvalResult {
  std::string analyzer;
  std::size_t documents = 0;
  std::size_t queries = 0;
  double recall_at_10 = 0;
  double mrr_at_10 = 0;
  double ndcg_at_10 = 0;
};

/// Indexes `corpus` (JSON lines {"id","title","text"}) in a temporary index with `analyzer`, runs every
/// query of `queries` (JSON lines {"query","relevant":[ids]}) and averages the measures over the queries
/// (binary relevance). Throws core::Error naming the file and line of a malformed line.
EvalResult evaluate(const std::filesystem::path& corpus, const std::filesystem::path& queries, Analyzer analyzer);

}  // namespace manzuma::search
