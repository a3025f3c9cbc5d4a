package drslink.cost;

import java.math.BigDecimal;

/**
 * One line of the estimate, in one region and account ({@code account} null: the pipeline's). A fixed line has a
 * {@code quantity} and a {@code monthly} amount; a usage line (per GB, per server) has neither: its {@code rate} is
 * what the user multiplies by their own volume.
 */
public record CostLine(String region, String account, String item, String what, BigDecimal quantity, BigDecimal rate, String unit, BigDecimal monthly, String source) {
  public boolean usage() {
    return monthly == null;
  }
}
