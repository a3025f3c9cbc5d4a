package drslink.iam;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import drslink.model.AwsRegions;
import drslink.plan.ModuleCall;
import drslink.plan.Plan;
import drslink.plan.PlannedResource;
import drslink.plan.ProviderConfig;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Least-privilege IAM for a finished plan, per account: the apply role's policy (the actions {@link ProviderActions}
 * lists for every resource and data source type the account's providers handle), the trust policy that lets the
 * pipeline assume it, and the read-only policy of preflight and verify ({@link LiveReadActions}). What is scoped and
 * what is "*", and why, is in docs/iam.md.
 */
public final class IamPolicies {
  /** The account of a topology without {@code accounts:}: the pipeline's own. */
  public static final String IMPLICIT_ACCOUNT = "default";

  /** The principal the user puts in the trust policy; AWS refuses the document until it is replaced. */
  public static final String PRINCIPAL_PLACEHOLDER = "arn:%s:iam::<PIPELINE_ACCOUNT_ID>:role/<PIPELINE_ROLE_NAME>";

  /**
   * Services whose calls carry no region of the topology: Route 53 and IAM are global (signed in us-east-1 or the
   * partition's global region, https://docs.aws.amazon.com/general/latest/gr/r53.html), STS is reached through any
   * endpoint. ec2:DescribeVpcs is also asked for by Route 53 itself when a private zone or association names a VPC, in
   * the global region, so it stays unconditioned. Every other action is limited with aws:RequestedRegion
   * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-requestedregion).
   */
  private static final Set<String> GLOBAL_SERVICES = Set.of("route53", "sts", "iam");

  private static final Set<String> GLOBAL_ACTIONS = Set.of("ec2:DescribeVpcs");

  /** DRS's service-linked role (https://docs.aws.amazon.com/drs/latest/userguide/using-service-linked-roles.html). */
  static final String DRS_SERVICE_LINKED_ROLE = "role/aws-service-role/drs.amazonaws.com/AWSServiceRoleForElasticDisasterRecovery";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private IamPolicies() {}

  /** One entry per account the plan's providers use, in the order of account names. */
  public static List<AccountPolicies> of(Plan plan) {
    Map<String, Account> accounts = new TreeMap<>();
    Map<String, ProviderConfig> byAlias = new LinkedHashMap<>();
    for (ProviderConfig p : plan.providers()) {
      byAlias.put(p.alias(), p);
      Account a = accounts.computeIfAbsent(name(p.accountName()), k -> new Account(p.accountId(), partitionOf(p.region())));
      a.topologyName = plan.topologyName();
      a.regions.add(p.region());
      a.actions.addAll(ProviderActions.PROVIDER_CONFIGURATION.actions());
    }
    for (PlannedResource r : plan.resources()) {
      String type = r.address().startsWith("data.") ? "data." + r.type() : r.type();
      account(accounts, r.account()).actions.addAll(ProviderActions.of(type).actions());
    }
    for (ModuleCall m : plan.modules()) {
      for (String data : ProviderActions.MODULE_DATA_SOURCES.getOrDefault(m.module(), List.of())) {
        for (Map.Entry<String, String> passed : m.providers()) {
          ProviderConfig p = Objects.requireNonNull(byAlias.get(passed.getValue().substring("aws.".length())), passed.getValue());
          account(accounts, p.accountName()).actions.addAll(ProviderActions.of(data).actions());
        }
      }
    }
    List<AccountPolicies> out = new ArrayList<>();
    accounts.forEach((name, a) -> out.add(new AccountPolicies(name, a.id, apply(a), trust(a), readOnly(a))));
    return out;
  }

  private static String name(String accountName) {
    return accountName == null ? IMPLICIT_ACCOUNT : accountName;
  }

  private static Account account(Map<String, Account> accounts, String accountName) {
    return Objects.requireNonNull(accounts.get(name(accountName)), () -> "no provider for account " + accountName);
  }

  /**
   * The partition of a region's ARNs (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html), from
   * model/Partition, the one home of partitions. The plan holds only regions validation accepted.
   */
  static String partitionOf(String region) {
    return AwsRegions.partition(region).id();
  }

  private static ObjectNode apply(Account a) {
    ObjectNode doc = document();
    ArrayNode statements = doc.putArray("Statement");
    byService(a.actions).forEach((service, actions) -> addStatements(statements, a, service, actions, "Apply"));
    if (a.actions.stream().anyMatch(x -> x.startsWith("drs:"))) {
      // DRS creates its service-linked role for the caller on first use in an account; only that role, for DRS.
      ObjectNode s = statement(statements, "DrsServiceLinkedRole", List.of("iam:CreateServiceLinkedRole"));
      s.put("Resource", "arn:" + a.partition + ":iam::" + (a.id == null ? "*" : a.id) + ":" + DRS_SERVICE_LINKED_ROLE);
      s.putObject("Condition").putObject("StringEquals").put("iam:AWSServiceName", "drs.amazonaws.com");
    }
    return doc;
  }

  private static ObjectNode readOnly(Account a) {
    ObjectNode doc = document();
    ArrayNode statements = doc.putArray("Statement");
    byService(new TreeSet<>(LiveReadActions.ACTIONS)).forEach((service, actions) -> addStatements(statements, a, service, actions, "Read"));
    return doc;
  }

