// Notifications: each user reads only their own notices; the scan is idempotent, builds one digest per user
// per day, expires MoUs and reminds of renewals and overdue follow-up actions; digests can go out by e-mail.

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <thread>

#include "authz_fixtures.hpp"
#include "harness.hpp"

namespace manzuma::api_test {
namespace {

std::string day(int offset) {
  const auto d = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()) + std::chrono::days{offset};
  const std::chrono::year_month_day ymd{d};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()));
  return buf;
}

std::int64_t org_id(Client& c, std::string_view name_en) {
  auto r = c.get("/api/v1/organizations?page[size]=200&q=" + url_encode(name_en));
  for (const auto& o : r.json().at("items").as_array())
    if (o.at("name_en").as_string() == name_en) return o.at("id").as_int64();
  throw std::runtime_error("no organisation " + std::string(name_en));
}

// A fresh user of the Ministry of Interior who signs in with the demo password.
std::pair<std::int64_t, std::string> new_user(Client& admin_client, std::string_view prefix) {
  const auto email = unique(prefix) + "@example.om";
  auto r = admin_client.post(
      "/api/v1/users",
      bj::object{{"email", email},
                 {"name_ar", "موظف متابعة"},
                 {"name_en", "Follow-up Officer"},
                 {"password", kDemoPassword},
                 {"memberships", bj::array{bj::object{{"organization_id", org_id(admin_client, "Ministry of Interior")},
                                                      {"role", "viewer"}}}}});
  if (r.status != 201) throw std::runtime_error("user: " + r.body);
  return {r.json().at("user").at("id").as_int64(), email};
}

// An active MoU signed on `signed_on` for `months`, created by the program office.
std::int64_t active_mou(Client& office, std::string_view title, std::string_view signed_on, std::int64_t months,
                        std::int64_t reminder_days = 60) {
  auto r = office.post("/api/v1/partnerships",
                       bj::object{{"title_ar", "مذكرة تعاون للإشعارات"},
                                  {"title_en", title},
                                  {"signed_on", signed_on},
                                  {"duration_months", months},
                                  {"renewal_reminder_days", reminder_days},
                                  {"party_ids", bj::array{org_id(office, "Ministry of Labour"),
                                                          org_id(office, "Al Shawamikh Oilfield Services")}},
                                  {"areas", bj::array{}}});
  if (r.status != 201) throw std::runtime_error("mou: " + r.body);
  const auto id = r.json().at("id").as_int64();
  auto a = office.post("/api/v1/partnerships/" + std::to_string(id) + "/status",
                       bj::object{{"status", "active"}, {"version", r.json().at("version")}});
  if (a.status != 200) throw std::runtime_error("activate: " + a.body);
  return id;
}

std::int64_t assign(Client& office, std::int64_t mou, std::int64_t owner, std::string_view title_en,
                    std::string_view due_on) {
  auto r = office.post(
      "/api/v1/partnerships/" + std::to_string(mou) + "/actions",
      bj::object{
          {"title_ar", "إجراء متابعة للاختبار"}, {"title_en", title_en}, {"owner_id", owner}, {"due_on", due_on}});
  if (r.status != 201) throw std::runtime_error("action: " + r.body);
  return r.json().at("id").as_int64();
}

std::vector<bj::value> notices(Client& c, std::string_view query = "") {
  auto r = c.get("/api/v1/notifications?page[size]=200" + std::string(query));
  if (r.status != 200) throw std::runtime_error("notices: " + r.body);
  std::vector<bj::value> out(r.json().at("items").as_array().begin(), r.json().at("items").as_array().end());
  return out;
}

int count(const std::vector<bj::value>& list, std::string_view kind, std::string_view link) {
  int n = 0;
  for (const auto& x : list) n += x.at("kind").as_string() == kind && x.at("link").as_string() == link;
  return n;
}

// Scans of future days expire MoUs (the demo's too), so they run on a server of their own.
struct ScanWorld {
  Server server;
  Client admin{server.url()};
  Client office{server.url()};
  ScanWorld() {
    if (admin.login("admin@manzuma.local", server.admin_password()).status != 200 ||
        office.login("office@demo.manzuma.om").status != 200)
      throw std::runtime_error("scan world: sign-in failed");
  }
};

ScanWorld& world() {
  static ScanWorld w;
  return w;
}

std::pair<int, std::string> scan(std::string_view today, std::vector<std::string> extra = {}) {
  std::vector<std::string> args{"notify", "scan", "--today", std::string(today)};
  args.insert(args.end(), extra.begin(), extra.end());
  return world().server.cli(args);
}

