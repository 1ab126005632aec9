#pragma once
// Small, pure string checks every layer needs. Arabic-aware analysis lives in src/text/.

#include <cstddef>
#include <string>
#include <string_view>

namespace manzuma::core {

/// True when `s` is well-formed UTF-8 (no overlongs, no surrogates, nothing past U+10FFFF).
bool valid_utf8(std::string_view s);

/// Number of code points in well-formed UTF-8.
std::size_t utf8_length(std::string_view s);

/// Removes leading and trailing whitespace, including the no-break and zero-width spaces that
/// Arabic keyboards and copy-paste from Word documents leave behind.
std::string trim(std::string_view s);

/// ASCII lower case (e-mail addresses, header names); leaves other bytes alone.
std::string ascii_lower(std::string_view s);

/// True when `s` holds a control character other than tab, newline or carriage return.
bool has_control_chars(std::string_view s);

}  // namespace manzuma::core
