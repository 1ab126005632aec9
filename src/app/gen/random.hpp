#pragma once
// The one random generator of generated data (`manzuma gen-data`) and of the micro-benchmarks' corpus:
// splitmix64, because std::uniform_*_distribution differs between standard libraries and the same seed must
// give the same rows and documents everywhere.

#include <cstddef>
#include <cstdint>
#include <iterator>

namespace manzuma::app::gen {

/// A small, fast, portable generator.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    state_ += 0x9E3779B97F4A7C15ull;
    std::uint64_t z = state_;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  /// 0 <= result < n.
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
  /// A skewed pick: small indexes are much more frequent, like words in real text.
  std::size_t skewed(std::size_t n) {
    const double u = static_cast<double>(next() >> 11) / static_cast<double>(1ull << 53);
    return static_cast<std::size_t>(static_cast<double>(n) * u * u * u) % n;
  }
  bool chance(int percent) { return below(100) < static_cast<std::size_t>(percent); }
  /// lo <= result <= hi.
  int between(int lo, int hi) { return lo + static_cast<int>(below(static_cast<std::size_t>(hi - lo + 1))); }
  /// One element of a built-in array or a container.
  template <class C>
  const auto& pick(const C& c) {
    return c[below(std::size(c))];
  }

 private:
  std::uint64_t state_;
};

}  // namespace manzuma::app::gen