TEST(Notifications, AUserSeesAndMarksOnlyTheirOwnNotices) {
  auto& office = as("office@demo.manzuma.om");
  auto [owner_id, email] = new_user(admin(), "owner");
  Client owner(Server::shared().url());
  ASSERT_EQ(owner.login(email).status, 200);
  const auto mou = active_mou(office, unique("Own notices"), day(-10), 12);
  for (int i = 0; i < 3; ++i) assign(office, mou, owner_id, unique("Task"), day(5 + i));

  auto mine = owner.get("/api/v1/notifications");
  ASSERT_EQ(mine.status, 200) << mine.body;
  EXPECT_EQ(mine.json().at("total").as_int64(), 3);
  EXPECT_EQ(mine.json().at("unread").as_int64(), 3);
  const auto& items = mine.json().at("items").as_array();
  // Newest first, linking to the MoU, in both languages.
  EXPECT_GT(items.at(0).at("id").as_int64(), items.at(1).at("id").as_int64());
  EXPECT_EQ(items.at(0).at("link").as_string(), "/partnerships/" + std::to_string(mou));
  EXPECT_FALSE(items.at(0).at("title_ar").as_string().empty());
  const auto first = items.at(0).at("id").as_int64();

  // Nobody reads or marks another user's notice: it does not exist for them.
  auto& viewer = as("viewer@demo.manzuma.om");
  for (const auto& n : notices(viewer)) EXPECT_NE(n.at("id").as_int64(), first);
  EXPECT_EQ(viewer.request("POST", "/api/v1/notifications/" + std::to_string(first) + "/read").status, 404);
  EXPECT_EQ(office.request("POST", "/api/v1/notifications/" + std::to_string(first) + "/read").status, 404);
  EXPECT_EQ(owner.get("/api/v1/notifications/unread-count").json().at("unread").as_int64(), 3);

  auto read = owner.request("POST", "/api/v1/notifications/" + std::to_string(first) + "/read");
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_FALSE(read.json().at("read_at").is_null());
  EXPECT_EQ(owner.get("/api/v1/notifications/unread-count").json().at("unread").as_int64(), 2);
  // Reading twice keeps the first read time.
  auto again = owner.request("POST", "/api/v1/notifications/" + std::to_string(first) + "/read");
  EXPECT_EQ(again.json().at("read_at"), read.json().at("read_at"));

  auto unread = owner.get("/api/v1/notifications?filter[unread]=true&page[size]=1");
  EXPECT_EQ(unread.json().at("total").as_int64(), 2);
  ASSERT_FALSE(unread.json().at("next").is_null());
  auto next = owner.get("/api/v1/notifications?filter[unread]=true&page[size]=1&page[after]=" +
                        url_encode(std::string(unread.json().at("next").as_string())));
  ASSERT_EQ(next.status, 200);
  EXPECT_LT(next.json().at("items").at(0).at("id").as_int64(), unread.json().at("items").at(0).at("id").as_int64());
  EXPECT_EQ(owner.get("/api/v1/notifications?filter[unread]=maybe").status, 400);
  EXPECT_EQ(owner.request("POST", "/api/v1/notifications/abc/read").status, 404);

  auto all = owner.request("POST", "/api/v1/notifications/read-all");
  ASSERT_EQ(all.status, 200);
  EXPECT_EQ(all.json().at("marked").as_int64(), 2);
  EXPECT_EQ(owner.get("/api/v1/notifications/unread-count").json().at("unread").as_int64(), 0);
  Client anonymous(Server::shared().url());
  EXPECT_EQ(anonymous.get("/api/v1/notifications/unread-count").status, 401);
}

TEST(Notifications, TheScanRemindsOfRenewalOnceWhenTheExpiryIsNear) {
  auto& office = world().office;
  // Signed today for three months, reminded 30 days ahead: not yet due today, due 70 days on.
  const auto mou = active_mou(office, unique("Renewal"), day(0), 3, 30);
  const auto link = "/partnerships/" + std::to_string(mou);
  auto [code, out] = scan(day(0));
  ASSERT_EQ(code, 0) << out;
  EXPECT_EQ(count(notices(office), "partnership.renewal", link), 0);

  auto [code2, out2] = scan(day(70));
  ASSERT_EQ(code2, 0) << out2;
  EXPECT_EQ(count(notices(office), "partnership.renewal", link), 1);
  EXPECT_EQ(count(notices(world().admin), "partnership.renewal", link), 1) << "every program office user is told";
  // Idempotent: the same day again adds nothing at all.
  auto [code3, out3] = scan(day(70));
  ASSERT_EQ(code3, 0) << out3;
  EXPECT_NE(out3.find(": 0 notice(s) created"), std::string::npos) << out3;
  EXPECT_EQ(count(notices(office), "partnership.renewal", link), 1);
  auto p = office.get("/api/v1/partnerships/" + std::to_string(mou));
  EXPECT_EQ(p.json().at("status").as_string(), "active");
}

