package drslink.cost;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The estimate for one plan: its lines, grouped by region and account in that order, and the date of the prices. */
public record CostEstimate(List<CostLine> lines, String pricesChecked) {
  /** AWS's pricing pages count a month as 730 hours. */
  public static final BigDecimal HOURS_PER_MONTH = BigDecimal.valueOf(730);

  public CostEstimate {
    lines = List.copyOf(lines);
  }

  /** "ap-northeast-3 (account dr)" or "ap-northeast-3", as plan groups its resources. */
  public static String group(CostLine line) {
    return line.region() + (line.account() == null ? "" : " (account " + line.account() + ")");
  }

  public Map<String, List<CostLine>> byGroup() {
    Map<String, List<CostLine>> groups = new LinkedHashMap<>();
    lines.forEach(l -> groups.computeIfAbsent(group(l), k -> new java.util.ArrayList<>()).add(l));
    return groups;
  }

  public static BigDecimal fixedTotal(List<CostLine> lines) {
    return lines.stream().filter(l -> !l.usage()).map(CostLine::monthly).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  public BigDecimal fixedTotal() {
    return fixedTotal(lines);
  }
}
