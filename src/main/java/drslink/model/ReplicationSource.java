package drslink.model;

import java.util.List;

/** What a replication reads from: a VPC, or an on-premises network reached over Direct Connect or VPN. */
public sealed interface ReplicationSource permits Vpc, OnPremNetwork {
  String nameValue();

  /** The addresses replicated data and agent traffic come from. */
  List<String> cidrValues();
}