TEST(Notifications, TheScanExpiresMousAndFlagsOverdueFollowUps) {
  auto& office = world().office;
  auto [owner_id, email] = new_user(world().admin, "overdue");
  Client owner(world().server.url());
  ASSERT_EQ(owner.login(email).status, 200);
  const auto mou = active_mou(office, unique("Expiring"), day(0), 1);
  const auto link = "/partnerships/" + std::to_string(mou);
  assign(office, mou, owner_id, unique("Late task"), day(3));
  EXPECT_EQ(count(notices(owner), "partnership.action_overdue", link), 0);

  // Two months on: the MoU's term is over and the action is late.
  auto [code, out] = scan(day(62));
  ASSERT_EQ(code, 0) << out;
  EXPECT_EQ(count(notices(owner), "partnership.action_overdue", link), 1);
  EXPECT_EQ(count(notices(office), "partnership.expired", link), 1);
  auto p = office.get("/api/v1/partnerships/" + std::to_string(mou));
  EXPECT_EQ(p.json().at("status").as_string(), "expired") << "stored by the scan, not computed from today";
  auto expired = office.get("/api/v1/partnerships?filter[status]=expired&q=" +
                            url_encode(std::string(p.json().at("title_en").as_string())));
  EXPECT_EQ(expired.json().at("total").as_int64(), 1);
  auto [code2, out2] = scan(day(62));
  ASSERT_EQ(code2, 0) << out2;
  EXPECT_EQ(count(notices(office), "partnership.expired", link), 1);
}

TEST(Notifications, OneDigestPerUserPerDaySummarisesThatDay) {
  auto& office = world().office;
  auto [owner_id, email] = new_user(world().admin, "digest");
  Client owner(world().server.url());
  ASSERT_EQ(owner.login(email).status, 200);
  const auto mou = active_mou(office, unique("Digest"), day(-5), 12);
  const auto title = unique("Digest task");
  assign(office, mou, owner_id, title, day(20));
  assign(office, mou, owner_id, unique("Digest task"), day(21));
  // Today's notices are digested tomorrow, once the day is complete.
  auto [c0, o0] = scan(day(0));
  ASSERT_EQ(c0, 0) << o0;
  EXPECT_EQ(owner.get("/api/v1/notifications/digests").json().at("total").as_int64(), 0);
  auto [c1, o1] = scan(day(1));
  ASSERT_EQ(c1, 0) << o1;
  auto [c2, o2] = scan(day(1));
  ASSERT_EQ(c2, 0) << o2;
  EXPECT_NE(o2.find("0 digest(s) built"), std::string::npos) << o2;
  auto digests = owner.get("/api/v1/notifications/digests");
  ASSERT_EQ(digests.status, 200) << digests.body;
  ASSERT_EQ(digests.json().at("total").as_int64(), 1);
  const auto& d = digests.json().at("items").at(0);
  EXPECT_EQ(d.at("digest_on").as_string(), day(0));
  EXPECT_EQ(d.at("notice_count").as_int64(), 2);
  EXPECT_EQ(d.at("counts").at(0).at("kind").as_string(), "partnership.action_assigned");
  EXPECT_EQ(d.at("counts").at(0).at("count").as_int64(), 2);
  EXPECT_FALSE(d.at("counts").at(0).at("label_ar").as_string().empty());
  EXPECT_NE(d.at("summary_en").as_string().find(title), std::string::npos);
  EXPECT_TRUE(d.at("emailed_at").is_null()) << "no SMTP server configured";
  // Nobody else sees it.
  auto others = office.get("/api/v1/notifications/digests");
  for (const auto& x : others.json().at("items").as_array()) EXPECT_NE(x.at("id"), d.at("id"));
}

TEST(Notifications, TheScanRefusesAMalformedDay) {
  EXPECT_NE(scan("2026-02-30").first, 0);
  EXPECT_NE(scan("tomorrow").first, 0);
}

