// Search at scale: indexes N generated documents (100,000 by default) in a temporary directory, then
// measures query latency as the search page asks (facets on, 20 hits with snippets) for single-word,
// multi-word and filtered queries (an entity user's access and a type filter), and prefix suggestions.
// Prints a table on stderr and one JSON object on the last line of stdout. Run by bench/run.sh.
//   search_bench [--docs N] [--queries N] [--analyzer manzuma|xapian-arabic|none] [--keep DIR]

#include <stdlib.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "corpus.hpp"
#include "search/index.hpp"

namespace {

using namespace manzuma;
using Clock = std::chrono::steady_clock;

constexpr std::string_view kTypes[] = {"practice", "study", "event", "edition", "partnership", "adoption"};
constexpr std::size_t kOrganizations = 460;

double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

// CPU time of this process: on a shared machine the wall clock also counts time other processes took.
double cpu_ms() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

search::Document make_document(bench::Rng& rng, std::int64_t id) {
  search::Document d;
  d.type = std::string(kTypes[rng.skewed(std::size(kTypes))]);
  d.id = id;
  d.title_ar = bench::title(rng);
  if (rng.chance(40)) {
    for (int i = 0; i < 4; ++i) {
      if (i) d.title_en += ' ';
      d.title_en += bench::kEnglishWords[rng.below(std::size(bench::kEnglishWords))];
    }
  }
  d.body = bench::body(rng, 60 + rng.below(160));
  const auto org = static_cast<std::int64_t>(1 + rng.below(kOrganizations));
  d.organization_id = org;
  d.edition = static_cast<std::int64_t>(1 + rng.below(6));
  d.year = static_cast<std::int64_t>(2019 + rng.below(7));
  char date[16];
  std::snprintf(date, sizeof date, "%lld-%02zu-%02zu", static_cast<long long>(*d.year), 1 + rng.below(12),
                1 + rng.below(28));
  d.date = date;
  // Published records for everyone; the rest for their entity's staff or their owner.
  const auto v = rng.below(100);
  if (v < 60) {
    d.visibility.everyone = true;
  } else if (v < 85) {
    d.visibility.scopes = {
        {"/1/" + std::to_string(org) + "/", {core::Role::entity_coordinator, core::Role::change_team_head}}};
  } else {
    d.visibility.users = {static_cast<std::int64_t>(1 + rng.below(50000))};
  }
  return d;
}

double thread_cpu_ms() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

// Other work on the machine lowers every wall-clock figure; the JSON records how busy it was.
double load_average() {
  double l = 0;
  if (FILE* f = std::fopen("/proc/loadavg", "r")) {
    if (std::fscanf(f, "%lf", &l) != 1) l = 0;
    std::fclose(f);
  }
  return l;
}

struct Latency {
  std::string name;
  std::vector<double> ms;
  /// The CPU time each query took on this thread: what the query costs, without the time other processes
  /// on a shared machine held the core.
  std::vector<double> cpu_ms;
  double matches = 0;

  static double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    const auto i = static_cast<std::size_t>(std::ceil(p * static_cast<double>(v.size()))) - 1;
    return v[std::min(i, v.size() - 1)];
  }
  double percentile(double p) const { return percentile(ms, p); }
  double cpu_percentile(double p) const { return percentile(cpu_ms, p); }
  double mean() const {
    double s = 0;
    for (double x : ms) s += x;
    return s / static_cast<double>(ms.size());
  }
};

