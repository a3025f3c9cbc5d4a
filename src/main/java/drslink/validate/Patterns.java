package drslink.validate;

import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The strict shapes of names and ids. Names become Terraform labels and file names, so they stay narrow. */
public final class Patterns {
  public static final Pattern TOPOLOGY_NAME = Pattern.compile("[a-z][a-z0-9-]{0,38}[a-z0-9]");
  public static final Pattern VPC_NAME = Pattern.compile("[a-z][a-z0-9-]{0,30}");
  public static final Pattern ACCOUNT_NAME = VPC_NAME;
  public static final Pattern REPLICATION_NAME = Pattern.compile("[a-z][a-z0-9-]{0,62}");
  public static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
  public static final Pattern ROLE_ARN = Pattern.compile("arn:(aws|aws-us-gov):iam::(\\d{12}):role/[A-Za-z0-9+=,.@_/-]{1,512}");
  public static final Pattern KMS_KEY_ARN = Pattern.compile("arn:(aws|aws-us-gov):kms:([a-z0-9-]+):(\\d{12}):key/[A-Za-z0-9-]{1,128}");
  public static final Pattern INSTANCE_TYPE = Pattern.compile("[a-z][a-z0-9-]*[0-9][a-z0-9-]*\\.[a-z0-9]{1,16}");
  /** DRS API reference, ReplicationConfigurationTemplate: replicationConfigurationTemplateID "^rct-[0-9a-zA-Z]{17}$". */
  public static final Pattern TEMPLATE_ID = Pattern.compile("rct-[0-9a-zA-Z]{17}");
  public static final Pattern VERSION_CONSTRAINT =
      Pattern.compile("\\s*(!=|>=|<=|~>|=|>|<)?\\s*v?\\d+(\\.\\d+){0,2}(-[0-9A-Za-z.]+)?\\s*(,\\s*(!=|>=|<=|~>|=|>|<)?\\s*v?\\d+(\\.\\d+){0,2}(-[0-9A-Za-z.]+)?\\s*)*");

  private Patterns() {}

  /** Compiled once, not once per id checked: a large file has thousands of ids. */
  private static final Map<String, Pattern> AWS_IDS =
      Stream.of("vpc", "subnet", "rtb", "tgw", "tgw-rtb", "tgw-attach").collect(Collectors.toUnmodifiableMap(p -> p, Patterns::compileAwsId));

  /** AWS resource ids: a prefix and 8 or 17 lowercase hex digits. */
  public static Pattern awsId(String prefix) {
    Pattern known = AWS_IDS.get(prefix);
    return known != null ? known : compileAwsId(prefix);
  }

  private static Pattern compileAwsId(String prefix) {
    return Pattern.compile(Pattern.quote(prefix) + "-([0-9a-f]{8}|[0-9a-f]{17})");
  }

  public static String idExample(String prefix) {
    return prefix + "-0123456789abcdef0";
  }
}
