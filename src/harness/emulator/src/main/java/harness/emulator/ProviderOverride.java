package harness.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The test-only provider settings: an override file beside a generated root, and the environment
 * that sends the provider's calls to the emulator.
 *
 * <p>Terraform merges a provider block in a {@code *_override.tf} file into the provider block with
 * the same name and alias, so every aliased provider of the generated root keeps its region and
 * {@code assume_role} and gains static keys and the skip flags. The generated code itself never
 * contains an endpoint: that is asserted separately.
 *
 * <p>The endpoints go in the environment ({@link #environment}), not in an {@code endpoints} block:
 * the provider validates a set-nested {@code endpoints} block in time quadratic in its ~270
 * arguments, on every provider process (it renders the whole block into each argument's path), which
 * delayed each process by about 1.8 s and was two thirds of the provider's CPU in drslink's e2e suite. The
 * service-specific variables reach the same clients (the provider's guide "Custom Service Endpoint
 * Configuration": {@code AWS_ENDPOINT_URL_<SERVICE>}, after endpoints set on the provider and
 * before the global {@code AWS_ENDPOINT_URL}), every provider process of a command inherits them, and
 * a service without one still goes to its AWS host, which the {@link EgressGuard} closes.
 */
public final class ProviderOverride {

  public static final String FILE_NAME = "zz_test_override.tf";

  /**
   * Every service a generated root may call, by the provider's endpoint name, with the SDK variable
   * that sends it to the emulator (the provider's guide, table "Available Endpoint Customizations":
   * the serviceID upper-cased, spaces as underscores). {@code route53resolver} is the inbound endpoint
   * of on-premises sources; {@code drs} is answered by the DRS stand-in moto_e2e.py wraps around
   * moto (drs_standin.py); {@code iam} and {@code sts} give the provider its account id.
   */
  public static final Map<String, String> ENDPOINT_VARIABLES =
      orderedMap(
          "ec2", "AWS_ENDPOINT_URL_EC2",
          "route53", "AWS_ENDPOINT_URL_ROUTE_53",
          "route53resolver", "AWS_ENDPOINT_URL_ROUTE53RESOLVER",
          "sts", "AWS_ENDPOINT_URL_STS",
          "s3", "AWS_ENDPOINT_URL_S3",
          "drs", "AWS_ENDPOINT_URL_DRS",
          "iam", "AWS_ENDPOINT_URL_IAM");

  private static final Pattern PROVIDER_AWS = Pattern.compile("provider\\s+\"aws\"\\s*\\{");
  private static final Pattern ALIAS = Pattern.compile("(?m)^\\s*alias\\s*=\\s*\"([^\"]+)\"");

  /** A {@code provider "aws"} block found in a .tf file; alias "" for the default one. */
  public record ProviderBlock(Path file, String alias, String body) {}

  private ProviderOverride() {}

  /**
   * The environment of every tofu or terraform command on the emulator: each of {@link
   * #ENDPOINT_VARIABLES} set to {@code motoEndpoint}. Pass it to the command's options together with
   * {@link EgressGuard#environment}.
   */
  public static Map<String, String> environment(String motoEndpoint) {
    Map<String, String> env = new LinkedHashMap<>();
    ENDPOINT_VARIABLES.values().forEach(v -> env.put(v, motoEndpoint));
    return Collections.unmodifiableMap(env);
  }

  /** Writes the override for every provider block of the root and returns the aliases covered. */
  public static List<String> write(Path root) {
    List<ProviderBlock> blocks = providerBlocks(root);
    if (blocks.isEmpty()) {
      throw new IllegalStateException("no provider \"aws\" block in " + root);
    }
    StringBuilder b = new StringBuilder();
    b.append("# Written by the emulator harness (ProviderOverride). Test only: static keys and no\n");
    b.append("# instance metadata; the endpoints come from the environment. Never part of a generated root.\n");
    List<String> aliases = new ArrayList<>();
    for (ProviderBlock p : blocks) {
      aliases.add(p.alias());
      b.append(render(p.alias()));
    }
    try {
      Files.writeString(root.resolve(FILE_NAME), b.toString(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return aliases;
  }

  /** The override block of one provider configuration. */
  public static String render(String alias) {
    StringBuilder b = new StringBuilder();
    b.append("\nprovider \"aws\" {\n");
    if (!alias.isEmpty()) {
      b.append("  alias                       = \"").append(alias).append("\"\n");
    }
    b.append("  access_key                  = \"test\"\n");
    b.append("  secret_key                  = \"test\"\n");
    b.append("  skip_credentials_validation = true\n");
    // Mandatory: 169.254.169.254 must never be asked.
    b.append("  skip_metadata_api_check     = true\n");
    b.append("  skip_region_validation      = true\n");
    // The account id comes from moto's STS. Without it the provider writes a referenced security group
    // as "<account>/sg-..." and every second plan of a rule that references one shows a change.
    b.append("  skip_requesting_account_id  = false\n");
    b.append("  s3_use_path_style           = true\n");
    b.append("}\n");
    return b.toString();
  }

  private static Map<String, String> orderedMap(String... keysAndValues) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return Collections.unmodifiableMap(m);
  }

  /** Every {@code provider "aws"} block in the root's own .tf files (not the override). */
  public static List<ProviderBlock> providerBlocks(Path root) {
    List<ProviderBlock> out = new ArrayList<>();
    for (Path f : tfFiles(root, false)) {
      if (f.getFileName().toString().endsWith("_override.tf")) {
        continue;
      }
      out.addAll(providerBlocksIn(f));
    }
    return out;
  }

  public static List<ProviderBlock> providerBlocksIn(Path f) {
    String text = stripComments(read(f));
    List<ProviderBlock> out = new ArrayList<>();
    Matcher m = PROVIDER_AWS.matcher(text);
    while (m.find()) {
      int open = m.end() - 1;
      int close = matchingBrace(text, open);
      String body = text.substring(open + 1, close);
      Matcher a = ALIAS.matcher(topLevel(body));
      out.add(new ProviderBlock(f, a.find() ? a.group(1) : "", body));
    }
    return out;
  }

  /** .tf files of a root; with {@code recursive}, its modules too. */
  public static List<Path> tfFiles(Path root, boolean recursive) {
    try (Stream<Path> s = recursive ? Files.walk(root) : Files.list(root)) {
      return s.filter(p -> p.toString().endsWith(".tf") && Files.isRegularFile(p))
          .filter(p -> !p.toString().contains("/.terraform/"))
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String read(Path f) {
    try {
      return Files.readString(f, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** HCL text without {@code #}, {@code //} and block comments (string contents are kept). */
  public static String stripComments(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    boolean inString = false;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (inString) {
        out.append(c);
        if (c == '\\' && i + 1 < text.length()) {
          out.append(text.charAt(i + 1));
          i += 2;
          continue;
        }
        if (c == '"') {
          inString = false;
        }
        i++;
      } else if (c == '"') {
        inString = true;
        out.append(c);
        i++;
      } else if (c == '#' || (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/')) {
        while (i < text.length() && text.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
        int end = text.indexOf("*/", i + 2);
        i = end < 0 ? text.length() : end + 2;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static int matchingBrace(String text, int open) {
    int depth = 0;
    boolean inString = false;
    for (int i = open; i < text.length(); i++) {
      char c = text.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '{') {
        depth++;
      } else if (c == '}') {
        depth--;
        if (depth == 0) {
          return i;
        }
      }
    }
    throw new IllegalStateException("unbalanced braces after offset " + open);
  }

  /** The body with nested blocks removed, so an {@code alias} inside them is not mistaken. */
  private static String topLevel(String body) {
    StringBuilder out = new StringBuilder();
    int depth = 0;
    for (char c : body.toCharArray()) {
      if (c == '{') {
        depth++;
      } else if (c == '}') {
        depth--;
      } else if (depth == 0) {
        out.append(c);
      }
    }
    return out.toString();
  }
}
