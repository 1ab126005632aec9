#include "search/eval.hpp"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <cmath>
#include <fstream>

#include "core/error.hpp"

namespace manzuma::search {
namespace {

class EvalTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (std::filesystem::temp_directory_path() / "manzuma-eval-test-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
  }
  void TearDown() override {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  std::filesystem::path write(const std::string& name, const std::string& text) {
    const auto p = dir_ / name;
    std::ofstream(p, std::ios::binary) << text;
    return p;
  }

  std::filesystem::path dir_;
};

TEST_F(EvalTest, MeasuresAreAveragedOverQueries) {
  const auto corpus = write("corpus.jsonl",
                            "{\"id\":\"a\",\"title\":\"الموازنة العامة\",\"text\":\"خطة الموازنة للعام\"}\n"
                            "{\"id\":\"b\",\"title\":\"التدريب\",\"text\":\"برنامج تدريب الموظفين\"}\n"
                            "\n"
                            "{\"id\":7,\"title\":\"الاستدامة\",\"text\":\"الاستدامة البيئية في المؤسسات\"}\r\n");
  const auto queries = write("queries.jsonl",
                             // found first: recall 1, RR 1, nDCG 1
                             "{\"query\":\"الموازنة\",\"relevant\":[\"a\"]}\n"
                             // one of two relevant found, first: recall .5, RR 1, nDCG 1/(1+1/log2(3))
                             "{\"query\":\"تدريب الموظفين\",\"relevant\":[\"b\",\"missing\"]}\n"
                             // nothing found
                             "{\"query\":\"زراعة\",\"relevant\":[7]}\n");
  // The temporary index goes under TMPDIR and is removed afterwards.
  const auto tmp = dir_ / "tmp";
  std::filesystem::create_directory(tmp);
  const char* old_tmpdir = std::getenv("TMPDIR");
  const std::string saved = old_tmpdir ? old_tmpdir : "";
  setenv("TMPDIR", tmp.c_str(), 1);
  const auto r = evaluate(corpus, queries, Analyzer::manzuma);
  if (old_tmpdir) {
    setenv("TMPDIR", saved.c_str(), 1);
  } else {
    unsetenv("TMPDIR");
  }
  EXPECT_TRUE(std::filesystem::is_empty(tmp));
  EXPECT_EQ(r.analyzer, "manzuma");
  EXPECT_EQ(r.documents, 3u);
  EXPECT_EQ(r.queries, 3u);
  EXPECT_NEAR(r.recall_at_10, (1 + 0.5 + 0) / 3, 1e-9);
  EXPECT_NEAR(r.mrr_at_10, (1 + 1 + 0) / 3.0, 1e-9);
  EXPECT_NEAR(r.ndcg_at_10, (1 + 1 / (1 + 1 / std::log2(3.0)) + 0) / 3, 1e-9);
}

TEST_F(EvalTest, AMalformedLineIsNamedByFileAndLine) {
  const auto corpus = write("corpus.jsonl", "{\"id\":\"a\",\"title\":\"x\",\"text\":\"y\"}\n{\"id\":\"b\",\"text\":\n");
  const auto queries = write("queries.jsonl", "{\"query\":\"x\",\"relevant\":[\"a\"]}\n");
  auto expect_error = [](const std::filesystem::path& c, const std::filesystem::path& q, const std::string& where) {
    try {
      evaluate(c, q, Analyzer::manzuma);
      ADD_FAILURE() << "no error";
    } catch (const core::Error& e) {
      EXPECT_EQ(e.kind(), core::ErrorKind::invalid_input);
      EXPECT_NE(std::string(e.what()).find(where), std::string::npos) << e.what();
    }
  };
  expect_error(corpus, queries, "corpus.jsonl:2");
  const auto good = write("good.jsonl", "{\"id\":\"a\",\"title\":\"x\",\"text\":\"y\"}\n");
  expect_error(good, write("q1.jsonl", "{\"query\":\"x\",\"relevant\":[\"a\"]}\n{\"query\":\"x\"}\n"), "q1.jsonl:2");
  expect_error(good, write("q2.jsonl", "[1,2]\n"), "q2.jsonl:1");
  expect_error(good, write("q3.jsonl", "{\"query\":\"x\",\"relevant\":[]}\n"), "q3.jsonl:1");
  expect_error(write("dup.jsonl", "{\"id\":\"a\",\"text\":\"y\"}\n{\"id\":\"a\",\"text\":\"z\"}\n"),
               write("q4.jsonl", "{\"query\":\"x\",\"relevant\":[\"a\"]}\n"), "dup.jsonl:2");
  expect_error(dir_ / "absent.jsonl", queries, "absent.jsonl");
}

}  // namespace
}  // namespace manzuma::search
