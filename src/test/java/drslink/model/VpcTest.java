package drslink.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import drslink.diag.SourceLocation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A VPC is the same VPC by its name, whatever else two readings of it hold (Vpc#equals). */
class VpcTest {
  private static final SourceLocation AT = new SourceLocation("t.yaml", 3, 5);

  private static Vpc vpc(String name, String id, String cidr, int line) {
    SourceLocation at = new SourceLocation("t.yaml", line, 5);
    return new Vpc(
        new Located<>(name, at), "ap-northeast-3", new Located<>(id, at), List.of(new Located<>(cidr, at)),
        null, List.of(), List.of(), null, null, null, at);
  }

  @Test
  void equalByNameAlone() {
    Vpc a = vpc("dr", "vpc-0a", "10.1.0.0/16", 3);
    Vpc sameName = vpc("dr", "vpc-0b", "10.9.0.0/16", 30);
    assertEquals(a, sameName);
    assertEquals(a.hashCode(), sameName.hashCode());
    assertNotEquals(a, vpc("app", "vpc-0a", "10.1.0.0/16", 3));
    assertNotEquals(a, new Located<>("dr", AT));
  }

  @Test
  void aCopyFromItsComponentsIsEqual() {
    Vpc a = vpc("dr", "vpc-0a", "10.1.0.0/16", 3);
    Vpc copy =
        new Vpc(a.name(), a.region(), a.id(), a.cidrs(), a.account(), a.routeTableIds(), a.endpointSubnetIds(),
            a.stagingSubnetId(), a.stagingPrivate(), a.existingStagingEndpoints(), a.at());
    assertEquals(a, copy);
  }
}
