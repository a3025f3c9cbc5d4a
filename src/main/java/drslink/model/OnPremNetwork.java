package drslink.model;

import drslink.diag.SourceLocation;
import java.util.List;

/**
 * A network outside AWS whose servers replicate over Direct Connect or VPN (topology.md, "On-premises
 * sources"). {@code dns} and {@code failbackClientCidrs} are null / empty when the file leaves them out;
 * the accessors give the contract's defaults.
 */
public record OnPremNetwork(
    Located<String> name,
    List<Located<String>> cidrs,
    Located<String> dns,
    List<Located<String>> failbackClientCidrs,
    SourceLocation at) implements ReplicationSource {

  public static final String AGENT_FLAGS = "agent_flags";
  public static final String RESOLVER_INBOUND = "resolver_inbound";
  public static final List<String> DNS_MODES = List.of(AGENT_FLAGS, RESOLVER_INBOUND);

  public OnPremNetwork {
    cidrs = List.copyOf(cidrs);
    failbackClientCidrs = List.copyOf(failbackClientCidrs);
  }

  public String nameValue() {
    return name.value();
  }

  public List<String> cidrValues() {
    return cidrs.stream().map(Located::value).toList();
  }

  public String dnsMode() {
    return dns == null ? AGENT_FLAGS : dns.value();
  }

  public boolean usesResolver() {
    return RESOLVER_INBOUND.equals(dnsMode());
  }

  /** Where the DRS Failback Client boots: {@code failback_client_cidrs}, else the network's own CIDRs. */
  public List<String> failbackClientCidrValues() {
    return failbackClientCidrs.isEmpty() ? cidrValues() : failbackClientCidrs.stream().map(Located::value).toList();
  }
}
