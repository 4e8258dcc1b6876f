// Uses the installed package: parses a figure and checks a conversion.
#include <iostream>
#include <tieout/tieout.hpp>

int main() {
  static_assert(TIEOUT_VERSION_MAJOR >= 0);
  // RMB1,885.6 million at RMB7.0176 per US$ is US$268.7 million to 0.1 million.
  const auto rmb = tieout::PrintedFigure::parse("RMB1,885.6 million");
  const auto usd = tieout::PrintedFigure::parse("US$268.7 million");
  const tieout::Interval converted =
      tieout::divide(tieout::Interval::from_rounded(rmb.value(), rmb.decimals()),
                     tieout::Interval(tieout::Decimal::parse("7.0176")), 2);
  const bool ties = converted.overlaps(tieout::Interval::from_rounded(usd.value(), usd.decimals()));
  std::cout << "converted " << converted << (ties ? " ties" : " does not tie") << '\n';
  return ties ? 0 : 1;
}
