#pragma once
// Research studies of an edition, their reviewers, recommendations and discussion.

#include <boost/describe.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace manzuma::modules {

/// proposed → under_review → accepted → applied, or under_review → rejected.
enum class ResearchStatus { proposed, under_review, accepted, applied, rejected };
BOOST_DESCRIBE_ENUM(ResearchStatus, proposed, under_review, accepted, applied, rejected)

enum class Recommendation { accept, revise, reject };
BOOST_DESCRIBE_ENUM(Recommendation, accept, revise, reject)

enum class ResearchDecision { accepted, rejected };
BOOST_DESCRIBE_ENUM(ResearchDecision, accepted, rejected)

struct ResearchStudy {
  std::int64_t id = 0;
  std::int64_t edition_id = 0;
  std::int64_t edition_number = 0;
  std::int64_t organization_id = 0;
  std::string organization_name_ar;
  std::string organization_name_en;
  std::int64_t submitted_by = 0;
  std::string title_ar;
  std::string title_en;
  ResearchStatus status = ResearchStatus::proposed;
  std::optional<std::string> decision_reason;
  std::optional<std::string> decided_at;
  std::optional<std::int64_t> practice_id;
  std::int64_t version = 1;
  std::string created_at;
  std::string updated_at;
};
BOOST_DESCRIBE_STRUCT(ResearchStudy, (),
                      (id, edition_id, edition_number, organization_id, organization_name_ar, organization_name_en,
                       submitted_by, title_ar, title_en, status, decision_reason, decided_at, practice_id, version,
                       created_at, updated_at))

struct ResearchReviewer {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::string name_ar;
  std::string name_en;
  std::optional<Recommendation> recommendation;
  std::string comments;
  std::string assigned_at;
  std::optional<std::string> recommended_at;
};
BOOST_DESCRIBE_STRUCT(ResearchReviewer, (),
                      (id, user_id, name_ar, name_en, recommendation, comments, assigned_at, recommended_at))

struct ResearchComment {
  std::int64_t id = 0;
  std::int64_t author_id = 0;
  std::string author_name_ar;
  std::string author_name_en;
  std::string body;
  std::string created_at;
};
BOOST_DESCRIBE_STRUCT(ResearchComment, (), (id, author_id, author_name_ar, author_name_en, body, created_at))

struct ResearchAttachment {
  std::int64_t id = 0;
  std::string filename;
  std::int64_t size = 0;
};
BOOST_DESCRIBE_STRUCT(ResearchAttachment, (), (id, filename, size))

/// One study with everything its page shows and what the caller may do.
struct ResearchStudyDetail {
  ResearchStudy study;
  std::vector<std::string> authors;
  std::string abstract_ar;
  std::string abstract_en;
  std::vector<ResearchAttachment> attachments;
  std::vector<ResearchReviewer> reviewers;
  std::vector<ResearchComment> comments;
  /// National roles: assign reviewers, decide, turn into a practice.
  bool can_decide = false;
  /// The caller is an assigned reviewer and the study is under review.
  bool can_recommend = false;
  bool can_comment = false;
};
BOOST_DESCRIBE_STRUCT(ResearchStudyDetail, (),
                      (study, authors, abstract_ar, abstract_en, attachments, reviewers, comments, can_decide,
                       can_recommend, can_comment))

struct ResearchStudyInput {
  std::int64_t edition_id = 0;
  std::int64_t organization_id = 0;
  std::string title_ar;
  std::string title_en;
  std::vector<std::string> authors;
  std::optional<std::string> abstract_ar;
  std::optional<std::string> abstract_en;
  std::optional<std::vector<std::int64_t>> attachment_ids;
};
BOOST_DESCRIBE_STRUCT(ResearchStudyInput, (),
                      (edition_id, organization_id, title_ar, title_en, authors, abstract_ar, abstract_en,
                       attachment_ids))

struct ReviewerAssignment {
  std::vector<std::int64_t> user_ids;
  std::int64_t version = 0;
};
BOOST_DESCRIBE_STRUCT(ReviewerAssignment, (), (user_ids, version))

struct RecommendationInput {
  Recommendation recommendation = Recommendation::accept;
  std::string comments;
};
BOOST_DESCRIBE_STRUCT(RecommendationInput, (), (recommendation, comments))

struct ResearchCommentInput {
  std::string body;
};
BOOST_DESCRIBE_STRUCT(ResearchCommentInput, (), (body))

struct DecisionInput {
  ResearchDecision decision = ResearchDecision::accepted;
  /// Required for a rejection; shown to the submitter.
  std::optional<std::string> reason;
  std::int64_t version = 0;
};
BOOST_DESCRIBE_STRUCT(DecisionInput, (), (decision, reason, version))

/// Turns an accepted study into a draft practice of the same edition and organisation.
struct ApplyInput {
  /// A PracticeCategory wire name.
  std::string category;
  std::int64_t version = 0;
};
BOOST_DESCRIBE_STRUCT(ApplyInput, (), (category, version))

}  // namespace manzuma::modules
