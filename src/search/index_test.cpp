#include "search/index.hpp"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <algorithm>
#include <atomic>
#include <set>
#include <thread>

#include "core/error.hpp"

namespace manzuma::search {
namespace {

class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "manzuma-index-test-XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

Document doc(std::int64_t id, std::string title_ar, std::string body, std::string type = "practice") {
  Document d;
  d.type = std::move(type);
  d.id = id;
  d.title_ar = std::move(title_ar);
  d.body = std::move(body);
  d.visibility.everyone = true;
  return d;
}

Access everyone_access() {
  Access a;
  a.all = true;
  return a;
}

class IndexTest : public ::testing::Test {
 protected:
  void SetUp() override { index_ = Index::open_writable(dir_.path() / "index"); }

  Results find(std::string text, Access access = everyone_access()) {
    Query q;
    q.text = std::move(text);
    q.access = std::move(access);
    try {
      return index_->search(q);
    } catch (const core::Error& e) {
      // Xapian's failures arrive as internal errors; their detail says what broke.
      if (e.kind() == core::ErrorKind::internal) ADD_FAILURE() << q.text << ": " << e.internal_detail();
      throw;
    }
  }

  std::vector<std::int64_t> ids(const Results& r) {
    std::vector<std::int64_t> out;
    for (const auto& h : r.hits) out.push_back(h.id);
    return out;
  }

