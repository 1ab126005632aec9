// multipart/form-data as browsers, curl and hostile clients send it.

#include "platform/attachments/multipart.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "core/error.hpp"

namespace manzuma::platform {
namespace {

constexpr std::string_view kType = "multipart/form-data; boundary=XyZ";

// A body and its parts, kept together because the parts view the body.
class Form {
 public:
  Form(std::string_view type, std::string body) : body_(std::move(body)), parts_(parse_multipart(type, body_)) {}
  Form(const Form&) = delete;
  Form& operator=(const Form&) = delete;
  const std::vector<MultipartPart>& parts() const { return parts_; }

 private:
  std::string body_;
  std::vector<MultipartPart> parts_;
};

// The error code and kind a call throws, or "none".
template <class F>
std::string failure(F&& f) {
  try {
    f();
  } catch (const core::Error& e) {
    return e.code() + "/" + std::to_string(core::http_status(e.kind()));
  }
  return "none";
}

std::string field(std::string_view name, std::string_view value) {
  return "--XyZ\r\nContent-Disposition: form-data; name=\"" + std::string(name) + "\"\r\n\r\n" + std::string(value) +
         "\r\n";
}

std::string file(std::string_view disposition_params, std::string_view content) {
  return "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; " + std::string(disposition_params) +
         "\r\nContent-Type: application/pdf\r\n\r\n" + std::string(content) + "\r\n";
}

TEST(Multipart, ParsesAFileAndAFieldAsABrowserSendsThem) {
  const std::string body =
      file("filename=\"report.pdf\"", "%PDF-1.4 data") + field("organization_id", "7") + "--XyZ--\r\n";
  const auto parts = parse_multipart(kType, body);
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_EQ(parts[0].name, "file");
  EXPECT_EQ(parts[0].filename, "report.pdf");
  EXPECT_EQ(parts[0].content_type, "application/pdf");
  EXPECT_EQ(parts[0].body, "%PDF-1.4 data");
  EXPECT_EQ(parts[1].name, "organization_id");
  EXPECT_FALSE(parts[1].filename.has_value());
  EXPECT_EQ(parts[1].content_type, "text/plain");
  EXPECT_EQ(parts[1].body, "7");
  // Views into the request body, not copies of a possibly 25 MB file.
  EXPECT_GE(parts[0].body.data(), body.data());
  EXPECT_LE(parts[0].body.data() + parts[0].body.size(), body.data() + body.size());
  ASSERT_NE(find_part(parts, "organization_id"), nullptr);
  EXPECT_EQ(find_part(parts, "organization_id")->body, "7");
  EXPECT_EQ(find_part(parts, "missing"), nullptr);
}

TEST(Multipart, QuotedBoundaryWithSpacesAndCaseInsensitiveMediaType) {
  // RFC 2046's own example boundary needs quotes: it holds a space and a colon.
  const std::string body =
      "--simple boundary:1\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nalpha\r\n--simple boundary:1--";
  const auto parts = parse_multipart("Multipart/Form-Data; charset=utf-8; BOUNDARY=\"simple boundary:1\"", body);
  ASSERT_EQ(parts.size(), 1u);
  EXPECT_EQ(parts[0].body, "alpha");
  EXPECT_EQ(multipart_boundary("multipart/form-data;boundary=abc"), "abc");
}

TEST(Multipart, BoundaryMustBePresentAndValid) {
  EXPECT_EQ(failure([] { parse_multipart("multipart/form-data", "--x--"); }), "malformed_multipart/400");
  EXPECT_EQ(failure([] { parse_multipart("multipart/form-data; charset=utf-8", "--x--"); }), "malformed_multipart/400");
  EXPECT_EQ(failure([] { multipart_boundary("multipart/form-data; boundary=\"\""); }), "malformed_multipart/400");
  EXPECT_EQ(failure([] { multipart_boundary("multipart/form-data; boundary=" + std::string(71, 'a')); }),
            "malformed_multipart/400");
  EXPECT_EQ(failure([] { multipart_boundary("multipart/form-data; boundary=" + std::string(70, 'a')); }), "none");
  EXPECT_EQ(failure([] { multipart_boundary("multipart/form-data; boundary=\"ends in space \""); }),
            "malformed_multipart/400");
  EXPECT_EQ(failure([] { multipart_boundary("multipart/form-data; boundary=\"bad;char\""); }),
            "malformed_multipart/400");
  EXPECT_EQ(failure([] { multipart_boundary("multipart/form-data; boundary=a; boundary=b"); }),
            "malformed_multipart/400");
  EXPECT_EQ(failure([] { multipart_boundary("multipart/form-data; boundary=\"unterminated"); }),
            "malformed_multipart/400");
  // Not a form at all: the media type is wrong, not the form.
  EXPECT_EQ(failure([] { parse_multipart("application/json", "{}"); }), "multipart_required/415");
  EXPECT_EQ(failure([] { parse_multipart("", ""); }), "multipart_required/415");
  EXPECT_EQ(failure([] { parse_multipart("multipart/mixed; boundary=XyZ", "--XyZ--"); }), "multipart_required/415");
}

TEST(Multipart, MessagesExistInBothLanguages) {
  try {
    Form{kType, field("a", "1")};
    FAIL() << "no closing boundary must not parse";
  } catch (const core::Error& e) {
    EXPECT_EQ(e.kind(), core::ErrorKind::invalid_input);
    EXPECT_NE(e.message_ar().find("الحد الفاصل الختامي"), std::string::npos) << e.message_ar();
    EXPECT_NE(e.message_en().find("closing boundary is missing"), std::string::npos) << e.message_en();
  }
}

TEST(Multipart, FilenameStarIsPreferredAndDecoded) {
  // "تقرير.pdf" percent-encoded as UTF-8; the plain filename is an ASCII stand-in.
  const std::string body =
      file("filename=\"report.pdf\"; filename*=UTF-8''%D8%AA%D9%82%D8%B1%D9%8A%D8%B1.pdf", "x") + "--XyZ--\r\n";
  const auto parts = parse_multipart(kType, body);
  ASSERT_EQ(parts.size(), 1u);
  EXPECT_EQ(parts[0].filename, "تقرير.pdf");

  // Order does not matter; language tags are allowed; Latin-1 is converted to UTF-8.
  const Form latin(kType, file("filename*=iso-8859-1'fr'caf%E9.csv; filename=\"cafe.csv\"", "x") + "--XyZ--");
  EXPECT_EQ(latin.parts()[0].filename, "café.csv");
  // An unknown charset is ignored in favour of the plain name (RFC 8187 §3.2.1).
  const Form other(kType, file("filename*=koi8-r''%C1.pdf; filename=\"a.pdf\"", "x") + "--XyZ--");
  EXPECT_EQ(other.parts()[0].filename, "a.pdf");
}

TEST(Multipart, BrokenFilenameStarIsMalformed) {
  for (const char* params :
       {"filename*=UTF-8''%D8", "filename*=UTF-8''%ZZ.pdf", "filename*=UTF-8''a%2", "filename*=nocharset"}) {
    EXPECT_EQ(failure([&] { Form{kType, file(params, "x") + "--XyZ--"}; }), "malformed_multipart/400") << params;
  }
}

TEST(Multipart, ArabicFilenameSentRawAsBrowsersDo) {
  const Form form(kType, file("filename=\"خطة التحول الرقمي ٢٠٢٦.pdf\"", "x") + "--XyZ--\r\n");
  const auto& parts = form.parts();
  ASSERT_EQ(parts.size(), 1u);
  EXPECT_EQ(parts[0].filename, "خطة التحول الرقمي ٢٠٢٦.pdf");
}

TEST(Multipart, QuotedStringEscapesAndWindowsPaths) {
  auto name_of = [](std::string_view params) {
    return Form(kType, file(params, "x") + "--XyZ--").parts()[0].filename.value_or("<none>");
  };
  EXPECT_EQ(name_of(R"(filename="say \"hi\".pdf")"), "say \"hi\".pdf");
  // Old Internet Explorer sends the whole path with bare backslashes; they are kept for the service to strip.
  EXPECT_EQ(name_of(R"(filename="C:\Users\amal\plan.pdf")"), R"(C:\Users\amal\plan.pdf)");
  EXPECT_EQ(name_of(R"(filename="semi;colon.pdf")"), "semi;colon.pdf");
  EXPECT_EQ(name_of("filename=plain.pdf"), "plain.pdf");
  EXPECT_EQ(name_of("filename=\"\""), "");
}

TEST(Multipart, MissingFinalBoundaryIsMalformed) {
  const std::string open = file("filename=\"a.pdf\"", "content");
  EXPECT_EQ(failure([&] { parse_multipart(kType, open); }), "malformed_multipart/400");
  EXPECT_EQ(failure([&] { Form{kType, open + "--XyZ"}; }), "malformed_multipart/400");
  EXPECT_EQ(failure([&] { parse_multipart(kType, "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n"); }),
            "malformed_multipart/400");
  EXPECT_EQ(failure([&] { parse_multipart(kType, "--XyZ\r\nContent-Disposition: form-da"); }),
            "malformed_multipart/400");
  // Cut in the middle of a part's content.
  EXPECT_EQ(failure([&] { Form{kType, open.substr(0, open.size() - 4)}; }), "malformed_multipart/400");
}

TEST(Multipart, BoundaryTextInsideDataIsData) {
  // Not at the start of a line, or at the start of a line but followed by more boundary characters: content.
  const std::string content = "a--XyZ b\r\n--XyZW\r\n--XyZ-\r\n--XyZ\tX is still data? no";
  const std::string data_only = "x --XyZ\r\n--XyZabc\r\n--XyZ_1\r\nend";
  const Form form(kType, file("filename=\"a.pdf\"", data_only) + "--XyZ--\r\n");
  const auto& parts = form.parts();
  ASSERT_EQ(parts.size(), 1u);
  EXPECT_EQ(parts[0].body, data_only);
  // Padding then other text after a real delimiter cannot be content; it is refused, not guessed at.
  EXPECT_EQ(failure([&] { Form{kType, file("filename=\"a.pdf\"", content) + "--XyZ--"}; }), "malformed_multipart/400");
}

TEST(Multipart, BinaryContentIsKeptByteForByte) {
  std::string bytes;
  for (int i = 0; i < 256; ++i) bytes += static_cast<char>(i);
  bytes += "\r\n\r\n\r--\n--";
  const Form form(kType, file("filename=\"b.png\"", bytes) + "--XyZ--");
  const auto& parts = form.parts();
  ASSERT_EQ(parts.size(), 1u);
  EXPECT_EQ(parts[0].body, bytes);
}

TEST(Multipart, EmptyPartsAndAnEmptyForm) {
  const Form form(kType, field("a", "") + field("b", "") + "--XyZ--");
  const auto& parts = form.parts();
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_EQ(parts[0].body, "");
  EXPECT_EQ(parts[1].body, "");
  // A FormData with no entries: browsers send the closing delimiter alone.
  EXPECT_TRUE(parse_multipart(kType, "--XyZ--\r\n").empty());
  EXPECT_TRUE(parse_multipart(kType, "preamble\r\n--XyZ--").empty());
  // No delimiter at all is not a form.
  EXPECT_EQ(failure([] { parse_multipart(kType, ""); }), "malformed_multipart/400");
  EXPECT_EQ(failure([] { parse_multipart(kType, "hello"); }), "malformed_multipart/400");
  EXPECT_EQ(failure([] { parse_multipart(kType, "x--XyZ--"); }), "malformed_multipart/400");
}

TEST(Multipart, LineEndingVariants) {
  // Bare LF throughout (hand-written clients), set by the first delimiter line.
  const std::string lf =
      "--XyZ\nContent-Disposition: form-data; name=\"a\"\n\none\r\n--XyZ\nContent-Disposition: form-data; "
      "name=\"b\"\n\ntwo\n--XyZ--\n";
  auto parts = parse_multipart(kType, lf);
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_EQ(parts[0].body, "one\r");  // in LF mode a CR before the line break is content
  EXPECT_EQ(parts[1].body, "two");

  // Preamble, transport padding after the boundaries, no CRLF after the closing one, an epilogue.
  const std::string padded =
      "This is the preamble.\r\n--XyZ  \t\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nalpha\r\n--XyZ \r\n"
      "content-disposition: FORM-DATA; NAME=\"b\"\r\n\r\nbeta\r\n--XyZ--";
  parts = parse_multipart(kType, padded);
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_EQ(parts[0].body, "alpha");
  EXPECT_EQ(parts[1].name, "b");
  EXPECT_EQ(parts[1].body, "beta");
  EXPECT_EQ(Form(kType, padded + "\r\nepilogue\r\n--XyZ\r\nignored").parts().size(), 2u);
  EXPECT_EQ(parts.size(), 2u);

  // CRLF mode: LF alone inside content is content, not a line break before a delimiter.
  parts = parse_multipart(kType, "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx\n--XyZ\r\ny\r\n--XyZ--");
  ASSERT_EQ(parts.size(), 1u);
  EXPECT_EQ(parts[0].body, "x\n--XyZ\r\ny");

  // A header block that ends with LF inside a CRLF message is still read.
  parts = parse_multipart(kType, "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\n\nv\r\n--XyZ--");
  ASSERT_EQ(parts.size(), 1u);
  EXPECT_EQ(parts[0].body, "v");
}

TEST(Multipart, PartHeadersAreChecked) {
  auto with_headers = [](std::string_view headers) {
    return "--XyZ\r\n" + std::string(headers) + "\r\n\r\nv\r\n--XyZ--";
  };
  auto parse = [&](std::string_view headers) { return failure([&] { Form{kType, with_headers(headers)}; }); };
  EXPECT_EQ(parse("Content-Type: text/plain"), "malformed_multipart/400");        // no Content-Disposition
  EXPECT_EQ(parse("Content-Disposition: form-data"), "malformed_multipart/400");  // no name
  EXPECT_EQ(parse("Content-Disposition: attachment; name=\"a\""), "malformed_multipart/400");
  EXPECT_EQ(parse("Content-Disposition: form-data; name=\"a\"\r\nContent-Disposition: form-data; name=\"b\""),
            "malformed_multipart/400");
  EXPECT_EQ(parse("Content-Disposition: form-data; name=\"a\"; name=\"b\""), "malformed_multipart/400");
  EXPECT_EQ(parse("Content-Disposition: form-data; name=\"a\"; filename=\"x.pdf\"; filename=\"y.exe\""),
            "malformed_multipart/400");
  EXPECT_EQ(parse("Content-Disposition: form-data; name=\"unterminated"), "malformed_multipart/400");
  EXPECT_EQ(parse("Content-Disposition: form-data; name=has space"), "malformed_multipart/400");
  EXPECT_EQ(parse("Content-Disposition form-data; name=\"a\""), "malformed_multipart/400");
  EXPECT_EQ(parse("Content-Disposition: form-data; name=\"a\"\r\n folded: continuation"), "malformed_multipart/400");
  EXPECT_EQ(parse("Content-Disposition: form-data; name=\"a\"\r\nContent-Type: a\r\nContent-Type: b"),
            "malformed_multipart/400");
  EXPECT_EQ(parse("Content-Disposition: form-data; name=\"a\"\r\nX-Other: ignored\r\nContent-Transfer-Encoding: 8bit"),
            "none");
  EXPECT_EQ(parse("Content-Disposition: form-data; name=\"a\";"), "none");
  EXPECT_EQ(failure([] { parse_multipart(kType, "--XyZ\r\n\r\nv\r\n--XyZ--"); }), "malformed_multipart/400");
}

TEST(Multipart, HugeHeaderBlockIsRefused) {
  const std::string disposition = "Content-Disposition: form-data; name=\"a\"\r\n";
  // Headers up to the limit (blank line included) pass; one byte more does not.
  const std::string filler_at_limit =
      "X-Pad: " + std::string(kMaxPartHeaderBytes - disposition.size() - 9 - 2, 'p') + "\r\n";
  const std::string at_limit = "--XyZ\r\n" + disposition + filler_at_limit + "\r\nv\r\n--XyZ--";
  EXPECT_EQ(disposition.size() + filler_at_limit.size() + 2, kMaxPartHeaderBytes);
  EXPECT_EQ(failure([&] { parse_multipart(kType, at_limit); }), "none");
  const std::string over = "--XyZ\r\n" + disposition + "X-Pad: p" + filler_at_limit.substr(7) + "\r\nv\r\n--XyZ--";
  EXPECT_EQ(failure([&] { parse_multipart(kType, over); }), "malformed_multipart/400");
  // One endless line with no line break at all, followed by megabytes: refused without reading them all.
  const std::string endless = "--XyZ\r\nContent-Disposition: form-data; name=\"a\"; x=" + std::string(4 << 20, 'x');
  EXPECT_EQ(failure([&] { parse_multipart(kType, endless); }), "malformed_multipart/400");
}

TEST(Multipart, AtMostTwentyParts) {
  std::string twenty, twenty_one;
  for (int i = 0; i < 20; ++i) twenty += field(std::string("f").append(std::to_string(i)), "v");
  twenty_one = twenty + field("f20", "v");
  EXPECT_EQ(Form(kType, twenty + "--XyZ--").parts().size(), 20u);
  EXPECT_EQ(failure([&] { Form{kType, twenty_one + "--XyZ--"}; }), "malformed_multipart/400");
}

TEST(Multipart, AdversarialBodiesTakeLinearTime) {
  // Content dense with near-delimiters: every line start looks like the boundary until its last byte.
  const std::string boundary(70, 'b');
  const std::string type = "multipart/form-data; boundary=" + boundary;
  std::string near = "\r\n--" + boundary.substr(0, 69) + "c";
  std::string content;
  while (content.size() < (8u << 20)) content += near;
  std::string body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\n" + content +
                     "\r\n--" + boundary + "--";
  // Also many full boundaries followed by a boundary character (data), which each need a look past them.
  std::string tricky;
  while (tricky.size() < (8u << 20)) tricky += "\r\n--" + boundary + "x";
  std::string body2 = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\n" + tricky +
                      "\r\n--" + boundary + "--";
  const auto started = std::chrono::steady_clock::now();
  EXPECT_EQ(parse_multipart(type, body).at(0).body.size(), content.size());
  EXPECT_EQ(parse_multipart(type, body2).at(0).body.size(), tricky.size());
  // A quadratic parser needs hours here; a linear one well under a second even in a debug build.
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(10));
}

TEST(AttachmentDisposition, AsciiFallbackAndUtf8Name) {
  EXPECT_EQ(attachment_disposition("report.pdf"), "attachment; filename=\"report.pdf\"; filename*=UTF-8''report.pdf");
  EXPECT_EQ(attachment_disposition("تقرير 2026.pdf"),
            "attachment; filename=\"_____ 2026.pdf\"; "
            "filename*=UTF-8''%D8%AA%D9%82%D8%B1%D9%8A%D8%B1%202026.pdf");
  // Quotes and backslashes cannot break out of the quoted fallback; '%' is not left for clients to decode.
  EXPECT_EQ(attachment_disposition("a\"b\\c%41.csv"),
            "attachment; filename=\"abc_41.csv\"; filename*=UTF-8''a%22b%5Cc%2541.csv");
  EXPECT_EQ(attachment_disposition("x;y'z.pdf"), "attachment; filename=\"x;y'z.pdf\"; filename*=UTF-8''x%3By%27z.pdf");
}

}  // namespace
}  // namespace manzuma::platform
