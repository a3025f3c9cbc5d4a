package drslink.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class Ipv4CidrTest {
  private static Ipv4Cidr cidr(String text) {
    return Ipv4Cidr.parse(text).orElseThrow(() -> new AssertionError("not parsed: " + text));
  }

  @Test
  void parsesAddressAndPrefix() {
    Ipv4Cidr c = cidr("10.20.0.0/16");
    assertEquals((10L << 24) | (20L << 16), c.network());
    assertEquals(16, c.prefix());
    assertEquals("10.20.0.0/16", c.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.0.0.0/0", "255.255.255.255/32", "192.168.1.128/25", "172.16.0.0/12"})
  void printsWhatItParsed(String text) {
    assertEquals(text, cidr(text).toString());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "10.10.0.0", "10.300.0.0/16", "10.10.0.0/33", "10.10.0/16", "10.10.0.0.0/16", "fd00::/48", " 10.10.0.0/16",
        "10.10.0.0/16 ", "10.10.0.0/", "/16", "", "ten.ten.0.0/16", "10.10.0.0/-1", "10.10.0.0/1a",
        // Leading zeros: Go's net.ParseCIDR (the AWS provider's validation) refuses them; some tools read octal.
        "010.10.0.0/16", "10.010.0.0/16", "10.10.0.00/16", "10.10.0.0/08", "10.10.0.0/016"
      })
  void refusesWhatIsNotAnIpv4Cidr(String text) {
    assertEquals(Optional.empty(), Ipv4Cidr.parse(text));
  }

  @Test
  void keepsHostBitsSoTheyCanBeReported() {
    Ipv4Cidr c = cidr("10.10.1.0/16");
    assertTrue(c.hasHostBits());
    assertEquals("10.10.0.0/16", c.canonical().toString());
    assertEquals("10.10.1.0/16", c.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"10.10.0.0/16", "10.10.0.4/30", "10.10.0.1/32", "0.0.0.0/0"})
  void seesNoHostBitsInANetworkAddress(String text) {
    assertFalse(cidr(text).hasHostBits());
    assertEquals(cidr(text), cidr(text).canonical());
  }

  @ParameterizedTest
  @ValueSource(strings = {"10.10.0.1/31", "1.0.0.0/0", "10.10.0.128/24"})
  void seesHostBits(String text) {
    assertTrue(cidr(text).hasHostBits());
  }

  @ParameterizedTest(name = "{0} and {1} overlap: {2}")
  @CsvSource({
    "10.10.0.0/16, 10.10.0.0/16, true",
    "10.10.0.0/16, 10.10.128.0/17, true",
    "10.10.255.0/24, 10.10.0.0/16, true",
    "10.0.0.0/8, 10.200.3.0/24, true",
    "0.0.0.0/0, 192.168.0.0/16, true",
    "10.10.0.0/16, 10.11.0.0/16, false",
    "10.10.0.0/17, 10.10.128.0/17, false",
    "10.20.0.0/16, 172.16.0.0/12, false",
    "10.10.0.0/28, 10.10.0.16/28, false"
  })
  void overlapsWhenOneBlockContainsTheOther(String a, String b, boolean expected) {
    assertEquals(expected, cidr(a).overlaps(cidr(b)));
    assertEquals(expected, cidr(b).overlaps(cidr(a)), "symmetric");
  }

  @Test
  void comparesOnTheNetworkNotTheHostBits() {
    // 10.10.1.0/16 is the block 10.10.0.0/16 with host bits written; it still overlaps that block.
    assertTrue(cidr("10.10.1.0/16").overlaps(cidr("10.10.200.0/24")));
  }
}