  TempDir dir_;
  std::unique_ptr<Index> index_;
};

TEST_F(IndexTest, ArabicSpellingVariantsFindTheSameRecord) {
  index_->put(doc(1, "تطوير أداء المؤسسة الحكومية",
                  "تعمل المؤسسة على تحسين مستوى الخدمات وأفضل الممارسات في الابتكار الحكومي"));
  index_->put(doc(2, "برنامج تدريب الموظفين", "دورات قصيرة في مهارات التواصل"));
  index_->commit();

  for (const char* q : {
           "المؤسسة",   // as written
           "المؤسسه",   // ة written as ه
           "مؤسسة",     // without the article
           "مؤسسات",    // plural
           "المؤسسات",  // plural with the article
           "للمؤسسات",  // with a preposition
           "المُؤَسَّسَة",   // with diacritics
           "المؤسـسة",  // with tatweel
           "اداء",      // أ written as ا
           "مستوي",     // ى written as ي
           "افضل",      // أ written as ا
           "ابتكار",    // without the article
       }) {
    const auto r = find(q);
    ASSERT_EQ(ids(r), std::vector<std::int64_t>{1}) << q;
    EXPECT_EQ(r.total, 1u) << q;
  }
}

TEST_F(IndexTest, EnglishWordsAreStemmed) {
  auto d = doc(1, "", "Managing organizations through digital transformation");
  d.title_en = "Change management";
  index_->put(d);
  index_->put(doc(2, "", "A study of rainfall"));
  index_->commit();
  EXPECT_EQ(ids(find("organization")), std::vector<std::int64_t>{1});
  EXPECT_EQ(ids(find("manage")), std::vector<std::int64_t>{1});
  EXPECT_EQ(ids(find("TRANSFORMATIONS")), std::vector<std::int64_t>{1});
}

TEST_F(IndexTest, TitleMatchRanksFirst) {
  index_->put(doc(1, "دليل الموازنة العامة", "نص عن الموارد المالية"));
  index_->put(doc(2, "التقرير السنوي", "يذكر التقرير الموازنة مرة واحدة بين موضوعات كثيرة أخرى"));
  index_->commit();
  EXPECT_EQ(ids(find("الموازنة")), (std::vector<std::int64_t>{1, 2}));
}

TEST_F(IndexTest, FormsOfAWordCountAsOneWord) {
  // المؤسسة and مؤسسات are two mentions of one word; a record with one mention of the typed form ranks
  // below it.
  index_->put(doc(1, "", "تعمل المؤسسة مع مؤسسات أخرى"));
  index_->put(doc(2, "", "تعمل مؤسسات كثيرة هنا معا"));
  index_->commit();
  EXPECT_EQ(ids(find("مؤسسات")), (std::vector<std::int64_t>{1, 2}));
  EXPECT_EQ(ids(find("للمؤسسة")), (std::vector<std::int64_t>{1, 2}));
}

TEST_F(IndexTest, QuotedPhraseAndExcludedWord) {
  index_->put(doc(1, "", "مشروع التحول الرقمي في الوزارة"));
  index_->put(doc(2, "", "التحول في العمل نحو نظام رقمي"));
  index_->put(doc(3, "", "التحول الرقمي في التعليم"));
  index_->commit();
  EXPECT_EQ(ids(find("التحول الرقمي")).size(), 3u);
  auto phrase = ids(find("\"التحول الرقمي\""));
  std::sort(phrase.begin(), phrase.end());
  EXPECT_EQ(phrase, (std::vector<std::int64_t>{1, 3}));
  // The phrase is matched on stems, so the article and prepositions do not break it.
  EXPECT_EQ(ids(find("«للتحول رقمي» -التعليم")), std::vector<std::int64_t>{1});
  EXPECT_EQ(ids(find("التحول -الوزارة -التعليم")), std::vector<std::int64_t>{2});
}

TEST_F(IndexTest, PrivateRecordsOfTwoEntitiesStayApartInHitsAndFacets) {
  auto mine = doc(1, "ميزانية الجهة الأولى", "خطة الميزانية الداخلية");
  mine.organization_id = 10;
  mine.visibility.everyone = false;
  mine.visibility.scopes = {{"/1/10/", {core::Role::entity_coordinator}}};
  auto theirs = doc(2, "ميزانية الجهة الثانية", "خطة الميزانية السرية", "adoption");
  theirs.organization_id = 20;
  theirs.visibility.everyone = false;
  theirs.visibility.scopes = {{"/1/20/", {core::Role::entity_coordinator}}};
  auto published = doc(3, "دليل الميزانية", "ممارسة منشورة للجميع");
  published.organization_id = 30;
  index_->put(mine);
  index_->put(theirs);
  index_->put(published);
  index_->commit();

  core::Actor coordinator;
  coordinator.user_id = 7;
  coordinator.memberships = {{10, "/1/10/", core::Role::entity_coordinator}};
  Access access;
  access.terms = access_terms(coordinator);
  access.types = {"practice", "adoption"};

  const auto r = find("ميزانية", access);
  auto got = ids(r);
  std::sort(got.begin(), got.end());
  EXPECT_EQ(got, (std::vector<std::int64_t>{1, 3}));
  EXPECT_EQ(r.total, 2u);
  for (const auto& f : r.organizations) EXPECT_NE(f.value, "20");
  for (const auto& f : r.types) EXPECT_NE(f.value, "adoption");
  ASSERT_EQ(r.types.size(), 1u);
  EXPECT_EQ(r.types[0].value, "practice");
  EXPECT_EQ(r.types[0].count, 2u);

  // A viewer of the parent organisation holds no coordinator role: only the published record.
  core::Actor viewer;
  viewer.user_id = 8;
  viewer.memberships = {{1, "/1/", core::Role::viewer}};
  access.terms = access_terms(viewer);
  EXPECT_EQ(ids(find("ميزانية", access)), std::vector<std::int64_t>{3});
  // A coordinator of the parent organisation covers both entities.
  core::Actor parent;
  parent.user_id = 9;
  parent.memberships = {{1, "/1/", core::Role::entity_coordinator}};
  access.terms = access_terms(parent);
  EXPECT_EQ(find("ميزانية", access).total, 3u);
  // Types the caller's roles may not read are not counted; no type at all means nothing.
  access.types = {"practice"};
  EXPECT_EQ(find("ميزانية", access).total, 2u);
  access.types.clear();
  EXPECT_EQ(find("ميزانية", access).total, 0u);
  // Suggestions follow the same rules.
  access.terms = access_terms(coordinator);
  access.types = {"practice", "adoption"};
  std::set<std::int64_t> suggested;
  for (const auto& s : index_->suggest("ميزان", access, 10)) suggested.insert(s.id);
  EXPECT_EQ(suggested, (std::set<std::int64_t>{1, 3}));
}

TEST_F(IndexTest, FacetsCountAndFilter) {
  for (int i = 1; i <= 6; ++i) {
    auto d = doc(i, "مبادرة رقم " + std::to_string(i), "الابتكار في الخدمات", i <= 4 ? "practice" : "study");
    d.organization_id = i % 2 ? 1 : 2;
    d.edition = i <= 3 ? 1 : 2;
    d.year = 2020 + (i % 3);
    index_->put(d);
  }
  index_->commit();
  const auto all = find("الابتكار");
  EXPECT_EQ(all.total, 6u);
  ASSERT_EQ(all.types.size(), 2u);
  EXPECT_EQ(all.types[0].value, "practice");
  EXPECT_EQ(all.types[0].count, 4u);
  EXPECT_EQ(all.organizations.size(), 2u);
  EXPECT_EQ(all.editions.size(), 2u);
  EXPECT_EQ(all.years.size(), 3u);

  Query q;
  q.text = "الابتكار";
  q.access = everyone_access();
  q.types = {"study"};
  EXPECT_EQ(index_->search(q).total, 2u);
  q.types.clear();
  q.organization_id = 2;
  EXPECT_EQ(index_->search(q).total, 3u);
  q.edition = 1;
  EXPECT_EQ(index_->search(q).total, 1u);
  q.organization_id.reset();
  q.edition.reset();
  q.year = 2021;
  EXPECT_EQ(index_->search(q).total, 2u);
}

TEST_F(IndexTest, TypeFiltersRareAndCommon) {
  // A rare type is filtered in the query, a common one by the decider: both count the same way.
  for (int i = 1; i <= 20; ++i) {
    auto d = doc(i, "الحوكمة", "نص", i == 20 ? "study" : "practice");
    if (i % 2) {
      d.visibility.everyone = false;
      d.visibility.users = {7};
    }
    index_->put(d);
  }
  index_->commit();
  Query q;
  q.text = "الحوكمة";
  q.access = everyone_access();
  q.types = {"study"};
  EXPECT_EQ(index_->search(q).total, 1u);
  q.types = {"practice"};
  EXPECT_EQ(index_->search(q).total, 19u);
  q.types = {"practice", "study"};
  EXPECT_EQ(index_->search(q).total, 20u);
  // User 8 sees the ten published records (nine practices and the study); user 7 all twenty; asking for a
  // type outside their access finds nothing.
  core::Actor user;
  user.user_id = 8;
  q.access = Access{false, access_terms(user), {"practice", "study"}};
  q.types = {"practice"};
  EXPECT_EQ(index_->search(q).total, 9u);
  user.user_id = 7;
  q.access.terms = access_terms(user);
  EXPECT_EQ(index_->search(q).total, 19u);
  q.types.clear();
  EXPECT_EQ(index_->search(q).total, 20u);
  q.access.types = {"study"};
  q.types = {"practice"};
  EXPECT_EQ(index_->search(q).total, 0u);
}

TEST_F(IndexTest, CountsAgreeWithTheRankedMatch) {
  // The total and facets are counted apart from the ranked page (straight from posting lists when the
  // query has no phrase); every way of asking must count exactly the documents the ranking returns.
  const char* words[] = {"الابتكار", "وتطوير", "الخدمات", "الحكومية", "التحول", "الرقمي", "بيانات", "الوزارة"};
  for (int i = 1; i <= 120; ++i) {
    std::string body;
    for (int k = 0; k < 8; ++k)
      if ((i * (k + 3)) % (k + 2) == 0) body += std::string(words[k]) + " نص ";
    auto d = doc(i, i % 7 ? "عنوان" : "الابتكار", body, i % 3 ? "practice" : i % 2 ? "study" : "event");
    d.organization_id = i % 4;
    d.year = 2020 + i % 3;
    d.visibility.everyone = i % 5 != 0;
    if (i % 5 == 0) d.visibility.users = {i % 2 ? 7 : 8};
    index_->put(d);
  }
  index_->commit();
  core::Actor user;
  user.user_id = 7;
  const Access entity{false, access_terms(user), {"practice", "study"}};
  std::size_t counted = 0, empty = 0;
  for (const char* text : {"الابتكار", "تطوير الخدمات", "الحكومية -الرقمي", "الوزارة بيانات التحول",
                           "\"التحول الرقمي\"", "الابتكار \"الخدمات\""}) {
    for (const auto& access : {everyone_access(), entity}) {
      for (int filter = 0; filter < 4; ++filter) {
        Query q;
        q.text = text;
        q.access = access;
        q.limit = 1000;
        if (filter == 1) q.types = {"study"};
        if (filter == 2) q.types = {"practice", "event"};
        if (filter == 3) {
          q.organization_id = 1;
          q.year = 2021;
        }
        const auto r = index_->search(q);
        EXPECT_EQ(r.total, r.hits.size()) << text << " filter " << filter;
        std::size_t by_type = 0;
        for (const auto& f : r.types) by_type += f.count;
        EXPECT_EQ(by_type, r.total) << text << " filter " << filter;
        counted += r.total;
        empty += r.total == 0;
      }
    }
  }
  // The cases are not vacuous: most of the 48 find something.
  EXPECT_GT(counted, 500u);
  EXPECT_LT(empty, 20u);
}

TEST_F(IndexTest, SnippetsEscapeMarkupAndMarkMatches) {
  index_->put(doc(1, "عنوان", "<script>steal()</script> مقدمة <b>عن</b> الابتكار & الإبداع في \"الخدمات\" الحكومية"));
  index_->commit();
  const auto r = find("الابتكار <img src=x onerror=alert(1)>");
  ASSERT_EQ(r.hits.size(), 1u);
  const auto& s = r.hits[0].snippet;
  EXPECT_EQ(s.find("<script"), std::string::npos) << s;
  EXPECT_EQ(s.find("<b>"), std::string::npos) << s;
  EXPECT_EQ(s.find("<img"), std::string::npos) << s;
  EXPECT_NE(s.find("&lt;script&gt;"), std::string::npos) << s;
  EXPECT_NE(s.find("&amp;"), std::string::npos) << s;
  EXPECT_NE(s.find("&quot;"), std::string::npos) << s;
  EXPECT_NE(s.find("<mark>الابتكار</mark>"), std::string::npos) << s;
  // Every '<' left is one of ours.
  std::size_t tags = 0;
  for (std::size_t at = s.find('<'); at != std::string::npos; at = s.find('<', at + 1)) {
    EXPECT_TRUE(s.compare(at, 6, "<mark>") == 0 || s.compare(at, 7, "</mark>") == 0) << s.substr(at, 10);
    ++tags;
  }
  EXPECT_EQ(tags, 2u);
}

TEST_F(IndexTest, SnippetShowsTheMatchedPassageOfALongText) {
  std::string body;
  for (int i = 0; i < 200; ++i) body += "كلمة عادية في نص طويل ";
  body += "وهنا تأتي الاستدامة البيئية في المؤسسات ";
  for (int i = 0; i < 200; ++i) body += "كلمة عادية في نص طويل ";
  index_->put(doc(1, "تقرير", body));
  index_->commit();
  const auto r = find("الاستدامة");
  ASSERT_EQ(r.hits.size(), 1u);
  const auto& s = r.hits[0].snippet;
  EXPECT_NE(s.find("<mark>الاستدامة</mark>"), std::string::npos) << s;
  EXPECT_EQ(s.rfind("… ", 0), 0u) << s;
  EXPECT_LT(s.size(), 600u) << s;
}

TEST_F(IndexTest, BadQueriesGetAClearErrorOrAnEmptyResult) {
  index_->put(doc(1, "الابتكار", "نص"));
  index_->commit();
  auto expect_invalid = [&](const std::string& text, const std::string& code) {
    try {
      find(text);
      ADD_FAILURE() << "no error for " << code;
    } catch (const core::Error& e) {
      EXPECT_EQ(e.kind(), core::ErrorKind::invalid_input);
      ASSERT_EQ(e.errors().size(), 1u);
      EXPECT_EQ(e.errors()[0].field, "q");
      EXPECT_EQ(e.errors()[0].code, code);
      EXPECT_FALSE(e.errors()[0].message_ar.empty());
    }
  };
  expect_invalid("الابتكار \xff\xfe", "encoding");
  expect_invalid(std::string("\xD8", 1), "encoding");
  expect_invalid(std::string(10000, 'a'), "too_long");
  std::string arabic_long;
  for (int i = 0; i < 1001; ++i) arabic_long += "ب";
  expect_invalid(arabic_long, "too_long");
  EXPECT_THROW(index_->suggest("\xC3\x28", everyone_access(), 5), core::Error);

  for (const char* text : {"", "   ", "\t\n", "AND OR NOT \"\"", "\"\"", "و في من", "-الابتكار", "!!! ???"}) {
    const auto r = find(text);
    EXPECT_TRUE(r.empty_query) << text;
    EXPECT_EQ(r.total, 0u) << text;
    EXPECT_TRUE(r.hits.empty()) << text;
  }
  // Operators are words: "AND" does not join, so this finds the record.
  EXPECT_EQ(ids(find("الابتكار AND OR")), std::vector<std::int64_t>{1});
  // A thousand characters is allowed.
  std::string arabic_max;
  for (int i = 0; i < 1000; ++i) arabic_max += "ب";
  EXPECT_NO_THROW(find(arabic_max));
}

TEST_F(IndexTest, DidYouMeanOffersACorrectionThatFindsMore) {
  index_->put(doc(1, "التحول الرقمي في الخدمات", "رحلة التحول الرقمي"));
  index_->put(doc(2, "الاستدامة المالية", "خطة الاستدامة"));
  index_->commit();
  // المالبة matches nothing as typed; the rest of the query still finds the record, and the correction
  // keeps the user's own spelling of the other words and their final ة.
  const auto typo = find("الاستدامه المالبة");
  EXPECT_EQ(typo.total, 1u);
  ASSERT_TRUE(typo.did_you_mean.has_value());
  EXPECT_EQ(*typo.did_you_mean, "الاستدامه المالية");
  const auto none = find("التحوك");
  EXPECT_EQ(none.total, 0u);
  ASSERT_TRUE(none.did_you_mean.has_value());
  EXPECT_EQ(*none.did_you_mean, "التحول");
  EXPECT_FALSE(find("التحول").did_you_mean.has_value());
  EXPECT_FALSE(find("زززززز").did_you_mean.has_value());
}

TEST_F(IndexTest, SuggestsTitlesByPrefix) {
  index_->put(doc(1, "المؤسسة الذكية", "نص"));
  index_->put(doc(2, "مؤسسات المجتمع المدني", "نص"));
  index_->put(doc(3, "الابتكار المؤسسي في التعليم", "نص"));
  index_->put(doc(4, "تقرير عن الموارد", "يذكر المؤسسة في النص فقط"));
  index_->commit();
  std::set<std::int64_t> got;
  for (const auto& s : index_->suggest("المؤس", everyone_access(), 10)) got.insert(s.id);
  EXPECT_TRUE(got.count(1));
  EXPECT_TRUE(got.count(3));
  EXPECT_FALSE(got.count(4)) << "suggestions come from titles";
  got.clear();
  // The stem of what is typed reaches other forms: مؤسس… finds المؤسسة and مؤسسات.
  for (const auto& s : index_->suggest("مؤسس", everyone_access(), 10)) got.insert(s.id);
  EXPECT_TRUE(got.count(1));
  EXPECT_TRUE(got.count(2));
  // Earlier words must match; the last one is a prefix.
  const auto both = index_->suggest("الابتكار ال", everyone_access(), 10);
  ASSERT_EQ(both.size(), 1u);
  EXPECT_EQ(both[0].id, 3);
  EXPECT_EQ(both[0].title_ar, "الابتكار المؤسسي في التعليم");
  EXPECT_EQ(index_->suggest("المؤس", everyone_access(), 1).size(), 1u);
  EXPECT_TRUE(index_->suggest("   ", everyone_access(), 10).empty());
}

TEST_F(IndexTest, RemoveAndReplace) {
  index_->put(doc(1, "الابتكار", "نص أول"));
  index_->put(doc(2, "الابتكار", "نص ثان"));
  index_->commit();
  EXPECT_EQ(find("الابتكار").total, 2u);
  index_->remove("practice", 1);
  // Same id, another type: a different document.
  index_->remove("study", 2);
  index_->commit();
  EXPECT_EQ(ids(find("الابتكار")), std::vector<std::int64_t>{2});
  index_->put(doc(2, "الاستدامة", "نص جديد"));
  index_->commit();
  EXPECT_EQ(find("الابتكار").total, 0u);
  EXPECT_EQ(ids(find("الاستدامة")), std::vector<std::int64_t>{2});
  EXPECT_EQ(index_->size(), 1u);
  // The replaced words leave the spelling table: no correction towards a word no record holds.
  EXPECT_FALSE(find("الابتكاز").did_you_mean.has_value());
}

TEST_F(IndexTest, NewestFirstAndPaging) {
  for (int i = 1; i <= 25; ++i) {
    auto d = doc(i, "تقرير الأداء", "نص");
    d.date = "2024-01-" + std::string(i < 10 ? "0" : "") + std::to_string(i);
    index_->put(d);
  }
  index_->commit();
  Query q;
  q.text = "تقرير";
  q.access = everyone_access();
  q.sort = Query::Sort::newest;
  q.limit = 10;
  std::vector<std::int64_t> seen;
  for (std::size_t page = 0; page < 3; ++page) {
    q.offset = page * 10;
    const auto r = index_->search(q);
    EXPECT_EQ(r.total, 25u);
    EXPECT_EQ(r.hits.size(), page < 2 ? 10u : 5u);
    for (const auto& h : r.hits) seen.push_back(h.id);
  }
  std::vector<std::int64_t> want;
  for (int i = 25; i >= 1; --i) want.push_back(i);
  EXPECT_EQ(seen, want);
  q.offset = 100;
  EXPECT_TRUE(index_->search(q).hits.empty());
}

TEST_F(IndexTest, HitsCarryTheRecordsFields) {
  auto d = doc(42, "عنوان عربي", "الابتكار");
  d.title_en = "English title";
  d.organization_id = 5;
  d.edition = 2;
  d.year = 2024;
  d.date = "2024-03-01";
  index_->put(d);
  index_->commit();
  const auto r = find("الابتكار");
  ASSERT_EQ(r.hits.size(), 1u);
  const auto& h = r.hits[0];
  EXPECT_EQ(h.type, "practice");
  EXPECT_EQ(h.id, 42);
  EXPECT_EQ(h.title_ar, "عنوان عربي");
  EXPECT_EQ(h.title_en, "English title");
  EXPECT_EQ(h.organization_id, 5);
  EXPECT_EQ(h.edition, 2);
  EXPECT_EQ(h.year, 2024);
  EXPECT_EQ(h.date, "2024-03-01");
  EXPECT_GT(h.score, 0);
}

TEST_F(IndexTest, CommitsAreSeenByReadersOnOtherThreads) {
  index_->put(doc(1, "الابتكار", "نص"));
  index_->commit();
  std::atomic<bool> stop{false};
  std::atomic<int> failures{0};
  std::vector<std::thread> readers;
  for (int t = 0; t < 4; ++t) {
    readers.emplace_back([&] {
      while (!stop) {
        try {
          const auto total = find("الابتكار").total;
          if (total < 1) ADD_FAILURE() << "total " << total;
          if (total < 1) ++failures;
          index_->suggest("الاب", everyone_access(), 5);
        } catch (const core::Error& e) {
          ADD_FAILURE() << e.what() << ": " << e.internal_detail();
          ++failures;
        }
      }
    });
  }
  for (int i = 2; i <= 60; ++i) {
    index_->put(doc(i, "الابتكار " + std::to_string(i), "نص"));
    index_->commit();
  }
  stop = true;
  for (auto& t : readers) t.join();
  EXPECT_EQ(failures, 0);
  // A thread that searched before sees the latest commit.
  std::size_t total = 0;
  std::thread([&] { total = find("الابتكار").total; }).join();
  EXPECT_EQ(total, 60u);
  EXPECT_EQ(find("الابتكار").total, 60u);
}

TEST_F(IndexTest, ReadOnlyOpenAndMetadata) {
  index_->set_metadata("outbox", "17");
  index_->put(doc(1, "الابتكار", "نص"));
  index_->commit();
  EXPECT_EQ(index_->metadata("outbox"), "17");
  auto ro = Index::open_readonly(dir_.path() / "index");
  EXPECT_EQ(ro->size(), 1u);
  EXPECT_EQ(ro->metadata("outbox"), "17");
  EXPECT_THROW(ro->put(doc(2, "x", "y")), core::Error);
  // An index built by one analyzer is not read with another.
  EXPECT_THROW(Index::open_readonly(dir_.path() / "index", Analyzer::none), core::Error);
  EXPECT_THROW(Index::open_readonly(dir_.path() / "missing"), core::Error);
}

TEST(IndexBaselines, StockAnalyzersIndexAndSearch) {
  for (auto a : {Analyzer::xapian_arabic, Analyzer::none}) {
    TempDir dir;
    auto index = Index::open_writable(dir.path() / "index", a);
    index->put(doc(1, "المؤسسة الحكومية", "تطوير الخدمات"));
    index->put(doc(2, "برنامج", "تدريب"));
    index->commit();
    Query q;
    q.text = "المؤسسة";
    q.access = everyone_access();
    const auto r = index->search(q);
    ASSERT_EQ(r.hits.size(), 1u) << analyzer_name(a);
    EXPECT_EQ(r.hits[0].id, 1);
    q.text = "AND OR NOT \"\"";
    EXPECT_NO_THROW(index->search(q)) << analyzer_name(a);
  }
  EXPECT_EQ(parse_analyzer("xapian-arabic"), Analyzer::xapian_arabic);
  EXPECT_FALSE(parse_analyzer("porter").has_value());
}

}  // namespace
}  // namespace manzuma::search
