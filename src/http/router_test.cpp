#include "http/router.hpp"

#include <gtest/gtest.h>

namespace manzuma::http {
namespace {

struct Thing {
  std::int64_t id = 0;
  std::string name;
};
BOOST_DESCRIBE_STRUCT(Thing, (), (id, name))

Router make_router() {
  Router r;
  r.set_tag("things");
  r.get<Thing>("/api/v1/things/{id}", {.action = "things.read", .summary = "One"}, [](Context& c) {
    return Thing{c.id(), "by id"};
  });
  r.get<Thing>("/api/v1/things/special", {.action = "things.read", .summary = "Special"}, [](Context&) {
    return Thing{0, "special"};
  });
  r.post<Thing, Thing>("/api/v1/things", {.action = "things.create", .summary = "Create", .status = 201},
                       [](Context&, Thing t) { return t; });
  return r;
}

TEST(Router, LiteralSegmentsWinOverParameters) {
  auto r = make_router();
  auto m = r.match(Method::get, "/api/v1/things/special");
  ASSERT_TRUE(m.route);
  EXPECT_EQ(m.route->path, "/api/v1/things/special");
  auto p = r.match(Method::get, "/api/v1/things/42");
  ASSERT_TRUE(p.route);
  EXPECT_EQ(p.params.at(0).second, "42");
}

TEST(Router, WrongMethodListsTheAllowedOnes) {
  auto r = make_router();
  auto m = r.match(Method::delete_, "/api/v1/things");
  EXPECT_FALSE(m.route);
  EXPECT_EQ(m.allowed, std::vector<Method>{Method::post});
  EXPECT_TRUE(r.match(Method::head, "/api/v1/things/1").route);  // HEAD rides on GET
  EXPECT_FALSE(r.match(Method::get, "/api/v1/nothing").route);
}

TEST(Router, EveryRouteMustDeclareAPolicyOnce) {
  Router r;
  EXPECT_THROW(r.get<Thing>("/x", {.action = "", .summary = "no policy"}, [](Context&) { return Thing{}; }),
               std::logic_error);
  r.get<Thing>("/x", {.action = "a", .summary = "s"}, [](Context&) { return Thing{}; });
  EXPECT_THROW(r.get<Thing>("/x", {.action = "a", .summary = "again"}, [](Context&) { return Thing{}; }),
               std::logic_error);
}

TEST(Router, TypedHandlerDecodesAndEncodes) {
  auto r = make_router();
  Request req;
  req.method = Method::post;
  req.path = "/api/v1/things";
  req.headers = {{"content-type", "application/json; charset=utf-8"}};
  req.body = R"({"id":5,"name":"خمسة"})";
  Response res;
  auto m = r.match(req.method, req.path);
  Context c(req, res, nullptr, m.params, 32);
  m.route->handler(c);
  EXPECT_EQ(res.status, 201);
  EXPECT_EQ(res.body, R"({"id":5,"name":"خمسة"})");

  req.body = R"({"id":5,"name":"x","extra":1})";
  Response bad;
  Context c2(req, bad, nullptr, m.params, 32);
  try {
    m.route->handler(c2);
    FAIL();
  } catch (const core::Error& e) {
    EXPECT_EQ(e.errors().at(0).field, "extra");
  }
}

TEST(Router, NonNumericIdIsNotFound) {
  auto r = make_router();
  Request req;
  Response res;
  auto m = r.match(Method::get, "/api/v1/things/12abc");
  Context c(req, res, nullptr, m.params, 32);
  try {
    m.route->handler(c);
    FAIL();
  } catch (const core::Error& e) {
    EXPECT_EQ(e.kind(), core::ErrorKind::not_found);
  }
}

TEST(Router, OpenApiHasPathsSchemasAndPolicies) {
  auto doc = make_router().openapi("1.0");
  const auto& paths = doc.at("paths").as_object();
  EXPECT_EQ(paths.at("/api/v1/things").at("post").at("x-policy").as_string(), "things.create");
  EXPECT_TRUE(paths.at("/api/v1/things").at("post").at("responses").as_object().contains("201"));
  EXPECT_TRUE(doc.at("components").at("schemas").as_object().contains("Thing"));
  EXPECT_EQ(paths.at("/api/v1/things/{id}").at("get").at("parameters").at(0).at("name").as_string(), "id");
}

}  // namespace
}  // namespace manzuma::http
