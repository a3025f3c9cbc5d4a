package drslink.plan;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What the generated README explains, decided by the planner. */
public record Guide(
    List<RegionGuide> regions,
    List<AgentInstall> installs,
    List<String> links,
    List<Link> linkEdges,
    List<String> accountDuties,
    List<String> replicationsWithoutFailback,
    boolean usesCrossAccountAssociations) {

  public Guide {
    regions = List.copyOf(regions);
    installs = List.copyOf(installs);
    links = List.copyOf(links);
    linkEdges = List.copyOf(linkEdges);
    accountDuties = List.copyOf(accountDuties);
    replicationsWithoutFailback = List.copyOf(replicationsWithoutFailback);
  }

  /** A connectivity entry as an edge of the diagram; {@code type} is the YAML word. */
  public record Link(String from, String to, String type) {}

  /**
   * One region that receives replication (or failback): where its endpoints are and who resolves through its
   * zones. {@code associationRoles}: each VPC associated with the zones besides {@code zoneVpc}, and why
   * ("source of a, b; failback of c").
   */
  public record RegionGuide(
      String region,
      String endpointVpc,
      String zoneVpc,
      List<String> zoneNames,
      Map<String, String> associationRoles,
      List<String> httpsCidrs,
      Map<String, List<String>> replicationCidrsByStagingVpc,
      boolean failbackOnly,
      boolean privateStaging) {
    public RegionGuide {
      zoneNames = List.copyOf(zoneNames);
      associationRoles = Collections.unmodifiableMap(new TreeMap<>(associationRoles));
      httpsCidrs = List.copyOf(httpsCidrs);
      replicationCidrsByStagingVpc = Collections.unmodifiableMap(new TreeMap<>(replicationCidrsByStagingVpc));
    }

    /** The VPCs associated with the zones besides the one they are created with, sorted by name. */
    public List<String> associatedVpcs() {
      return List.copyOf(associationRoles.keySet());
    }
  }

  /** How servers in one source VPC install the agent for one target region, and what to check. */
  public record AgentInstall(String sourceVpc, String sourceRegion, String targetRegion, String endpointVpc, String drsHost, String s3Host, String linuxInstallerUrl, String windowsInstallerUrl) {}
}