  private static ObjectNode trust(Account a) {
    ObjectNode doc = document();
    ObjectNode s = doc.putArray("Statement").addObject();
    s.put("Sid", "PipelineAssumesRole");
    s.put("Effect", "Allow");
    s.putObject("Principal").put("AWS", String.format(PRINCIPAL_PLACEHOLDER, a.partition));
    s.put("Action", "sts:AssumeRole");
    return doc;
  }

  /** Region-bound actions get aws:RequestedRegion; Route 53's GetChange is the one action scoped by ARN. */
  private static void addStatements(ArrayNode statements, Account a, String service, Set<String> actions, String purpose) {
    String sid = purpose + capitalize(service);
    List<String> regional = actions.stream().filter(x -> !GLOBAL_SERVICES.contains(service) && !GLOBAL_ACTIONS.contains(x)).toList();
    List<String> global = actions.stream().filter(x -> !regional.contains(x)).toList();
    if (service.equals("route53")) {
      // Changes are named by id only after a change is made, but they always live under change/
      // (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonroute53.html).
      List<String> changes = global.stream().filter(x -> x.equals("route53:GetChange")).toList();
      global = global.stream().filter(x -> !changes.contains(x)).toList();
      if (!changes.isEmpty()) {
        statement(statements, sid + "Changes", changes).put("Resource", "arn:" + a.partition + ":route53:::change/*");
      }
    }
    if (!regional.isEmpty()) {
      ObjectNode s = statement(statements, sid + "InTopologyRegions", regional);
      s.put("Resource", "*");
      ArrayNode regions = s.putObject("Condition").putObject("StringEquals").putArray("aws:RequestedRegion");
      a.regions.forEach(regions::add);
    }
    if (!global.isEmpty() && service.equals("iam")) {
      // Only the DRS agent roles and instance profile of this root: their names are this topology's
      // (drslink.plan.AgentRolePlanner), so the ARNs are known before apply
      // (https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsidentityandaccessmanagementiam.html).
      ArrayNode resources = statement(statements, sid, global).putArray("Resource");
      String arn = "arn:" + a.partition + ":iam::" + (a.id == null ? "*" : a.id) + ":";
      resources.add(arn + "instance-profile/" + a.topologyName + "-drs-agent-*");
      resources.add(arn + "role/" + a.topologyName + "-drs-agent-*");
    } else if (!global.isEmpty()) {
      statement(statements, sid + (regional.isEmpty() ? "" : "Global"), global).put("Resource", "*");
    }
  }

  private static ObjectNode statement(ArrayNode statements, String sid, List<String> actions) {
    ObjectNode s = statements.addObject();
    s.put("Sid", sid);
    s.put("Effect", "Allow");
    ArrayNode list = s.putArray("Action");
    actions.forEach(list::add);
    return s;
  }

  private static ObjectNode document() {
    ObjectNode doc = NODES.objectNode();
    doc.put("Version", "2012-10-17");
    return doc;
  }

  private static Map<String, Set<String>> byService(Set<String> actions) {
    Map<String, Set<String>> out = new TreeMap<>();
    actions.forEach(x -> out.computeIfAbsent(x.substring(0, x.indexOf(':')), k -> new TreeSet<>()).add(x));
    return out;
  }

  private static String capitalize(String service) {
    return switch (service) {
      case "ec2" -> "Ec2";
      case "route53" -> "Route53";
      case "route53resolver" -> "Route53Resolver";
      case "drs" -> "Drs";
      case "sts" -> "Sts";
      default -> Character.toUpperCase(service.charAt(0)) + service.substring(1);
    };
  }

  /** A policy document as written to iam/: two-space indent, one item a line, LF, a final newline. */
  public static String text(ObjectNode document) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = PolicyWriter.JSON.createGenerator(out)) {
      g.setPrettyPrinter(PolicyWriter.printer());
      PolicyWriter.write(document, g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out + "\n";
  }

  /**
   * Prints a document with jackson-core's generator alone. An {@code ObjectMapper} would print the same text, but
   * building the first one costs a short run about 25 ms of its critical path (docs/performance.md), and a policy
   * holds only objects, arrays and strings.
   */
  private static final class PolicyWriter {
    static final JsonFactory JSON = new JsonFactory();

    static DefaultPrettyPrinter printer() {
      DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
      DefaultPrettyPrinter printer =
          new DefaultPrettyPrinter()
              .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER).withArrayEmptySeparator("").withObjectEmptySeparator(""));
      printer.indentArraysWith(indenter);
      printer.indentObjectsWith(indenter);
      return printer;
    }

    static void write(JsonNode node, JsonGenerator g) throws IOException {
      switch (node.getNodeType()) {
        case OBJECT -> {
          g.writeStartObject();
          for (Map.Entry<String, JsonNode> field : node.properties()) {
            g.writeFieldName(field.getKey());
            write(field.getValue(), g);
          }
          g.writeEndObject();
        }
        case ARRAY -> {
          g.writeStartArray();
          for (JsonNode item : node) {
            write(item, g);
          }
          g.writeEndArray();
        }
        case STRING -> g.writeString(node.textValue());
        case BOOLEAN -> g.writeBoolean(node.booleanValue());
        default -> throw new IllegalStateException("a policy document holds objects, arrays, strings and booleans, not " + node.getNodeType());
      }
    }
  }

  /** What one account's providers touch, collected from the plan. */
  private static final class Account {
    final String id;
    final String partition;
    String topologyName;
    final Set<String> regions = new TreeSet<>();
    final Set<String> actions = new TreeSet<>();

    Account(String id, String partition) {
      this.id = id;
      this.partition = partition;
    }
  }
}
