#include "tieout/audit.hpp"

#include <algorithm>
#include <utility>

#include "tieout/compare.hpp"
#include "tieout/error.hpp"
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
  ReadDocument read = read_tables(text, *graph_);
  if (auto applied = rules_.apply_to_document(read, *graph_); !applied) {
    return unexpected(applied.error());
  }
  documents_.push_back(std::move(read));
  infer_constraints(documents_.back(), *constraints_);
  link_narrative(text, documents_.back(), *constraints_, *graph_);
  return documents_.back().document;
}

result<std::size_t, ReadError> Audit::compare() {
  if (compared_) return std::size_t{0};
  compared_ = true;
  const std::size_t before = constraints_->size();
  compare_documents(documents_, *constraints_);
  if (!rules_.empty()) {
    auto ruled = rules_.apply_to_constraints(documents_, *constraints_);
    if (!ruled) return unexpected(ruled.error());
    *constraints_ = std::move(ruled).value();
  }
  return constraints_->size() - std::min(before, constraints_->size());
}

TieOut Audit::run(const CheckOptions& options, const SolveOptions& solve_options) {
  if (const auto compared = compare(); !compared) {
    throw domain_error(compared.error().to_string());
  }
  return TieOut(*constraints_, documents_, options, solve_options);
}

TIEOUT_END_NAMESPACE
