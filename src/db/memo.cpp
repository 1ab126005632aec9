#include "db/memo.hpp"

namespace manzuma::db {

std::string query_key(std::string_view sql, const std::vector<Value>& params) {
  std::string k(sql);
  for (const auto& p : params) {
    k += '\x1f';
    if (std::holds_alternative<std::monostate>(p)) {
      k += 'n';
    } else if (const auto* i = std::get_if<std::int64_t>(&p)) {
      k += 'i';
      k += std::to_string(*i);
    } else if (const auto* d = std::get_if<double>(&p)) {
      k += 'd';
      k += std::to_string(*d);
    } else {
      const auto& text = std::get<std::string>(p);
      k += 's';
      k += std::to_string(text.size());
      k += ':';
      k += text;
    }
  }
  return k;
}

}  // namespace manzuma::db
