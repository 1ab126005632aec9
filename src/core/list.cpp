#include "core/list.hpp"

#include <sodium.h>

#include <boost/json.hpp>
#include <charconv>

#include "core/error.hpp"

namespace manzuma::core {

namespace {
Error bad_filter(std::string_view name, std::string ar, std::string en) {
  return Error::invalid_field("filter[" + std::string(name) + "]", "invalid_parameter", std::move(ar), std::move(en));
}
}  // namespace

std::optional<std::string_view> ListQuery::filter(std::string_view name) const {
  auto it = filters.find(std::string(name));
  if (it == filters.end()) return std::nullopt;
  return std::string_view(it->second);
}

std::optional<std::int64_t> ListQuery::int_filter(std::string_view name) const {
  auto v = filter(name);
  if (!v) return std::nullopt;
  std::int64_t x = 0;
  auto [p, ec] = std::from_chars(v->data(), v->data() + v->size(), x);
  if (ec != std::errc{} || p != v->data() + v->size())
    throw bad_filter(name, "يجب أن تكون القيمة عددًا صحيحًا", "Must be an integer");
  return x;
}

std::optional<bool> ListQuery::bool_filter(std::string_view name) const {
  auto v = filter(name);
  if (!v) return std::nullopt;
  if (*v == "1" || *v == "true") return true;
  if (*v == "0" || *v == "false") return false;
  throw bad_filter(name, "يجب أن تكون القيمة true أو false", "Must be true or false");
}

std::string make_cursor(std::string_view sort_value, std::int64_t id) {
  const std::string raw = boost::json::serialize(boost::json::array{boost::json::string(sort_value), id});
  std::string out(sodium_base64_ENCODED_LEN(raw.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(raw.data()), raw.size(),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(std::char_traits<char>::length(out.c_str()));
  return out;
}

std::optional<std::pair<std::string, std::int64_t>> decode_cursor(std::string_view cursor) {
  std::string raw(cursor.size(), '\0');
  std::size_t len = 0;
  if (cursor.size() > 1024 ||
      sodium_base642bin(reinterpret_cast<unsigned char*>(raw.data()), raw.size(), cursor.data(), cursor.size(), nullptr,
                        &len, nullptr, sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0)
    return std::nullopt;
  raw.resize(len);
  boost::system::error_code ec;
  auto v = boost::json::parse(raw, ec);
  if (ec || !v.is_array() || v.as_array().size() != 2 || !v.as_array()[0].is_string() || !v.as_array()[1].is_int64())
    return std::nullopt;
  return std::pair{std::string(v.as_array()[0].as_string()), v.as_array()[1].as_int64()};
}

}  // namespace manzuma::core
