package drslink.cost;

import drslink.plan.Argument;
import drslink.plan.Guide;
import drslink.plan.Hcl;
import drslink.plan.ModuleCall;
import drslink.plan.Plan;
import drslink.plan.PlannedResource;
import drslink.plan.VpcLookup;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Prices a finished {@link Plan} offline: what the generated root costs by itself each month (interface endpoints per
 * endpoint per AZ-hour, private hosted zones, Resolver endpoint ENIs, transit gateway peering attachments), and the
 * usage rates the user multiplies by their own volumes (GB through endpoints, into a transit gateway and across
 * regions; replicating servers). It reads only the plan and the price table, never the network.
 */
public final class CostEstimator {
  private final PriceTable prices;

  public CostEstimator(PriceTable prices) {
    this.prices = prices;
  }

  public CostEstimate estimate(Plan plan, Guide guide) {
    List<CostLine> lines = new ArrayList<>();
    Map<String, long[]> endpointAzs = new TreeMap<>(); // group key -> {endpoints, endpoint-AZs}
    Map<String, Long> zones = new TreeMap<>();
    Map<String, Long> resolverEnis = new TreeMap<>();
    Map<String, Long> attachments = new TreeMap<>();
    Map<String, String[]> where = new LinkedHashMap<>();
    for (ModuleCall m : plan.modules()) {
      int subnets = subnets(m);
      for (PlannedResource r : m.resources()) {
        String key = key(r.region(), r.account());
        where.putIfAbsent(key, new String[] {r.region(), r.account()});
        switch (r.type()) {
          // Only interface endpoints are billed; the S3 gateway endpoint of staging_private is free.
          case "aws_vpc_endpoint" -> {
            if (r.purpose().startsWith("interface endpoint")) {
              long[] n = endpointAzs.computeIfAbsent(key, k -> new long[2]);
              n[0]++;
              n[1] += subnets;
            }
          }
          case "aws_route53_zone" -> zones.merge(key, 1L, Long::sum);
          // One ENI per subnet: modules/resolver-inbound gives the endpoint one ip_address per subnet.
          case "aws_route53_resolver_endpoint" -> resolverEnis.merge(key, (long) subnets, Long::sum);
          // Both sides of a peering attachment are billed as attachments (each gateway's owner pays its side).
          case "aws_ec2_transit_gateway_peering_attachment", "aws_ec2_transit_gateway_peering_attachment_accepter" -> attachments.merge(key, 1L, Long::sum);
          default -> {}
        }
      }
    }
    endpointAzs.forEach(
        (key, n) -> {
          String[] w = where.get(key);
          lines.add(hourly(w, "interface_endpoint_hour", "interface endpoints: " + n[0] + " endpoints in " + n[1] + " AZ placements", n[1]));
          lines.add(usage(w, "interface_endpoint_gb", "data through the interface endpoints"));
        });
    zones.forEach((key, n) -> lines.add(monthly(where.get(key), "hosted_zone_month", "private hosted zones", n)));
    resolverEnis.forEach((key, n) -> lines.add(hourly(where.get(key), "resolver_eni_hour", "Route 53 Resolver inbound endpoint ENIs", n)));
    attachments.forEach((key, n) -> lines.add(hourly(where.get(key), "tgw_attachment_hour", "transit gateway peering attachments (this side)", n)));
    usageLines(plan, guide, lines);
    lines.sort(Comparator.comparing((CostLine l) -> l.region()).thenComparing(l -> Objects.requireNonNullElse(l.account(), "")).thenComparing(CostLine::usage).thenComparing(CostLine::item).thenComparing(CostLine::what));
    return new CostEstimate(lines, prices.lastChecked());
  }

