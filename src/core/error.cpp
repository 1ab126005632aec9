#include "core/error.hpp"

namespace manzuma::core {

Error Error::invalid(std::vector<FieldError> errors) {
  Error e(ErrorKind::invalid_input, "validation_failed", "البيانات المرسلة غير صالحة",
          "The submitted data is not valid", errors.empty() ? std::string{} : errors.front().field);
  e.errors_ = std::move(errors);
  return e;
}

Error Error::invalid_field(std::string field, std::string code, std::string message_ar, std::string message_en) {
  return invalid({FieldError{std::move(field), std::move(code), std::move(message_ar), std::move(message_en)}});
}

Error Error::not_found(std::string message_ar, std::string message_en) {
  return Error(ErrorKind::not_found, "not_found", std::move(message_ar), std::move(message_en));
}

Error Error::forbidden() {
  return Error(ErrorKind::forbidden, "forbidden", "ليست لديك صلاحية لهذا الإجراء",
               "You do not have permission for this action");
}

Error Error::unauthenticated() {
  return Error(ErrorKind::unauthenticated, "unauthenticated", "يلزم تسجيل الدخول", "You need to sign in");
}

Error Error::internal(std::string detail) {
  Error e(ErrorKind::internal, "internal", "حدث خطأ داخلي، حاول لاحقًا", "An internal error occurred; try again later");
  e.internal_detail_ = std::move(detail);
  return e;
}

int http_status(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::invalid_input:
      return 400;
    case ErrorKind::unauthenticated:
      return 401;
    case ErrorKind::forbidden:
      return 403;
    case ErrorKind::not_found:
      return 404;
    case ErrorKind::method_not_allowed:
      return 405;
    case ErrorKind::conflict:
      return 409;
    case ErrorKind::payload_too_large:
      return 413;
    case ErrorKind::unsupported_media_type:
      return 415;
    case ErrorKind::too_many_requests:
      return 429;
    case ErrorKind::unavailable:
      return 503;
    case ErrorKind::internal:
      break;
  }
  return 500;
}

}  // namespace manzuma::core
