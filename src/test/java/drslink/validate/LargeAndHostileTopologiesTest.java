package drslink.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import drslink.diag.Diagnostic;
import drslink.diag.Diagnostics;
import drslink.model.Ipv4Cidr;
import drslink.parse.TopologyReader;
import drslink.parse.YamlLimits;
import drslink.parse.YamlTreeReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Files near the 1 MiB limit and values built to make checks slow: the checks must stay linear (or
 * n log n) and the output bounded. Asserted on results, never on time: each case pins the behaviour that
 * the slow version did not have.
 */
class LargeAndHostileTopologiesTest {
  private static List<Diagnostic> validate(String yaml) {
    Diagnostics diagnostics = new Diagnostics();
    new YamlTreeReader(YamlLimits.DEFAULT)
        .read("t.yaml", yaml, diagnostics)
        .flatMap(root -> new TopologyReader(diagnostics).read("t.yaml", root))
        .ifPresent(topology -> new TopologyValidator().validate(topology, diagnostics));
    return diagnostics.sorted();
  }

  private static List<Diagnostic> withCode(List<Diagnostic> diagnostics, String code) {
    return diagnostics.stream().filter(d -> d.code().equals(code)).toList();
  }

  /** A hub in Osaka peered with {@code cidrs.size()} VPCs in Tokyo, each with the given CIDRs. */
  private static String hub(List<List<String>> cidrs) {
    StringBuilder yaml = new StringBuilder("version: 1\nname: hub\nregions:\n  - name: ap-northeast-1\n    vpcs:\n");
    for (int i = 0; i < cidrs.size(); i++) {
      yaml.append(String.format("      - {name: v%d, id: vpc-%08x, cidr: %s", i, i, cidrs.get(i).get(0)));
      if (cidrs.get(i).size() > 1) {
        yaml.append(", cidrs: [").append(String.join(", ", cidrs.get(i).subList(1, cidrs.get(i).size()))).append("]");
      }
      yaml.append("}\n");
    }
    yaml.append("  - name: ap-northeast-3\n    vpcs:\n");
    yaml.append("      - {name: hub, id: vpc-fffffff0, cidr: 172.16.0.0/16, endpoint_subnet_ids: [subnet-00000001, subnet-00000002], staging_subnet_id: subnet-00000003}\n");
    yaml.append("connectivity:\n");
    for (int i = 0; i < cidrs.size(); i++) {
      yaml.append(String.format("  - {type: vpc_peering, vpcs: [v%d, hub]}%n", i));
    }
    yaml.append("replication:\n  - {name: r, sources: [v0], target: hub, failback: false}\n");
    return yaml.toString();
  }

  @Test
  void reportsEachCollidingPeerOnceInsteadOfEveryPair() {
    // 2,000 peers sharing one CIDR: every pair collides, which used to mean 1,999,000 errors.
    List<List<String>> cidrs = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      cidrs.add(List.of("10.0.0.0/24"));
    }

    List<Diagnostic> collisions = withCode(validate(hub(cidrs)), "DRS078");

    assertEquals(1999, collisions.size());
    assertEquals(
        "t.yaml:2011:5: error: VPC hub would route 10.0.0.0/24 (v0) and 10.0.0.0/24 (v1) to different peers; the CIDRs overlap (hint: give v0 and v1 distinct CIDRs)",
        collisions.get(0).format());
  }

  private static final Pattern ROUTE = Pattern.compile("would route (\\S+) \\((v\\d+)\\) and (\\S+) \\((v\\d+)\\)");

  @Test
  void namesEveryPeerWhoseCidrOverlapsAnotherPeer() {
    // Checked against all pairs on random small cases: each report names two overlapping CIDRs of two
    // peers, and every peer with a CIDR overlapping another peer's is named in at least one report.
    Random random = new Random(20240611);
    for (int round = 0; round < 200; round++) {
      List<List<String>> cidrs = new ArrayList<>();
      int peers = 2 + random.nextInt(6);
      for (int i = 0; i < peers; i++) {
        List<String> own = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        for (int k = 0; k < count; k++) {
          int prefix = 16 + random.nextInt(13);
          Ipv4Cidr c = new Ipv4Cidr((10L << 24) | ((long) random.nextInt(4) << 16) | ((long) random.nextInt(256) << 8), prefix).canonical();
          if (!own.contains(c.toString())) {
            own.add(c.toString());
          }
        }
        cidrs.add(own);
      }

      Set<String> named = new HashSet<>();
      for (Diagnostic d : withCode(validate(hub(cidrs)), "DRS078")) {
        Matcher m = ROUTE.matcher(d.message());
        assertTrue(m.find(), d.message());
        assertTrue(cidr(m.group(1)).overlaps(cidr(m.group(3))), "round " + round + ": " + d.message());
        assertTrue(!m.group(2).equals(m.group(4)), d.message());
        named.add(m.group(2));
        named.add(m.group(4));
      }
      for (int i = 0; i < peers; i++) {
        boolean overlapsAnother = false;
        for (String mine : cidrs.get(i)) {
          for (int j = 0; j < peers; j++) {
            for (String theirs : cidrs.get(j)) {
              overlapsAnother |= i != j && cidr(mine).overlaps(cidr(theirs));
            }
          }
        }
        assertEquals(overlapsAnother, named.contains("v" + i), "round " + round + ": " + cidrs);
      }
    }
  }

  private static Ipv4Cidr cidr(String text) {
    return Ipv4Cidr.parse(text).orElseThrow();
  }

  @Test
  void reportsOverlapsOnOneLinkOncePerCidrNotPerPair() {
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      many.add(String.format("10.%d.%d.0/24", i / 256, i % 256));
    }
    String yaml = hub(List.of(many)).replace("cidr: 172.16.0.0/16", "cidr: 10.0.0.0/16, cidrs: [10.0.0.0/20, 10.0.16.0/20]");

    // 200 blocks of v0 inside hub's three: at most one report per block that overlaps an earlier block of
    // the other VPC (here 202 of the 203), not one per overlapping pair (232).
    assertEquals(202, withCode(validate(yaml), "DRS077").size());
  }

  @Test
  void refusesAnInstanceTypeTooLongToBeRealBeforeMatchingIt() {
    // The pattern backtracks polynomially ("t111...1." of 100 KB took minutes); a long value that the
    // pattern would accept shows the length is checked first.
    String longButWellFormed = "t" + "3".repeat(60) + ".small";
    assertTrue(Patterns.INSTANCE_TYPE.matcher(longButWellFormed).matches());

    List<Diagnostic> diagnostics = validate(hub(List.of(List.of("10.0.0.0/24"))).replace("failback: false}", "failback: false, settings: {replication_server_instance_type: " + longButWellFormed + "}}"));

    assertEquals(1, withCode(diagnostics, "DRS090").size(), diagnostics.toString());
  }

  @Test
  void refusesAVersionConstraintTooLongToBeRealBeforeMatchingIt() {
    // Runs of spaces make the pattern quadratic (30,000 took 15 s).
    String longButWellFormed = ">= 1.5.0" + ", != 1.6.0".repeat(30);
    assertTrue(Patterns.VERSION_CONSTRAINT.matcher(longButWellFormed).matches());

    List<Diagnostic> diagnostics = validate("terraform:\n  required_version: \"" + longButWellFormed + "\"\n" + hub(List.of(List.of("10.0.0.0/24"))));

    assertEquals(1, withCode(diagnostics, "DRS050").size(), diagnostics.toString());
  }
}
