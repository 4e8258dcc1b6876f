// tieout/result.hpp - a value or the reason there is none.
//
// C++20 has no std::expected and Debian 12 packages no implementation of it,
// so tieout carries this small subset of its interface (has_value, value,
// error, operator*, operator->). When tieout moves to C++23 this becomes an
// alias of std::expected; code written against it keeps compiling.
// Related: error.hpp. Stability: stable.
#pragma once

#include <utility>
#include <variant>

#include "tieout/error.hpp"

TIEOUT_BEGIN_NAMESPACE

/// Wraps an error for construction of a result, as std::unexpected does.
template <class E>
class unexpected {
 public:
  /// Wraps `error`; explicit, so that an error never converts to a result
  /// by accident.
  explicit unexpected(E error) : error_(std::move(error)) {}
  /// The error, to read or to move out.
  ///@{
  const E& error() const& noexcept { return error_; }
  E&& error() && noexcept { return std::move(error_); }
  ///@}

 private:
  E error_;
};

/// Accessing the value of a result that holds an error.
class bad_result_access : public error {
 public:
  using error::error;
};

/// Either a T or an E. Expected outcomes such as text that is not a figure
/// are results, not exceptions.
template <class T, class E = ParseError>
class [[nodiscard]] result {
 public:
  /// The types held, as std::expected names them.
  ///@{
  using value_type = T;
  using error_type = E;
  ///@}

  /// A result holding `value`. Implicit, so that a function returning a
  /// result can `return value;`.
  result(T value) : state_(std::in_place_index<0>, std::move(value)) {}
  /// A result holding the error (`return unexpected(reason);`).
  template <class G>
  result(unexpected<G> failure) : state_(std::in_place_index<1>, std::move(failure).error()) {}

  /// True when it holds a value, false when an error; the bool conversion is
  /// explicit, for `if (auto r = ...; !r)`.
  ///@{
  bool has_value() const noexcept { return state_.index() == 0; }
  explicit operator bool() const noexcept { return has_value(); }
  ///@}

  /// The value; throws bad_result_access when the result holds an error.
  const T& value() const& {
    check();
    return std::get<0>(state_);
  }
  /// The value of a temporary result, moved out; throws as value() does.
  T&& value() && {
    check();
    return std::get<0>(std::move(state_));
  }
  /// The error. Precondition: !has_value().
  const E& error() const& { return std::get<1>(state_); }

  /// The value, as value() gives it: unlike std::expected's, these check
  /// and throw rather than leave an error access undefined.
  ///@{
  const T& operator*() const& { return value(); }
  const T* operator->() const { return &value(); }
  ///@}

 private:
  void check() const {
    if (!has_value()) throw bad_result_access("tieout::result holds an error, not a value");
  }
  std::variant<T, E> state_;
};

TIEOUT_END_NAMESPACE
