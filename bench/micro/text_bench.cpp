// Throughput of src/text on realistic Arabic text (MB/s): normalisation, tokenisation, stemming and the
// whole analysis search runs on every document and query. Run by bench/run.sh (make bench).

#include <benchmark/benchmark.h>

#include "corpus.hpp"
#include "text/analyzer.hpp"
#include "text/normalize.hpp"
#include "text/stem.hpp"
#include "text/tokenize.hpp"

namespace {

using namespace manzuma;

// About 64 KB of generated record text: Arabic with its spelling variety, some English, numbers.
const std::string& sample_text() {
  static const std::string text = [] {
    bench::Rng rng(20240601);
    std::string t;
    while (t.size() < 64 * 1024) {
      t += bench::title(rng);
      t += '\n';
      t += bench::body(rng, 120);
      t += '\n';
    }
    return t;
  }();
  return text;
}

struct Words {
  std::vector<std::string> arabic;
  std::vector<std::string> english;
  std::size_t arabic_bytes = 0;
  std::size_t english_bytes = 0;
};

// The normalised words of the sample, as the stemmers receive them.
const Words& sample_words() {
  static const Words words = [] {
    Words w;
    const auto& text = sample_text();
    for (const auto& t : text::tokenize(text)) {
      if (t.kind != text::TokenKind::word) continue;
      auto n = text::normalize(t.raw);
      if (t.script == text::Script::arabic) {
        w.arabic_bytes += n.size();
        w.arabic.push_back(std::move(n));
      } else if (t.script == text::Script::latin) {
        w.english_bytes += n.size();
        w.english.push_back(std::move(n));
      }
    }
    return w;
  }();
  return words;
}

void BM_Normalize(benchmark::State& state) {
  const auto& text = sample_text();
  for (auto _ : state) benchmark::DoNotOptimize(text::normalize(text));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_Normalize);

void BM_Tokenize(benchmark::State& state) {
  const auto& text = sample_text();
  for (auto _ : state) benchmark::DoNotOptimize(text::tokenize(text));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_Tokenize);

void BM_StemArabic(benchmark::State& state) {
  const auto& w = sample_words();
  for (auto _ : state)
    for (const auto& word : w.arabic) benchmark::DoNotOptimize(text::stem_arabic(word));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * w.arabic_bytes));
}
BENCHMARK(BM_StemArabic);

void BM_StemEnglish(benchmark::State& state) {
  const auto& w = sample_words();
  for (auto _ : state)
    for (const auto& word : w.english) benchmark::DoNotOptimize(text::stem_english(word));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * w.english_bytes));
}
BENCHMARK(BM_StemEnglish);

// The whole pipeline (tokenize → normalize → stem, stopwords, alternative stems): what indexing and every
// query pay.
void BM_Analyze(benchmark::State& state) {
  const auto& text = sample_text();
  for (auto _ : state) benchmark::DoNotOptimize(text::analyze(text));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_Analyze);

}  // namespace

BENCHMARK_MAIN();
