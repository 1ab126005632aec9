#pragma once
// Described structs <-> JSON, with field-level errors and a JSON Schema of the same shape.
// One walk over Boost.Describe members serves encoding, decoding and the OpenAPI schema, so a wire
// type is written once (STYLE.md habit 3).

#include <boost/core/demangle.hpp>
#include <boost/describe.hpp>
#include <boost/json.hpp>
#include <boost/mp11/algorithm.hpp>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <typeinfo>
#include <vector>

#include "core/error.hpp"

namespace manzuma::core::json {

namespace bj = boost::json;

template <class T>
struct is_optional : std::false_type {};
template <class T>
struct is_optional<std::optional<T>> : std::true_type {};
template <class T>
struct is_vector : std::false_type {};
template <class T>
struct is_vector<std::vector<T>> : std::true_type {};
template <class T>
struct is_string_map : std::false_type {};
template <class T>
struct is_string_map<std::map<std::string, T>> : std::true_type {};

template <class T>
constexpr bool is_described_struct = boost::describe::has_describe_members<T>::value;
template <class T>
constexpr bool is_described_enum = boost::describe::has_describe_enumerators<T>::value;

/// Parses a request body. Broken UTF-8, bad syntax and nesting deeper than `max_depth` are client errors.
bj::value parse(std::string_view text, std::size_t max_depth = 32);

/// Serialises compactly.
std::string to_text(const bj::value& v);

/// A described enumerator's wire name.
template <class E>
std::string_view enum_name(E e) {
  return boost::describe::enum_to_string(e, "");
}

/// The enumerator whose wire name is `name`, if any.
template <class E>
std::optional<E> enum_from_name(std::string_view name) {
  std::optional<E> out;
  boost::mp11::mp_for_each<boost::describe::describe_enumerators<E>>([&](auto d) {
    if (!out && name == d.name) out = d.value;
  });
  return out;
}

/// All wire names of a described enum, comma-separated (for error messages).
template <class E>
std::string enum_names() {
  std::string s;
  boost::mp11::mp_for_each<boost::describe::describe_enumerators<E>>([&](auto d) {
    if (!s.empty()) s += ", ";
    s += d.name;
  });
  return s;
}

// ---------------------------------------------------------------------------------------------
// Encoding

template <class T>
bj::value encode(const T& v) {
  if constexpr (std::is_same_v<T, bj::value>) {
    return v;
  } else if constexpr (std::is_same_v<T, bool>) {
    return bj::value(v);
  } else if constexpr (std::is_integral_v<T>) {
    return bj::value(static_cast<std::int64_t>(v));
  } else if constexpr (std::is_floating_point_v<T>) {
    return bj::value(static_cast<double>(v));
  } else if constexpr (std::is_convertible_v<const T&, std::string_view>) {
    return bj::value(std::string_view(v));
  } else if constexpr (is_optional<T>::value) {
    return v ? encode(*v) : bj::value(nullptr);
  } else if constexpr (is_vector<T>::value) {
    bj::array a;
    a.reserve(v.size());
    for (const auto& x : v) a.push_back(encode(x));
    return a;
  } else if constexpr (is_string_map<T>::value) {
    bj::object o;
    for (const auto& [k, x] : v) o[k] = encode(x);
    return o;
  } else if constexpr (is_described_enum<T>) {
    return bj::value(enum_name(v));
  } else if constexpr (is_described_struct<T>) {
    bj::object o;
    boost::mp11::mp_for_each<boost::describe::describe_members<T, boost::describe::mod_public>>(
        [&](auto d) { o[d.name] = encode(v.*d.pointer); });
    return o;
  } else {
    static_assert(sizeof(T) == 0, "type cannot be encoded as JSON: describe it");
  }
}

// ---------------------------------------------------------------------------------------------
// Writing straight to text: the same output as to_text(encode(v)), without building a document first
// (the response path of every list; building the document was a third of its CPU in the benchmark).

namespace detail {
void write_string(std::string& out, std::string_view s);
void write_double(std::string& out, double d);
}  // namespace detail

template <class T>
void write(std::string& out, const T& v) {
  if constexpr (std::is_same_v<T, bj::value>) {
    out += bj::serialize(v);
  } else if constexpr (std::is_same_v<T, bool>) {
    out += v ? "true" : "false";
  } else if constexpr (std::is_integral_v<T>) {
    out += std::to_string(static_cast<std::int64_t>(v));
  } else if constexpr (std::is_floating_point_v<T>) {
    detail::write_double(out, static_cast<double>(v));
  } else if constexpr (std::is_convertible_v<const T&, std::string_view>) {
    detail::write_string(out, std::string_view(v));
  } else if constexpr (is_optional<T>::value) {
    if (v)
      write(out, *v);
    else
      out += "null";
  } else if constexpr (is_vector<T>::value) {
    out += '[';
    bool first = true;
    for (const auto& x : v) {
      if (!first) out += ',';
      first = false;
      write(out, x);
    }
    out += ']';
  } else if constexpr (is_string_map<T>::value) {
    out += '{';
    bool first = true;
    for (const auto& [k, x] : v) {
      if (!first) out += ',';
      first = false;
      detail::write_string(out, k);
      out += ':';
      write(out, x);
    }
    out += '}';
  } else if constexpr (is_described_enum<T>) {
    detail::write_string(out, enum_name(v));
  } else if constexpr (is_described_struct<T>) {
    out += '{';
    bool first = true;
    boost::mp11::mp_for_each<boost::describe::describe_members<T, boost::describe::mod_public>>([&](auto d) {
      if (!first) out += ',';
      first = false;
      out += '"';
      out += d.name;  // member names are plain identifiers: nothing to escape
      out += "\":";
      write(out, v.*d.pointer);
    });
    out += '}';
  } else {
    static_assert(sizeof(T) == 0, "type cannot be written as JSON: describe it");
  }
}

/// `v` as compact JSON text.
template <class T>
std::string to_text_of(const T& v) {
  std::string out;
  out.reserve(256);
  write(out, v);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Decoding: collects every field error, rejects unknown members, never throws mid-walk.

namespace detail {
void type_error(std::vector<FieldError>& errors, const std::string& path, std::string_view expected);
void add_error(std::vector<FieldError>& errors, const std::string& path, std::string code, std::string ar,
               std::string en);
std::string child(const std::string& path, std::string_view name);
std::string index(const std::string& path, std::size_t i);
}  // namespace detail

template <class T>
void decode_into(const bj::value& in, T& out, const std::string& path, std::vector<FieldError>& errors) {
  if constexpr (std::is_same_v<T, bj::value>) {
    out = in;
  } else if constexpr (std::is_same_v<T, bool>) {
    if (in.is_bool())
      out = in.get_bool();
    else
      detail::type_error(errors, path, "boolean");
  } else if constexpr (std::is_integral_v<T>) {
    std::int64_t x = 0;
    if (in.is_int64())
      x = in.get_int64();
    else if (in.is_uint64() && in.get_uint64() <= static_cast<std::uint64_t>(INT64_MAX))
      x = in.get_uint64();
    else if (in.is_double() && in.get_double() == static_cast<double>(static_cast<std::int64_t>(in.get_double())) &&
             in.get_double() > -9e18 && in.get_double() < 9e18)
      x = static_cast<std::int64_t>(in.get_double());
    else {
      detail::type_error(errors, path, "integer");
      return;
    }
    // The upper bound is compared unsigned (T may be uint64_t), so only for positive x: a negative x cast to
    // unsigned would pass every maximum.
    if (x < static_cast<std::int64_t>(std::numeric_limits<T>::min()) ||
        (x > 0 && static_cast<std::uint64_t>(x) > static_cast<std::uint64_t>(std::numeric_limits<T>::max()))) {
      detail::add_error(errors, path, "out_of_range", "الرقم خارج النطاق المسموح", "The number is out of range");
      return;
    }
    out = static_cast<T>(x);
  } else if constexpr (std::is_floating_point_v<T>) {
    if (in.is_number())
      out = static_cast<T>(in.to_number<double>());
    else
      detail::type_error(errors, path, "number");
  } else if constexpr (std::is_same_v<T, std::string>) {
    if (in.is_string())
      out = std::string(in.get_string());
    else
      detail::type_error(errors, path, "string");
  } else if constexpr (is_optional<T>::value) {
    if (in.is_null()) {
      out.reset();
    } else {
      typename T::value_type inner{};
      decode_into(in, inner, path, errors);
      out = std::move(inner);
    }
  } else if constexpr (is_vector<T>::value) {
    if (!in.is_array()) {
      detail::type_error(errors, path, "array");
      return;
    }
    const auto& a = in.get_array();
    out.clear();
    out.resize(a.size());
    for (std::size_t i = 0; i < a.size(); ++i) decode_into(a[i], out[i], detail::index(path, i), errors);
  } else if constexpr (is_string_map<T>::value) {
    if (!in.is_object()) {
      detail::type_error(errors, path, "object");
      return;
    }
    out.clear();
    for (const auto& kv : in.get_object())
      decode_into(kv.value(), out[std::string(kv.key())], detail::child(path, kv.key()), errors);
  } else if constexpr (is_described_enum<T>) {
    std::optional<T> e;
    if (in.is_string()) e = enum_from_name<T>(in.get_string());
    if (e) {
      out = *e;
    } else {
      const auto names = enum_names<T>();
      detail::add_error(errors, path, "enum", "القيمة غير مسموح بها؛ القيم المسموحة: " + names,
                        "Must be one of: " + names);
    }
  } else if constexpr (is_described_struct<T>) {
    if (!in.is_object()) {
      detail::type_error(errors, path, "object");
      return;
    }
    const auto& o = in.get_object();
    for (const auto& kv : o) {
      bool known = false;
      boost::mp11::mp_for_each<boost::describe::describe_members<T, boost::describe::mod_public>>(
          [&](auto d) { known = known || kv.key() == d.name; });
      if (!known)
        detail::add_error(errors, detail::child(path, kv.key()), "unknown_field", "حقل غير معروف", "Unknown field");
    }
    boost::mp11::mp_for_each<boost::describe::describe_members<T, boost::describe::mod_public>>([&](auto d) {
      using M = std::remove_cvref_t<decltype(out.*d.pointer)>;
      const std::string p = detail::child(path, d.name);
      auto it = o.find(d.name);
      if (it == o.end() || (it->value().is_null() && !is_optional<M>::value)) {
        if constexpr (!is_optional<M>::value)
          detail::add_error(errors, p, "required", "هذا الحقل مطلوب", "This field is required");
        return;
      }
      decode_into(it->value(), out.*d.pointer, p, errors);
    });
  } else {
    static_assert(sizeof(T) == 0, "type cannot be decoded from JSON: describe it");
  }
}

/// Decodes a whole request value, throwing one invalid-input Error that lists every bad field.
template <class T>
T decode(const bj::value& in) {
  T out{};
  std::vector<FieldError> errors;
  decode_into(in, out, "", errors);
  if (!errors.empty()) throw Error::invalid(std::move(errors));
  return out;
}

// ---------------------------------------------------------------------------------------------
// JSON Schema (OpenAPI 3.1 dialect). Structs become named components.

/// The component name of a type: its unqualified C++ name, templates flattened (Page<Organization> ->
/// Page_Organization).
std::string schema_name(std::string_view demangled);

template <class T>
bj::value schema(bj::object& components) {
  if constexpr (std::is_same_v<T, bj::value>) {
    return bj::object{};
  } else if constexpr (std::is_same_v<T, bool>) {
    return bj::object{{"type", "boolean"}};
  } else if constexpr (std::is_integral_v<T>) {
    return bj::object{{"type", "integer"}, {"format", sizeof(T) > 4 ? "int64" : "int32"}};
  } else if constexpr (std::is_floating_point_v<T>) {
    return bj::object{{"type", "number"}};
  } else if constexpr (std::is_convertible_v<const T&, std::string_view>) {
    return bj::object{{"type", "string"}};
  } else if constexpr (is_optional<T>::value) {
    return bj::object{{"anyOf", bj::array{schema<typename T::value_type>(components), bj::object{{"type", "null"}}}}};
  } else if constexpr (is_vector<T>::value) {
    return bj::object{{"type", "array"}, {"items", schema<typename T::value_type>(components)}};
  } else if constexpr (is_string_map<T>::value) {
    return bj::object{{"type", "object"}, {"additionalProperties", schema<typename T::mapped_type>(components)}};
  } else if constexpr (is_described_enum<T>) {
    bj::array names;
    boost::mp11::mp_for_each<boost::describe::describe_enumerators<T>>([&](auto d) { names.emplace_back(d.name); });
    return bj::object{{"type", "string"}, {"enum", std::move(names)}};
  } else if constexpr (is_described_struct<T>) {
    const std::string name = schema_name(boost::core::demangle(typeid(T).name()));
    if (!components.contains(name)) {
      components[name] = bj::object{};  // placeholder first: a type may refer to itself
      bj::object props;
      bj::array required;
      boost::mp11::mp_for_each<boost::describe::describe_members<T, boost::describe::mod_public>>([&](auto d) {
        using M = std::remove_cvref_t<decltype(std::declval<T&>().*d.pointer)>;
        props[d.name] = schema<M>(components);
        if (!is_optional<M>::value) required.emplace_back(d.name);
      });
      components[name] = bj::object{{"type", "object"},
                                    {"properties", std::move(props)},
                                    {"required", std::move(required)},
                                    {"additionalProperties", false}};
    }
    return bj::object{{"$ref", "#/components/schemas/" + name}};
  } else {
    static_assert(sizeof(T) == 0, "type has no JSON schema: describe it");
  }
}

}  // namespace manzuma::core::json
