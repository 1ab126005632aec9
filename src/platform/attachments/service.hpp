#pragma once
// Rules for attachments: which files are accepted (type read from the bytes), where they are kept
// (content-addressed, written atomically, stored once), and who may upload to or read from which organisation.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/actor.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"
#include "platform/attachments/model.hpp"

namespace manzuma::platform {

/// The file types users may upload, for messages and documentation.
inline constexpr std::string_view kAllowedAttachmentTypes = "PDF, DOCX, XLSX, PPTX, PNG, JPEG, CSV";

class AttachmentService {
 public:
  /// Files go under `<data_dir>/attachments/`; `max_bytes` is the largest file accepted.
  AttachmentService(db::Database& db, const core::Clock& clock, std::string data_dir, std::size_t max_bytes);

  /// Stores `bytes` as an attachment of `organization_id` (default: the uploader's first organisation where
  /// they may upload). 400 for an empty file or a bad organisation, 403 outside the uploader's reach, 413 over
  /// the size limit, 415 for a type not allowed or a name whose extension does not match the content.
  Attachment upload(const core::Actor& actor, std::optional<std::int64_t> organization_id, std::string_view filename,
                    std::string_view bytes);

  /// The attachment's row; 404 when it does not exist or belongs to an organisation the actor cannot see,
  /// unless a reader rule lets the actor read it.
  Attachment get(const core::Actor& actor, std::int64_t id);

  /// A business area that shows files to people outside the uploading organisation (a published practice's
  /// toolkit, a study's files to its reviewers) says so with a rule: true when `actor` may read attachment
  /// `id` through that area's records. Add rules at start-up, before serving.
  using ReaderRule = std::function<bool(db::Session&, const core::Actor&, std::int64_t id)>;
  void add_reader_rule(ReaderRule rule) { reader_rules_.push_back(std::move(rule)); }

  /// Where the attachment's bytes are on disk.
  std::string content_path(const Attachment& attachment) const;

 private:
  /// Writes the bytes under their hash unless they are already there.
  void store(std::string_view sha256, std::string_view bytes) const;

  db::Database& db_;
  const core::Clock& clock_;
  std::string root_;
  std::size_t max_bytes_;
  std::vector<ReaderRule> reader_rules_;
};

}  // namespace manzuma::platform