  /** Per-GB and per-server rates: where data leaves a region, enters a transit gateway, and where servers replicate to. */
  private void usageLines(Plan plan, Guide guide, List<CostLine> lines) {
    Map<String, String> accountOfProvider = new HashMap<>();
    plan.providers().forEach(p -> accountOfProvider.put(p.alias(), p.accountName()));
    Map<String, String> accountOfVpc = new LinkedHashMap<>();
    Map<String, String> regionOfVpc = new LinkedHashMap<>();
    for (VpcLookup v : plan.vpcs()) {
      if (!accountOfProvider.containsKey(v.providerAlias())) {
        throw new IllegalStateException("VPC " + v.vpcName() + " reads through provider " + v.providerAlias() + ", which the plan does not have");
      }
      accountOfVpc.put(v.vpcName(), accountOfProvider.get(v.providerAlias()));
      regionOfVpc.put(v.vpcName(), v.region());
    }
    // A VPC and a region its transit gateway link reaches, looked up per install: one pass over the links, so the
    // estimate stays linear in the number of sources (a fan-in of thousands of VPCs has as many links as installs).
    Set<List<String>> tgwReach = new HashSet<>();
    for (Guide.Link l : guide.linkEdges()) {
      if (l.type().equals("transit_gateway")) {
        tgwReach.add(List.of(l.from(), Objects.requireNonNullElse(regionOfVpc.get(l.to()), "")));
        tgwReach.add(List.of(l.to(), Objects.requireNonNullElse(regionOfVpc.get(l.from()), "")));
      }
    }
    Set<String> seen = new HashSet<>();
    for (Guide.AgentInstall install : guide.installs()) {
      String source = install.source();
      if (!regionOfVpc.containsKey(source) || install.sourceRegion() == null || install.sourceRegion().equals(install.targetRegion())) {
        continue; // on-premises sources pay their Direct Connect or VPN, which drslink does not know
      }
      String[] w = {install.sourceRegion(), accountOfVpc.get(source)};
      if (seen.add("ir|" + key(w[0], w[1]) + "|" + install.targetRegion())) {
        lines.add(usage(w, "inter_region_gb", "replicated data sent to " + install.targetRegion()));
      }
      boolean overTgw = tgwReach.contains(List.of(source, install.targetRegion()));
      if (overTgw && seen.add("tgw|" + key(w[0], w[1]))) {
        lines.add(usage(w, "tgw_gb", "replicated data into the transit gateway"));
      }
    }
    for (Guide.TemplateGuide t : guide.templates()) {
      if (!t.replications().isEmpty()) {
        String[] w = {t.provider().region(), t.provider().accountName()};
        lines.add(usage(w, "drs_server_hour", "each replicating source server (" + CostFormat.usd(prices.price("drs_server_hour", w[0]).usd().multiply(CostEstimate.HOURS_PER_MONTH)) + " a month)"));
      }
    }
  }

  private static int subnets(ModuleCall m) {
    return m.arguments().stream().filter(a -> a.name().equals("subnet_ids")).map(Argument::value).filter(v -> v instanceof Hcl.ListOf).mapToInt(v -> ((Hcl.ListOf) v).items().size()).findFirst().orElse(1);
  }

  private CostLine hourly(String[] w, String item, String what, long quantity) {
    PriceTable.Price p = prices.price(item, w[0]);
    BigDecimal q = BigDecimal.valueOf(quantity);
    return new CostLine(w[0], w[1], item, what, q, p.usd(), p.unit(), q.multiply(p.usd()).multiply(CostEstimate.HOURS_PER_MONTH), p.source());
  }

  private CostLine monthly(String[] w, String item, String what, long quantity) {
    PriceTable.Price p = prices.price(item, w[0]);
    BigDecimal q = BigDecimal.valueOf(quantity);
    return new CostLine(w[0], w[1], item, what, q, p.usd(), p.unit(), q.multiply(p.usd()), p.source());
  }

  private CostLine usage(String[] w, String item, String what) {
    PriceTable.Price p = prices.price(item, w[0]);
    return new CostLine(w[0], w[1], item, what, null, p.usd(), p.unit(), null, p.source());
  }

  private static String key(String region, String account) {
    return region + "\u0000" + Objects.requireNonNullElse(account, "");
  }
}
