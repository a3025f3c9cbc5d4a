package drslink.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrafficTest {
  private static Cloud.NetworkAcl acl(Cloud.AclEntry... entries) {
    return new Cloud.NetworkAcl("acl-1", "vpc-1", false, List.of(), List.of(entries));
  }

  @Test
  void firstMatchingRuleDecidesInNumberOrder() {
    var allow = new Cloud.AclEntry(200, false, "-1", 0, 65535, "0.0.0.0/0", true);
    var deny = new Cloud.AclEntry(100, false, "6", 1500, 1500, "10.10.0.0/16", false);
    assertEquals(100, Traffic.blockingRule(acl(allow, deny), false, 1500, 1500, "10.10.0.0/16").orElseThrow().ruleNumber());
    assertTrue(Traffic.blockingRule(acl(allow, deny), false, 443, 443, "10.10.0.0/16").isEmpty());
  }

  @Test
  void denyForPartOfTheSourceRangeBlocks() {
    var deny = new Cloud.AclEntry(50, false, "6", 1500, 1500, "10.10.5.0/24", false);
    var allow = new Cloud.AclEntry(100, false, "-1", 0, 65535, "0.0.0.0/0", true);
    assertTrue(Traffic.blockingRule(acl(deny, allow), false, 1500, 1500, "10.10.0.0/16").isPresent());
  }

  @Test
  void withoutAnAllowTheFinalRuleDenies() {
    var other = new Cloud.AclEntry(100, true, "6", 443, 443, "0.0.0.0/0", true);
    assertEquals(32767, Traffic.blockingRule(acl(other), true, 1024, 65535, "10.10.0.0/16").orElseThrow().ruleNumber());
    assertEquals("rule * (deny all 0.0.0.0/0)", Traffic.describe(Traffic.blockingRule(acl(other), true, 1024, 65535, "10.10.0.0/16").orElseThrow()));
  }

  @Test
  void longestPrefixWinsAndMustBePrivate() {
    var table = new Cloud.RouteTable("rtb-1", "vpc-1", false, List.of(),
        List.of(new Cloud.Route("0.0.0.0/0", "igw-1", "active"), new Cloud.Route("10.20.0.0/16", "pcx-1", "active"), new Cloud.Route("10.20.2.0/24", "pcx-2", "blackhole")));
    assertEquals("pcx-1", Traffic.route(table, "10.20.1.0/24").orElseThrow().target());
    assertFalse(Traffic.privateAndActive(Traffic.route(table, "10.20.2.0/24").orElseThrow()));
    assertFalse(Traffic.privateAndActive(Traffic.route(table, "10.30.0.0/24").orElseThrow()));
  }

  @Test
  void securityGroupMustCoverPortAndWholeCidr() {
    var g = new Cloud.SecurityGroup("sg-1", "vpc-1", "g", java.util.Map.of(), List.of(new Cloud.Permission("tcp", 1500, 1500, "10.10.0.0/17")));
    assertFalse(Traffic.admits(g, 1500, "10.10.0.0/16"));
    assertTrue(Traffic.admits(g, 1500, "10.10.0.0/24"));
    assertFalse(Traffic.admits(g, 443, "10.10.0.0/24"));
  }

  @Test
  void subnetWithoutAssociationUsesTheMainTable() {
    var main = new Cloud.RouteTable("rtb-main", "vpc-1", true, List.of(), List.of());
    var own = new Cloud.RouteTable("rtb-own", "vpc-1", false, List.of("subnet-1"), List.of());
    assertEquals("rtb-own", Traffic.tableOf("subnet-1", List.of(main, own)).orElseThrow().id());
    assertEquals("rtb-main", Traffic.tableOf("subnet-2", List.of(main, own)).orElseThrow().id());
  }
}
