// lib/graph.cpp - the statement graph's arrays.
#include "tieout/graph.hpp"

#include <algorithm>
#include <cctype>
#include <limits>

#include "tieout/error.hpp"
#include "tieout/printed_figure.hpp"

TIEOUT_BEGIN_NAMESPACE
namespace {

template <class IdType, class Container>
IdType next_id(const Container& container) {
  if (container.size() >= std::numeric_limits<std::uint32_t>::max()) {
    throw overflow_error("a statement graph holds at most 2^32 - 1 nodes of a kind");
  }
  return IdType(static_cast<std::uint32_t>(container.size()));
}

// Punctuation outside ASCII that separates words: dashes, the minus sign,
// curly quotes, the no-break and thin spaces, the middle dot.
constexpr std::string_view separators[] = {"\u2013", "\u2014", "\u2212", "\u2018", "\u2019",
                                           "\u201C", "\u201D", "\u00A0", "\u2009", "\u00B7"};

}  // namespace

std::string label_key(std::string_view label) {
  std::string key;
  bool pending_space = false;
  for (std::size_t i = 0; i < label.size();) {
    const auto c = static_cast<unsigned char>(label[i]);
    std::size_t length = 1;
    bool separator = c < 0x80 && !std::isalnum(c);
    if (c >= 0x80) {
      for (const std::string_view mark : separators) {
        if (label.substr(i).starts_with(mark)) {
          separator = true;
          length = mark.size();
          break;
        }
      }
    }
    if (separator) {
      pending_space = !key.empty();
    } else {
      if (pending_space) key += ' ';
      pending_space = false;
      key += c < 0x80 ? static_cast<char>(std::tolower(c)) : label[i];
    }
    i += length;
  }
  return key;
}

template <class Value>
std::uint32_t StatementGraph::intern(std::vector<Value>& values, const Value& value) {
  // Filings use a handful of periods and units; a scan beats hashing here.
  const auto found = std::find(values.begin(), values.end(), value);
  if (found != values.end()) return static_cast<std::uint32_t>(found - values.begin());
  values.push_back(value);
  return static_cast<std::uint32_t>(values.size() - 1);
}

DocumentId StatementGraph::add_document(std::string path) {
  const auto id = next_id<DocumentId>(documents_);
  documents_.push_back(std::move(path));
  return id;
}

TableId StatementGraph::add_table(DocumentId document, std::string title, TableKind kind) {
  const auto id = next_id<TableId>(tables_);
  tables_.push_back({document, std::move(title), kind});
  return id;
}

LineItemId StatementGraph::add_line_item(TableId table, std::string label,
                                         std::vector<std::string> section) {
  const auto id = next_id<LineItemId>(items_);
  std::string key = label_key(label);
  const auto [found, added] = key_index_.try_emplace(key, static_cast<std::uint32_t>(keys_.size()));
  if (added) keys_.push_back(std::move(key));
  items_.push_back({table, std::move(label), found->second, std::move(section)});
  return id;
}

FigureId StatementGraph::add_figure(LineItemId item, const Period& period, const Unit& unit,
                                    std::string_view text, SourceLocation where, Scale scale) {
  const auto id = next_id<FigureId>(figure_item_);
  figure_item_.push_back(item);
  figure_period_.push_back(intern(periods_, period));
  figure_unit_.push_back(intern(units_, unit));
  figure_scale_.push_back(scale);
  values_.push_back(Decimal());
  decimals_.push_back(0);
  state_.push_back(FigureState::unreadable);
  where_.push_back(where);
  text_begin_.push_back(0);
  text_size_.push_back(0);
  set_text(id, text);
  return id;
}

void StatementGraph::set_text(FigureId figure, std::string_view text) {
  const std::size_t index = figure.index();
  store_text(index, text);
  const auto printed = PrintedFigure::try_parse(text);
  if (!printed) {
    state_[index] = FigureState::unreadable;
    values_.set(index, Decimal());
    decimals_[index] = 0;
  } else if (printed->is_nil()) {
    state_[index] = FigureState::nil;
    values_.set(index, Decimal());
    decimals_[index] = 0;
  } else {
    const int exponent = exponent_of(figure_scale_[index]);
    state_[index] = FigureState::value;
    values_.set(index, printed->value().shifted(exponent));
    decimals_[index] = static_cast<std::int16_t>(printed->decimals() - exponent);
  }
}

void StatementGraph::set_meaning(FigureId figure, const Period& period, const Unit& unit,
                                 Scale scale) {
  const std::size_t index = figure.index();
  figure_period_[index] = intern(periods_, period);
  figure_unit_[index] = intern(units_, unit);
  figure_scale_[index] = scale;
  set_text(figure, std::string(text(figure)));
}

void StatementGraph::mark_unreadable(FigureId figure) {
  const std::size_t index = figure.index();
  state_[index] = FigureState::unreadable;
  values_.set(index, Decimal());
  decimals_[index] = 0;
}

void StatementGraph::store_text(std::size_t index, std::string_view text) {
  if (text_pool_.size() + text.size() > std::numeric_limits<std::uint32_t>::max()) {
    throw overflow_error("a statement graph holds at most 4 GiB of printed text");
  }
  text_begin_[index] = static_cast<std::uint32_t>(text_pool_.size());
  text_size_[index] = static_cast<std::uint32_t>(text.size());
  text_pool_.append(text);
}

std::optional<Decimal> StatementGraph::value(FigureId figure) const {
  if (state_[figure.index()] != FigureState::value) return std::nullopt;
  return values_[figure.index()];
}

std::optional<Interval> StatementGraph::interval(FigureId figure,
                                                 RoundingConvention convention) const {
  switch (state_[figure.index()]) {
    case FigureState::value:
      return Interval::from_rounded(values_[figure.index()], decimals_[figure.index()], convention);
    case FigureState::nil: return Interval(Decimal());
    case FigureState::unreadable: return std::nullopt;
  }
  return std::nullopt;
}

std::string_view StatementGraph::text(FigureId figure) const {
  return std::string_view(text_pool_)
      .substr(text_begin_[figure.index()], text_size_[figure.index()]);
}

std::string StatementGraph::where(FigureId figure) const {
  const SourceLocation& at = where_[figure.index()];
  std::string text(at.document.valid() ? path(at.document) : "?");
  text.append(":").append(std::to_string(at.line)).append(":").append(std::to_string(at.column));
  return text;
}

std::string StatementGraph::describe(FigureId figure) const {
  std::string text(label(line_item(figure)));
  text.append(", ")
      .append(period(figure).to_string())
      .append(", ")
      .append(unit(figure).to_string());
  text.append(": ").append(this->text(figure)).append(" (").append(where(figure)).append(")");
  return text;
}

TIEOUT_END_NAMESPACE
