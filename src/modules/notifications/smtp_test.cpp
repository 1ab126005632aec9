// The digest e-mail: credentials never reach a log line, and the message is valid UTF-8 MIME.

#include "modules/notifications/smtp.hpp"

#include <gtest/gtest.h>

namespace manzuma::modules::notifications {
namespace {

TEST(Smtp, RedactedUrlKeepsHostAndPortButNotTheCredentials) {
  EXPECT_EQ(redact_url("smtps://digest:s3cr%40t@mail.gov.om:465"), "smtps://mail.gov.om:465");
  EXPECT_EQ(redact_url("smtp://mail.gov.om:25/relay"), "smtp://mail.gov.om:25/relay");
  EXPECT_EQ(redact_url("smtp://user@host"), "smtp://host");
  EXPECT_EQ(redact_url("smtp://host/path@x"), "smtp://host/path@x");
}

TEST(Smtp, Base64MatchesTheRfcVectors) {
  EXPECT_EQ(base64(""), "");
  EXPECT_EQ(base64("f"), "Zg==");
  EXPECT_EQ(base64("fo"), "Zm8=");
  EXPECT_EQ(base64("foo"), "Zm9v");
  EXPECT_EQ(base64("foobar"), "Zm9vYmFy");
}

TEST(Smtp, ComposedMessageEncodesArabicSubjectAndBody) {
  const auto text = compose("Manzuma <noreply@manzuma.om>", {"office@demo.manzuma.om", "ملخص اليوم", "سطر\nline"},
                            "Mon, 23 Nov 2026 05:00:00 +0000", "abc@manzuma.om");
  EXPECT_NE(text.find("Subject: =?UTF-8?B?" + base64("ملخص اليوم") + "?=\r\n"), std::string::npos);
  EXPECT_NE(text.find("Content-Type: text/plain; charset=UTF-8\r\n"), std::string::npos);
  EXPECT_NE(text.find("\r\n\r\n" + base64("سطر\nline") + "\r\n"), std::string::npos);
  EXPECT_NE(text.find("To: office@demo.manzuma.om\r\n"), std::string::npos);
}

}  // namespace
}  // namespace manzuma::modules::notifications