/// A query of `n` words as a searcher types them.
std::string words(bench::Rng& rng, std::size_t n) {
  std::string q;
  for (std::size_t i = 0; i < n; ++i) {
    if (i) q += ' ';
    q += bench::arabic_word(rng, true);
  }
  return q;
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t docs = 100000, queries = 500;
  // Another analyzer (xapian-arabic, none) shows what stock Xapian costs on the same documents.
  search::Analyzer analyzer = search::Analyzer::manzuma;
  // --keep DIR: index into DIR and leave it there; a later run with the same DIR and --docs only queries
  // (for working on query speed; its indexing figures are then 0).
  std::string keep;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--docs")) docs = std::strtoull(argv[i + 1], nullptr, 10);
    if (!std::strcmp(argv[i], "--queries")) queries = std::strtoull(argv[i + 1], nullptr, 10);
    if (!std::strcmp(argv[i], "--analyzer")) analyzer = search::parse_analyzer(argv[i + 1]).value_or(analyzer);
    if (!std::strcmp(argv[i], "--keep")) keep = argv[i + 1];
  }
  if (docs == 0 || queries == 0) {
    std::fprintf(stderr, "usage: search_bench [--docs N] [--queries N] (both above 0)\n");
    return 2;
  }
  std::string pattern = (std::filesystem::temp_directory_path() / "manzuma-search-bench-XXXXXX").string();
  if (keep.empty() && !mkdtemp(pattern.data())) {
    std::perror("mkdtemp");
    return 1;
  }
  const std::filesystem::path dir = keep.empty() ? std::filesystem::path(pattern) : std::filesystem::path(keep);
  int status = 0;
  const double load_at_start = load_average();
  try {
    auto index = search::Index::open_writable(dir / "index", analyzer);

    // --- Indexing: documents are generated in batches outside the timed part.
    bench::Rng rng(42);
    double index_ms = 0, index_cpu_ms = 0;
    std::size_t text_bytes = 0;
    constexpr std::size_t kBatch = 1000;
    std::vector<search::Document> batch;
    const bool reused = index->size() >= docs;
    for (std::size_t done = reused ? docs : 0; done < docs;) {
      batch.clear();
      for (std::size_t i = 0; i < kBatch && done + i < docs; ++i) {
        batch.push_back(make_document(rng, static_cast<std::int64_t>(done + i + 1)));
        text_bytes += batch.back().title_ar.size() + batch.back().title_en.size() + batch.back().body.size();
      }
      const auto t = Clock::now();
      const double c = cpu_ms();
      for (const auto& d : batch) index->put(d);
      index_ms += ms_since(t);
      index_cpu_ms += cpu_ms() - c;
      done += batch.size();
      std::fprintf(stderr, "\rsearch_bench: indexed %zu/%zu", done, docs);
    }
    auto t = Clock::now();
    const double c = cpu_ms();
    index->commit();
    const double commit_ms = ms_since(t);
    index_ms += commit_ms;
    index_cpu_ms += cpu_ms() - c;
    std::fprintf(stderr, "\n");
    const double docs_per_s = reused ? 0 : static_cast<double>(docs) / (index_ms / 1000);
    const double docs_per_cpu_s = reused ? 0 : static_cast<double>(docs) / (index_cpu_ms / 1000);
    std::uintmax_t index_bytes = 0;
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir / "index"))
      if (e.is_regular_file()) index_bytes += e.file_size();

    // --- Queries, each as the search page asks: facets on, the first 20 hits with snippets.
    auto run = [&](const std::string& name, auto&& make) {
      Latency l{name, {}, {}, 0};
      bench::Rng qrng(7);
      for (std::size_t i = 0; i < queries + 50; ++i) {
        search::Query q = make(qrng);
        const auto start = Clock::now();
        const double cpu = thread_cpu_ms();
        const auto r = index->search(q);
        const double ms = ms_since(start);
        if (i < 50) continue;  // warm-up: the first queries open the reader and fill the caches
        l.ms.push_back(ms);
        l.cpu_ms.push_back(thread_cpu_ms() - cpu);
        l.matches += static_cast<double>(r.total);
      }
      l.matches /= static_cast<double>(queries);
      return l;
    };
    search::Access national;
    national.all = true;
    auto entity_user = [](bench::Rng& r) {
      core::Actor a;
      a.user_id = static_cast<std::int64_t>(1 + r.below(50000));
      const auto org = static_cast<std::int64_t>(1 + r.below(kOrganizations));
      a.memberships = {{org, "/1/" + std::to_string(org) + "/", core::Role::entity_coordinator}};
      search::Access access;
      access.terms = search::access_terms(a);
      access.types = {"practice", "study", "event", "edition", "adoption"};
      return access;
    };

    std::vector<Latency> results;
    results.push_back(run("single_word", [&](bench::Rng& r) {
      search::Query q;
      q.text = words(r, 1);
      q.access = national;
      return q;
    }));
    // The hard case: words drawn as often as the text uses them, so most are in half the index or more.
    results.push_back(run("common_word", [&](bench::Rng& r) {
      search::Query q;
      q.text = bench::arabic_word(r);
      q.access = national;
      return q;
    }));
    results.push_back(run("multi_word", [&](bench::Rng& r) {
      search::Query q;
      q.text = words(r, 2 + r.below(3));
      q.access = national;
      return q;
    }));
    results.push_back(run("filtered", [&](bench::Rng& r) {
      search::Query q;
      q.text = words(r, 1 + r.below(2));
      q.access = entity_user(r);
      q.types = {"practice"};
      return q;
    }));
    results.push_back(run("entity_user", [&](bench::Rng& r) {
      search::Query q;
      q.text = words(r, 1 + r.below(3));
      q.access = entity_user(r);
      return q;
    }));
    results.push_back(run("single_word_no_facets", [&](bench::Rng& r) {
      search::Query q;
      q.text = words(r, 1);
      q.access = national;
      q.facets = false;
      return q;
    }));
    {
      Latency l{"suggest", {}, {}, 0};
      bench::Rng qrng(11);
      for (std::size_t i = 0; i < queries + 50; ++i) {
        const std::string w = bench::arabic_word(qrng, true);
        // The first three to six letters, as typed (Arabic letters are two bytes).
        const std::size_t letters = 3 + qrng.below(4);
        std::string prefix = w.substr(0, std::min(w.size(), letters * 2));
        while (!prefix.empty() && (static_cast<unsigned char>(prefix.back()) & 0xC0) == 0xC0) prefix.pop_back();
        const auto access = entity_user(qrng);
        const auto start = Clock::now();
        const double cpu = thread_cpu_ms();
        const auto s = index->suggest(prefix, access, 8);
        const double ms = ms_since(start);
        if (i < 50) continue;
        l.ms.push_back(ms);
        l.cpu_ms.push_back(thread_cpu_ms() - cpu);
        l.matches += static_cast<double>(s.size());
      }
      l.matches /= static_cast<double>(queries);
      results.push_back(l);
    }

    std::fprintf(stderr, "search_bench: %zu documents (%.1f MB of text), index %.1f MB\n", docs,
                 static_cast<double>(text_bytes) / 1e6, static_cast<double>(index_bytes) / 1e6);
    std::fprintf(stderr, "indexing: %.1f s, %.0f documents/s (%.0f per CPU second; final commit %.0f ms)\n",
                 index_ms / 1000, docs_per_s, docs_per_cpu_s, commit_ms);
    std::fprintf(stderr, "%-24s%10s%10s%10s%14s%14s%14s\n", "queries", "p50 ms", "p99 ms", "mean ms", "mean matches",
                 "CPU p50 ms", "CPU p99 ms");
    for (const auto& l : results)
      std::fprintf(stderr, "%-24s%10.2f%10.2f%10.2f%14.0f%14.2f%14.2f\n", l.name.c_str(), l.percentile(0.5),
                   l.percentile(0.99), l.mean(), l.matches, l.cpu_percentile(0.5), l.cpu_percentile(0.99));

    std::printf(
        "{\"documents\":%zu,\"text_mb\":%.1f,\"index_mb\":%.1f,\"indexing\":{\"seconds\":%.2f,"
        "\"docs_per_s\":%.0f,\"docs_per_cpu_s\":%.0f,\"final_commit_ms\":%.0f},\"loadavg_at_start\":%.2f,"
        "\"loadavg_at_end\":%.2f,\"queries_per_kind\":%zu,\"latency\":{",
        docs, static_cast<double>(text_bytes) / 1e6, static_cast<double>(index_bytes) / 1e6, index_ms / 1000,
        docs_per_s, docs_per_cpu_s, commit_ms, load_at_start, load_average(), queries);
    for (std::size_t i = 0; i < results.size(); ++i) {
      const auto& l = results[i];
      std::printf(
          "%s\"%s\":{\"p50_ms\":%.3f,\"p99_ms\":%.3f,\"mean_ms\":%.3f,\"cpu_p50_ms\":%.3f,\"cpu_p99_ms\":%.3f,"
          "\"mean_matches\":%.1f}",
          i ? "," : "", l.name.c_str(), l.percentile(0.5), l.percentile(0.99), l.mean(), l.cpu_percentile(0.5),
          l.cpu_percentile(0.99), l.matches);
    }
    std::printf("}}\n");
  } catch (const core::Error& e) {
    std::fprintf(stderr, "search_bench: %s %s\n", e.what(), e.internal_detail().c_str());
    status = 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "search_bench: %s\n", e.what());
    status = 1;
  }
  std::error_code ec;
  if (keep.empty()) std::filesystem::remove_all(dir, ec);
  return status;
}
