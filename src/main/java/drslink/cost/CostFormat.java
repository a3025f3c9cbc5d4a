package drslink.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How amounts are printed: monthly sums to the cent, rates as the price table writes them. */
public final class CostFormat {
  private CostFormat() {}

  public static String usd(BigDecimal amount) {
    return "$" + amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
  }

  public static String rate(BigDecimal rate) {
    return "$" + rate.toPlainString();
  }

  /** "4 × $0.014 per endpoint per AZ-hour" or "$0.02 per GB sent to another region". */
  public static String basis(CostLine line) {
    return (line.quantity() == null ? "" : line.quantity().toPlainString() + " × ") + rate(line.rate()) + " " + line.unit();
  }
}
