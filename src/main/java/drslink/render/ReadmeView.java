package drslink.render;

import drslink.plan.Guide;
import drslink.plan.Plan;
import drslink.plan.ProviderConfig;
import drslink.plan.ScannerSuppressions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The view of the generated README: the guide built from the plan, flattened into lists the template prints. */
final class ReadmeView {
  private final Plan plan;
  private final Guide guide;

  ReadmeView(Plan plan, Guide guide) {
    this.plan = plan;
    this.guide = guide;
  }

  Map<String, Object> view() {
    Guide g = guide;
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("name", plan.topologyName());
    view.put("source", plan.source());
    view.put("providers", plan.providers().stream().map(p -> "`aws." + p.alias() + "` (" + p.region() + (p.accountName() == null ? "" : ", account " + p.accountName()) + ")").toList());
    view.put("regions", g.regions().stream().map(ReadmeView::region).toList());
    view.put("links", g.links());
    view.put("templates", g.templates().stream().map(ReadmeView::template).toList());
    view.put("initializations", g.initializations().stream().map(ReadmeView::initialization).toList());
    view.put("installs", g.installs().stream().map(ReadmeView::install).toList());
    view.put("accountDuties", g.accountDuties());
    view.put("withoutFailback", g.replicationsWithoutFailback());
    view.put("crossAccount", g.usesCrossAccountAssociations());
    // Resources to create only; the VPC lookups are data sources and create nothing (ResourceCount).
    view.put("resourceCount", ResourceCount.of(plan).create());
    view.put("cost", cost(plan, guide));
    view.put("egress", egress(g));
    view.put("recoveries", g.recoveries().stream().map(ReadmeView::recovery).toList());
    view.put("suppressions", ScannerSuppressions.of(plan).stream().map(x -> Map.of("scanner", x.scanner(), "check", x.check(), "where", x.where(), "reason", x.reason())).toList());
    return view;
  }

  /** The cost block at the end of README.md.ftl: the same estimate as {@code drslink plan}. */
  private static Map<String, Object> cost(Plan plan, Guide guide) {
    drslink.cost.CostEstimate estimate = PlanReport.cost(plan, guide);
    List<Map<String, String>> lines = new ArrayList<>();
    for (drslink.cost.CostLine l : estimate.lines()) {
      lines.add(
          Map.of(
              "region", l.region(),
              "account", l.account() == null ? "the pipeline's" : l.account(),
              "what", l.what(),
              "basis", drslink.cost.CostFormat.basis(l),
              "monthly", l.usage() ? "per use" : drslink.cost.CostFormat.usd(l.monthly())));
    }
    return Map.of("checked", estimate.pricesChecked(), "lines", lines, "total", drslink.cost.CostFormat.usd(estimate.fixedTotal()));
  }

