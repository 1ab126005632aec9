#pragma once
// Prometheus counters and a latency histogram per route, rendered as the text exposition format.

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace manzuma::http {

class Metrics {
 public:
  /// Records one finished request: `route` is the route template (bounded label set), not the raw path.
  void observe(std::string_view method, std::string_view route, int status, double seconds);

  /// Renders all series plus `gauges` (name, help, value), e.g. database pool use and uptime.
  std::string render(const std::vector<std::tuple<std::string, std::string, double>>& gauges) const;

  static constexpr std::array<double, 12> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                      0.05,   0.1,   0.25,   0.5,   1.0,  5.0};

 private:
  struct Histogram {
    std::array<std::uint64_t, kBuckets.size()> buckets{};
    std::uint64_t count = 0;
    double sum = 0;
  };
  mutable std::mutex mu_;
  std::map<std::tuple<std::string, std::string, int>, std::uint64_t> requests_;
  std::map<std::string, Histogram> latency_;
};

}  // namespace manzuma::http
