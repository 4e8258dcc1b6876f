#include "tieout/audit.hpp"

#include <utility>

#include "tieout/compare.hpp"
#include "tieout/infer.hpp"
#include "tieout/narrative.hpp"

TIEOUT_BEGIN_NAMESPACE

Audit::Audit()
    : graph_(std::make_unique<StatementGraph>()),
      constraints_(std::make_unique<ConstraintSet>(*graph_)) {}
Audit::Audit(Audit&&) noexcept = default;
Audit& Audit::operator=(Audit&&) noexcept = default;
Audit::~Audit() = default;

result<DocumentId, ReadError> Audit::add_file(const std::string& path) {
  auto text = load_text_document(path);
  if (!text) return unexpected(text.error());
  return add(*text);
}

result<DocumentId, ReadError> Audit::add_text(std::string path, std::string_view content) {
  auto text = read_text_document(std::move(path), content);
  if (!text) return unexpected(text.error());
  return add(*text);
}

result<DocumentId, ReadError> Audit::add(const TextDocument& text) {
  if (compared_) {
    return unexpected(ReadError{text.path, 0, "added after the audit ran; start a new audit"});
  }
  if (text.tables.empty()) {
    return unexpected(
        ReadError{text.path, 0, "no tables (lines of TAB-separated fields) to check"});
  }
  documents_.push_back(read_tables(text, *graph_));
  infer_constraints(documents_.back(), *constraints_);
  link_narrative(text, documents_.back(), *constraints_, *graph_);
  return documents_.back().document;
}

TieOut Audit::run(const CheckOptions& options) {
  if (!compared_) {
    compare_documents(documents_, *constraints_);
    compared_ = true;
  }
  return TieOut(*constraints_, documents_, options);
}

TIEOUT_END_NAMESPACE
