#include "modules/notifications/smtp.hpp"

#include <curl/curl.h>

#include <chrono>
#include <cstring>
#include <ctime>

#include "core/crypto.hpp"

namespace manzuma::modules::notifications {

std::string base64(std::string_view data) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((data.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 2 < data.size(); i += 3) {
    const unsigned n = (static_cast<unsigned char>(data[i]) << 16) | (static_cast<unsigned char>(data[i + 1]) << 8) |
                       static_cast<unsigned char>(data[i + 2]);
    out += kAlphabet[(n >> 18) & 63];
    out += kAlphabet[(n >> 12) & 63];
    out += kAlphabet[(n >> 6) & 63];
    out += kAlphabet[n & 63];
  }
  if (i < data.size()) {
    unsigned n = static_cast<unsigned char>(data[i]) << 16;
    if (i + 1 < data.size()) n |= static_cast<unsigned char>(data[i + 1]) << 8;
    out += kAlphabet[(n >> 18) & 63];
    out += kAlphabet[(n >> 12) & 63];
    out += i + 1 < data.size() ? kAlphabet[(n >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

std::string redact_url(std::string_view url) {
  const auto scheme = url.find("://");
  const auto host_start = scheme == std::string_view::npos ? 0 : scheme + 3;
  const auto path = url.find('/', host_start);
  const auto at = url.substr(0, path).rfind('@');
  if (at == std::string_view::npos || at < host_start) return std::string(url);
  return std::string(url.substr(0, host_start)) + std::string(url.substr(at + 1));
}

std::string compose(std::string_view from, const MailMessage& m, std::string_view date_rfc5322,
                    std::string_view message_id) {
  std::string body64 = base64(m.body), wrapped;
  for (std::size_t i = 0; i < body64.size(); i += 76) wrapped += body64.substr(i, 76) + "\r\n";
  std::string out;
  out += "Date: " + std::string(date_rfc5322) + "\r\n";
  out += "From: " + std::string(from) + "\r\n";
  out += "To: " + m.to + "\r\n";
  out += "Message-ID: <" + std::string(message_id) + ">\r\n";
  out += "Subject: =?UTF-8?B?" + base64(m.subject) + "?=\r\n";
  out += "MIME-Version: 1.0\r\n";
  out += "Content-Type: text/plain; charset=UTF-8\r\n";
  out += "Content-Transfer-Encoding: base64\r\n\r\n";
  out += wrapped;
  return out;
}

namespace {

struct Upload {
  std::string data;
  std::size_t sent = 0;
};

std::size_t read_upload(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto* u = static_cast<Upload*>(user);
  const std::size_t n = std::min(size * count, u->data.size() - u->sent);
  std::memcpy(buffer, u->data.data() + u->sent, n);
  u->sent += n;
  return n;
}

// The address inside "Name <addr>", or the whole text.
std::string address_of(const std::string& from) {
  const auto lt = from.find('<'), gt = from.find('>');
  if (lt != std::string::npos && gt != std::string::npos && gt > lt) return from.substr(lt + 1, gt - lt - 1);
  return from;
}

}  // namespace

std::optional<std::string> send_mail(const SmtpSettings& smtp, const MailMessage& m) {
  CURL* curl = curl_easy_init();
  if (!curl) return "curl_easy_init failed";
  const auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char date[64];
  std::strftime(date, sizeof date, "%a, %d %b %Y %H:%M:%S +0000", &tm);
  const std::string from = address_of(smtp.from);
  const auto domain = from.substr(from.find('@') == std::string::npos ? from.size() : from.find('@') + 1);
  Upload upload{compose(smtp.from, m, date, core::random_token(12) + "@" + (domain.empty() ? "manzuma" : domain))};

  curl_slist* recipients = curl_slist_append(nullptr, ("<" + m.to + ">").c_str());
  curl_easy_setopt(curl, CURLOPT_URL, smtp.url.c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_FROM, ("<" + from + ">").c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients);
  curl_easy_setopt(curl, CURLOPT_READFUNCTION, read_upload);
  curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
  curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 10L);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, 30L);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  // Use TLS whenever the server offers it (smtps:// requires it anyway).
  curl_easy_setopt(curl, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_TRY));
  const CURLcode rc = curl_easy_perform(curl);
  curl_slist_free_all(recipients);
  curl_easy_cleanup(curl);
  if (rc != CURLE_OK) return std::string(curl_easy_strerror(rc)) + " (" + redact_url(smtp.url) + ")";
  return std::nullopt;
}

}  // namespace manzuma::modules::notifications
