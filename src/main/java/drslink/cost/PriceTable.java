package drslink.cost;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The dated price table (src/main/resources/drslink/prices.tsv): a price per item, a region's own line overriding the
 * "*" line, each with the AWS pricing page it comes from. Read once per run; no network.
 */
public final class PriceTable {
  public static final String RESOURCE = "/drslink/prices.tsv";

  /** One price; {@code region} is "*" for the default. */
  public record Price(String item, String region, BigDecimal usd, String unit, String source) {}

  private final Map<String, Price> prices;
  private final String lastChecked;

  private PriceTable(Map<String, Price> prices, String lastChecked) {
    this.prices = prices;
    this.lastChecked = lastChecked;
  }

  /** The table shipped in the jar, read once. */
  public static PriceTable bundled() {
    return Bundled.TABLE;
  }

  private static final class Bundled {
    static final PriceTable TABLE = read();
  }

  private static PriceTable read() {
    try (InputStream in = Objects.requireNonNull(PriceTable.class.getResourceAsStream(RESOURCE), RESOURCE)) {
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Tab-separated lines; '#' starts a comment line; one {@code last_checked} line. A malformed line is a bug in the table. */
  public static PriceTable parse(String text) {
    Map<String, Price> prices = new LinkedHashMap<>();
    String lastChecked = null;
    int number = 0;
    for (String line : text.lines().toList()) {
      number++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cells = line.split("\t", -1);
      if (cells[0].equals("last_checked") && cells.length == 2) {
        lastChecked = cells[1].strip();
        continue;
      }
      if (cells.length != 5 || !cells[4].startsWith("https://")) {
        throw new IllegalArgumentException("prices.tsv line " + number + ": expected item, region, usd, unit, https source");
      }
      Price price = new Price(cells[0], cells[1], new BigDecimal(cells[2]), cells[3], cells[4]);
      if (prices.put(key(price.item(), price.region()), price) != null) {
        throw new IllegalArgumentException("prices.tsv line " + number + ": " + price.item() + " for " + price.region() + " listed twice");
      }
    }
    if (lastChecked == null || !lastChecked.matches("\\d{4}-\\d{2}-\\d{2}")) {
      throw new IllegalArgumentException("prices.tsv needs a line 'last_checked<TAB>YYYY-MM-DD'");
    }
    return new PriceTable(prices, lastChecked);
  }

  /** The region's own price, else the default. */
  public Price price(String item, String region) {
    Price own = prices.get(key(item, region));
    if (own != null) {
      return own;
    }
    return Objects.requireNonNull(prices.get(key(item, "*")), () -> "prices.tsv has no default line for " + item);
  }

  public String lastChecked() {
    return lastChecked;
  }

  private static String key(String item, String region) {
    return item + "\u0000" + region;
  }
}
