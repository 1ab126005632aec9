#include "platform/validation.hpp"

#include "core/text.hpp"

namespace manzuma::platform {

namespace {
bool has_arabic_letter(std::string_view s) {
  // Arabic letters are U+0620..U+064A, encoded as D8 A0..D9 8A.
  for (std::size_t i = 0; i + 1 < s.size(); ++i) {
    const auto a = static_cast<unsigned char>(s[i]), b = static_cast<unsigned char>(s[i + 1]);
    if ((a == 0xD8 && b >= 0xA0) || (a == 0xD9 && b <= 0x8A)) return true;
  }
  return false;
}
}  // namespace

std::string Validator::text(std::string_view field, std::string_view value, std::size_t min, std::size_t max) {
  std::string t = core::trim(value);
  const auto n = core::utf8_length(t);
  if (n < min) {
    if (n == 0)
      fail(field, "required", "هذا الحقل مطلوب", "This field is required");
    else
      fail(field, "too_short", "النص أقصر من " + std::to_string(min) + " أحرف",
           "Must be at least " + std::to_string(min) + " characters");
  } else if (n > max) {
    fail(field, "too_long", "النص أطول من " + std::to_string(max) + " حرفًا",
         "Must be at most " + std::to_string(max) + " characters");
  } else if (core::has_control_chars(t)) {
    fail(field, "control_characters", "النص يحتوي على رموز تحكم غير مسموحة", "Contains control characters");
  }
  return t;
}

std::string Validator::arabic_text(std::string_view field, std::string_view value, std::size_t min, std::size_t max) {
  const auto before = errors_.size();
  std::string t = text(field, value, min, max);
  if (errors_.size() == before && !has_arabic_letter(t))
    fail(field, "not_arabic", "يجب أن يُكتب الاسم العربي بحروف عربية", "The Arabic name must be written in Arabic");
  return t;
}

std::string Validator::email(std::string_view field, std::string_view value) {
  std::string e = core::ascii_lower(core::trim(value));
  const auto at = e.find('@');
  const bool ok = e.size() <= 254 && at != std::string::npos && at > 0 && at == e.rfind('@') &&
                  e.find('.', at) != std::string::npos && e.back() != '.' && e.find(' ') == std::string::npos &&
                  !core::has_control_chars(e);
  if (!ok) fail(field, "invalid_email", "عنوان البريد الإلكتروني غير صالح", "Not a valid e-mail address");
  return e;
}

std::optional<std::chrono::year_month_day> Validator::day(std::string_view field, std::string_view value,
                                                          std::string code, core::Years years) {
  auto d = core::parse_day(value, years);
  if (!d) fail(field, std::move(code), "تاريخ غير صالح (YYYY-MM-DD)", "Not a valid date (YYYY-MM-DD)");
  return d;
}

bool Validator::day_range(std::string_view start_field, std::string_view start, std::string_view end_field,
                          std::string_view end, std::string code, core::Years years) {
  const auto from = day(start_field, start, code, years), to = day(end_field, end, code, years);
  if (!from || !to) return false;
  if (*to < *from) {
    fail(end_field, "before_start", "تاريخ النهاية قبل تاريخ البداية", "The end date is before the start date");
    return false;
  }
  return true;
}

void Validator::fail(std::string_view field, std::string code, std::string message_ar, std::string message_en) {
  errors_.push_back(
      core::FieldError{std::string(field), std::move(code), std::move(message_ar), std::move(message_en)});
}

void Validator::check() const {
  if (!errors_.empty()) throw core::Error::invalid(errors_);
}

core::Error stale_version() {
  return core::Error(core::ErrorKind::conflict, "stale_version",
                     "عدّل شخص آخر هذا السجل بعد أن فتحته؛ أعد تحميله ثم عدّل من جديد",
                     "Someone else changed this record after you opened it; reload it and edit again", "version");
}

}  // namespace manzuma::platform