  private static Map<String, Object> region(Guide.RegionGuide r) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("region", r.region());
    view.put("endpointVpc", r.endpointVpc());
    view.put("zoneVpc", r.zoneVpc());
    view.put("drsZone", r.zoneNames().get(0));
    view.put("s3Zone", r.zoneNames().get(1));
    List<String> associated = new ArrayList<>();
    r.associationRoles().forEach((vpc, roles) -> associated.add("`" + vpc + "`" + (roles.isEmpty() ? "" : " (" + roles + ")")));
    view.put("associatedVpcs", associated);
    view.put("httpsCidrs", String.join(", ", r.httpsCidrs()));
    List<String> staging = new ArrayList<>();
    r.replicationCidrsByStagingVpc().forEach((vpc, cidrs) -> staging.add("`" + vpc + "`: TCP 1500 from " + String.join(", ", cidrs)));
    view.put("staging", staging);
    view.put("failbackOnly", r.failbackOnly());
    view.put("privateStaging", r.privateStaging());
    view.put("reusedStagingEndpoints", r.reusedStagingEndpoints());
    return view;
  }

  private static String account(ProviderConfig p) {
    return p.accountName() == null ? "the pipeline's account" : "account " + p.accountName() + " (" + p.accountId() + ")";
  }

  /**
   * Who initializes DRS: "AWS Elastic Disaster Recovery can only be initialized by the Admin user of your AWS Account"
   * (https://docs.aws.amazon.com/drs/latest/userguide/getting-started-initializing.html). Never the apply role, whose
   * policy has no drs:InitializeService (docs/iam.md).
   */
  private static String credentials(ProviderConfig p) {
    return (p.accountName() == null ? "the pipeline's account's" : "account " + p.accountName() + " (" + p.accountId() + ")") + " administrator credentials, not the apply role";
  }

  /** Who runs DRS operations (drills, failback): a person's or runbook's role, never the pipeline's apply role. */
  private static String operator(ProviderConfig p) {
    return (p.accountName() == null ? "the pipeline's account's" : "account " + p.accountName() + " (" + p.accountId() + ")") + " DRS operator credentials (not the apply role)";
  }

  private static Map<String, Object> template(Guide.TemplateGuide t) {
    Map<String, Object> view = new LinkedHashMap<>();
    ProviderConfig p = t.provider();
    view.put("title", p.region() + (p.accountName() == null ? "" : ", " + account(p)));
    String how;
    if (t.module() == null) {
      how = "Not managed by drslink (`manage_template: false`). The data path is private only once someone sets the values below on the region's template by hand.";
    } else if (t.existingTemplateId() != null) {
      how = "Adopted: the region's existing template `" + t.existingTemplateId() + "` is imported into `" + t.module() + "` (an `import` block in main.tf) and managed from then on.";
    } else {
      how = "Created by `" + t.module() + "`.";
    }
    view.put("how", how);
    view.put("manual", t.module() == null);
    view.put("region", p.region());
    view.put("stagingVpc", t.stagingVpc());
    view.put("stagingSubnet", t.stagingSubnet());
    view.put("groupKey", t.groupKey());
    view.put(
        "values",
        "data routing `PRIVATE_IP`, no public IP, `" + t.instanceType() + "` replication servers, EBS encryption " + t.ebsEncryption()
            + (t.ebsEncryptionKeyArn() == null ? "" : " with " + t.ebsEncryptionKeyArn())
            + ", " + (t.bandwidthThrottling() == 0 ? "no bandwidth limit" : "bandwidth limited to " + t.bandwidthThrottling() + " Mbps")
            + ", daily points kept " + t.pitRetentionDays() + " days");
    view.put("instanceType", t.instanceType());
    view.put("ebsEncryption", t.ebsEncryption());
    view.put("ebsKeyArn", t.ebsEncryptionKeyArn() == null ? "" : t.ebsEncryptionKeyArn());
    view.put("bandwidth", t.bandwidthThrottling());
    List<String> users = new ArrayList<>();
    t.replications().forEach(r -> users.add("`" + r + "`"));
    t.failbacks().forEach(r -> users.add("failback of `" + r + "`"));
    view.put("users", String.join(", ", users));
    List<Map<String, Object>> others = new ArrayList<>();
    for (Guide.OtherTarget o : t.otherTargets()) {
      others.add(Map.of("vpc", o.vpc(), "stagingSubnet", o.stagingSubnet(), "groupKey", o.groupKey()));
    }
    view.put("otherTargets", others);
    return view;
  }

  private static Map<String, Object> initialization(Guide.DrsInitialization i) {
    ProviderConfig p = i.provider();
    return Map.of("region", p.region(), "account", account(p), "credentials", credentials(p), "failbackOnly", i.failbackOnly());
  }

  private static Map<String, Object> install(Guide.AgentInstall i) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("source", i.source());
    view.put("registrar", i.registrar() == null ? "" : "credentials of " + account(i.registrar()));
    view.put("registrarAccount", i.registrar() == null ? "" : account(i.registrar()));
    view.put("registrarAccountId", i.registrar() == null || i.registrar().accountId() == null ? "" : i.registrar().accountId());
    view.put("sourceRegion", i.sourceRegion());
    view.put("sourceAccount", i.sourceAccount() == null || i.sourceAccount().accountName() == null ? "" : account(i.sourceAccount()));
    view.put("sourceAccountId", i.sourceAccount() == null || i.sourceAccount().accountId() == null ? "" : i.sourceAccount().accountId());
    view.put("instanceProfile", i.instanceProfile() == null ? "" : i.instanceProfile());
    view.put("installationRole", i.installationRoleArn() == null ? "" : i.installationRoleArn());
    view.put("targetRegion", i.targetRegion());
    view.put("endpointVpc", i.endpointVpc());
    view.put("drsHost", i.drsHost());
    view.put("s3Host", i.s3Host());
    view.put("linuxUrl", i.linuxInstallerUrl());
    view.put("windowsUrl", i.windowsInstallerUrl());
    Guide.OnPremInstall o = i.onPremises();
    view.put("onPremises", o != null);
    view.put("resolver", o != null && o.resolver());
    view.put("drsOutput", o == null ? "" : o.drsEndpointOutput());
    view.put("s3Output", o == null ? "" : o.s3EndpointOutput());
    view.put("resolverOutput", o == null ? "" : o.resolverOutput());
    view.put("networkCidrs", o == null ? "" : String.join(", ", o.cidrs()));
    view.put("recoveryGroup", o == null || o.recoveryGroupKey() == null ? "" : o.recoveryGroupKey());
    view.put("bucketName", "aws-elastic-disaster-recovery-" + i.targetRegion());
    view.put("bucketHost", i.linuxInstallerUrl().substring("https://".length(), i.linuxInstallerUrl().indexOf('/', "https://".length())));
    return view;
  }

  /**
   * One line per staging VPC (each template's and each other target's): replication servers have no public IP
   * and reach the EC2 API, DRS and S3 on 443, through a NAT or TGW default route unless staging_private gives
   * them endpoints (https://docs.aws.amazon.com/drs/latest/userguide/Network-Requirements.html).
   */
  private static List<String> egress(Guide g) {
    Map<String, List<String>> privateHubs = new java.util.TreeMap<>(); // hub -> the existing endpoints it reuses
    g.regions().stream().filter(Guide.RegionGuide::privateStaging).forEach(r -> privateHubs.put(r.endpointVpc(), r.reusedStagingEndpoints()));
    Map<String, Guide.RegionGuide> regions = new java.util.TreeMap<>();
    g.regions().forEach(r -> regions.put(r.region(), r));
    List<String> lines = new ArrayList<>();
    for (Guide.TemplateGuide t : g.templates()) {
      String where = " (" + t.provider().region() + (t.provider().accountName() == null ? "" : ", " + account(t.provider())) + ")";
      Guide.RegionGuide region = regions.get(t.provider().region());
      if (region != null && !resolvesZones(region, t.stagingVpc())) {
        // The failback landing of another account than the hub's: no zones reach it (docs/failback.md).
        lines.add(
            "`" + t.stagingSubnet() + "` of `" + t.stagingVpc() + "`" + where + ": needs a default route to a NAT gateway or a transit gateway with internet egress,"
                + " for DRS and S3 as well: `" + t.stagingVpc() + "` does not resolve the region's endpoints in `" + region.endpointVpc() + "`, which drslink associates only with"
                + " the VPCs that host or use them (`staging_private` cannot be set here).");
        continue;
      }
      lines.add(egressLine(t.stagingVpc(), t.stagingSubnet(), where, privateHubs.get(t.stagingVpc())));
      for (Guide.OtherTarget o : t.otherTargets()) {
        lines.add(egressLine(o.vpc(), o.stagingSubnet(), where, privateHubs.get(o.vpc())));
      }
    }
    return lines;
  }

  /** Whether the region's zones are associated with the VPC: created with it, associated with it, or it hosts the endpoints. */
  private static boolean resolvesZones(Guide.RegionGuide region, String vpc) {
    return vpc.equals(region.endpointVpc()) || vpc.equals(region.zoneVpc()) || region.associationRoles().containsKey(vpc);
  }

  /** {@code reused} is null outside staging_private, else the existing endpoints the VPC reuses (often none). */
  private static String egressLine(String vpc, String subnet, String where, List<String> reused) {
    if (reused != null && !reused.isEmpty()) {
      String created = reused.size() == 2 ? "" : reused.get(0).contains("EC2") ? "drslink adds the S3 gateway endpoint and reuses " : "drslink adds the EC2 interface endpoint and reuses ";
      return "`" + subnet + "` of `" + vpc + "`" + where + ": `staging_private: true`, " + (created.isEmpty() ? "drslink reuses " : created) + String.join(" and ", reused)
          + " (`existing_staging_endpoints`); no internet path needed.";
    }
    return reused != null
        ? "`" + subnet + "` of `" + vpc + "`" + where + ": `staging_private: true`, drslink adds EC2 and S3 endpoints; no internet path needed."
        : "`" + subnet + "` of `" + vpc + "`" + where + ": needs a default route to a NAT gateway or a transit gateway with internet egress (or set `staging_private: true` on the VPC hosting the region's endpoints).";
  }

  private static Map<String, Object> recovery(Guide.RecoveryLaunch r) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("replication", r.replication());
    view.put("targetVpc", r.targetVpc());
    view.put("region", r.region());
    view.put("account", account(r.provider()));
    view.put("sources", String.join(", ", r.sources().stream().map(n -> "`" + n + "`").toList()));
    view.put("subnet", r.subnet() == null ? "" : r.subnet());
    List<String> groups = new ArrayList<>(r.securityGroups().stream().map(sg -> "`" + sg + "`").toList());
    if (r.drsGroupKey() != null) {
      groups.add("drslink's recovery instance group (`recovery_security_groups`, key `" + r.drsGroupKey() + "`)");
    }
    view.put("groups", String.join(", ", groups));
    view.put("drsGroupKey", r.drsGroupKey() == null ? "" : r.drsGroupKey());
    view.put("templateData", r.subnet() == null ? "" : launchTemplateData(r));
    view.put("credentials", operator(r.provider()));
    List<Map<String, Object>> failback = new ArrayList<>();
    r.failbackTo().forEach((source, p) -> failback.add(Map.of("source", source, "region", p.region(), "credentials", operator(p))));
    view.put("failbackTo", failback);
    return view;
  }

  /**
   * The launch template data for one network interface in the recovery subnet. Shell-quoted in single quotes,
   * so drslink's recovery group is spliced in by closing and reopening the quotes around "$RECOVERY_SG".
   * Ids reach here validated (subnet-, sg- followed by hex digits), so they need no escaping.
   */
  static String launchTemplateData(Guide.RecoveryLaunch r) {
    List<String> groups = new ArrayList<>(r.securityGroups().stream().map(sg -> "\"" + sg + "\"").toList());
    if (r.drsGroupKey() != null) {
      groups.add("\"'\"$RECOVERY_SG\"'\"");
    }
    return "{\"NetworkInterfaces\":[{\"DeviceIndex\":0,\"SubnetId\":\"" + r.subnet() + "\""
        + (groups.isEmpty() ? "" : ",\"Groups\":[" + String.join(",", groups) + "]") + "}]}";
  }
}