// A one-connection SMTP server that accepts whatever it is sent and keeps the DATA.
class FakeSmtp {
 public:
  FakeSmtp() {
    fd_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 || listen(fd_, 4) != 0)
      throw std::runtime_error("fake smtp: bind");
    socklen_t len = sizeof a;
    getsockname(fd_, reinterpret_cast<sockaddr*>(&a), &len);
    port_ = ntohs(a.sin_port);
    thread_ = std::thread([this] { serve(); });
  }
  ~FakeSmtp() {
    shutdown(fd_, SHUT_RDWR);
    close(fd_);
    thread_.join();
  }
  int port() const { return port_; }
  std::string received() {
    std::lock_guard l(m_);
    return data_;
  }

 private:
  void serve() {
    for (;;) {
      const int c = accept(fd_, nullptr, nullptr);
      if (c < 0) return;
      auto say = [c](std::string_view s) { (void)!write(c, s.data(), s.size()); };
      say("220 fake ESMTP\r\n");
      std::string buffer;
      bool in_data = false;
      char chunk[4096];
      for (;;) {
        const auto n = read(c, chunk, sizeof chunk);
        if (n <= 0) break;
        buffer.append(chunk, static_cast<std::size_t>(n));
        for (auto eol = buffer.find("\r\n"); eol != std::string::npos; eol = buffer.find("\r\n")) {
          const std::string line = buffer.substr(0, eol);
          buffer.erase(0, eol + 2);
          if (in_data) {
            if (line == ".") {
              in_data = false;
              say("250 queued\r\n");
            } else {
              std::lock_guard l(m_);
              data_ += line + "\n";
            }
          } else if (line.starts_with("EHLO") || line.starts_with("HELO")) {
            say("250 fake\r\n");
          } else if (line.starts_with("DATA")) {
            in_data = true;
            say("354 go on\r\n");
          } else if (line.starts_with("QUIT")) {
            say("221 bye\r\n");
          } else {
            std::lock_guard l(m_);
            data_ += line + "\n";
            say("250 ok\r\n");
          }
        }
      }
      close(c);
    }
  }
  int fd_ = -1;
  int port_ = 0;
  std::thread thread_;
  std::mutex m_;
  std::string data_;
};

TEST(Notifications, DigestsAreEMailedOnceWhenSmtpIsConfigured) {
  auto& office = world().office;
  auto [owner_id, email] = new_user(world().admin, "mailed");
  const auto mou = active_mou(office, unique("Mailed"), day(-5), 12);
  assign(office, mou, owner_id, unique("Mailed task"), day(20));
  FakeSmtp smtp;
  const std::vector<std::string> settings{"--smtp-url", "smtp://127.0.0.1:" + std::to_string(smtp.port()),
                                          "--smtp-from", "Manzuma <noreply@manzuma.test>"};
  auto [code, out] = scan(day(1), settings);
  ASSERT_EQ(code, 0) << out;
  EXPECT_NE(smtp.received().find("RCPT TO:<" + email + ">"), std::string::npos) << smtp.received();
  EXPECT_NE(smtp.received().find("Content-Type: text/plain; charset=UTF-8"), std::string::npos);
  Client owner(world().server.url());
  ASSERT_EQ(owner.login(email).status, 200);
  auto digests = owner.get("/api/v1/notifications/digests");
  ASSERT_EQ(digests.json().at("total").as_int64(), 1);
  EXPECT_FALSE(digests.json().at("items").at(0).at("emailed_at").is_null());
  // Sent once: a second scan finds nothing to send to this user.
  const auto before = smtp.received().size();
  auto [code2, out2] = scan(day(1), settings);
  ASSERT_EQ(code2, 0) << out2;
  EXPECT_EQ(smtp.received().substr(before).find("RCPT TO:<" + email + ">"), std::string::npos);
}

// The matrix's notice belongs to a user who is none of the roles it signs in as: hidden from all of them.
const bool registered = register_authz_fixture([](AuthzSetup& s) {
  auto [user, email] = new_user(s.admin, "matrix.notices");
  auto labour = s.admin.get("/api/v1/organizations?q=" + url_encode("Ministry of Labour"));
  const auto labour_id = labour.json().at("items").at(0).at("id").as_int64();
  auto p = s.admin.post("/api/v1/partnerships", bj::object{{"title_ar", "مذكرة تعاون لإشعارات المصفوفة"},
                                                           {"title_en", "Matrix notices MoU"},
                                                           {"signed_on", "2026-01-01"},
                                                           {"duration_months", 24},
                                                           {"party_ids", bj::array{labour_id, s.interior}},
                                                           {"areas", bj::array{}}});
  if (p.status != 201) throw std::runtime_error("matrix MoU: " + p.body);
  assign(s.admin, p.json().at("id").as_int64(), user, "Matrix notice", "2026-06-01");
  Client owner(s.server.url());
  if (owner.login(email).status != 200) throw std::runtime_error("matrix notice owner cannot sign in");
  s.ids.set("/api/v1/notifications/", "{id}", notices(owner).at(0).at("id").as_int64());
});

}  // namespace
}  // namespace manzuma::api_test
