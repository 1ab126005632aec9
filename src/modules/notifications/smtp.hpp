#pragma once
// Sending one plain-text UTF-8 e-mail through the configured SMTP server (libcurl), for the daily digest.

#include <optional>
#include <string>
#include <string_view>

namespace manzuma::modules::notifications {

/// MANZUMA_SMTP_URL ("smtp://host:25", "smtps://user:password@host:465") and MANZUMA_SMTP_FROM.
struct SmtpSettings {
  std::string url;
  std::string from;
  bool enabled() const { return !url.empty() && !from.empty(); }
};

struct MailMessage {
  std::string to;
  std::string subject;
  std::string body;
};

/// Sends `m`; nullopt on success, else what went wrong (never the credentials in the URL).
std::optional<std::string> send_mail(const SmtpSettings& smtp, const MailMessage& m);

/// The URL with any user and password removed, for logs: "smtps://host:465".
std::string redact_url(std::string_view url);

/// The RFC 5322 message: headers (the subject RFC 2047-encoded, UTF-8, base64 body) and body.
std::string compose(std::string_view from, const MailMessage& m, std::string_view date_rfc5322,
                    std::string_view message_id);

/// Standard base64 of `data`.
std::string base64(std::string_view data);

}  // namespace manzuma::modules::notifications
