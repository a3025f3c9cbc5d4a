package drslink.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import drslink.live.ReadOnlyGuard;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The read-only policy lists exactly the operations preflight and verify call. The calls are found in the live
 * sources, not listed by hand: every method of an SDK client the sources import (Ec2Client, Route53Client, ...) that
 * the sources call, named as its operation (describeSubnetsPaginator is DescribeSubnets), and every operation the
 * sources hand to ReadOnlyGuard.check themselves (the hand-signed DRS read). A call added to drslink.live without its
 * permission in LiveReadActions fails here.
 */
class LiveReadActionsTest {
  private static final Path LIVE = Path.of("src/main/java/drslink/live");
  private static final Pattern CLIENT_IMPORT = Pattern.compile("import software\\.amazon\\.awssdk\\.services\\.([a-z0-9]+)\\.([A-Za-z0-9]+Client);");
  private static final Pattern CALL = Pattern.compile("\\.([a-z][A-Za-z0-9]*)\\(");
  /** A hand-signed read (SignedPost.call) naming its service and its operation: a literal, a constant, or its caller's. */
  private static final Pattern GUARD_CHECK = Pattern.compile("SignedPost\\.call\\(aws,\\s*place,\\s*\"([a-z0-9]+)\",\\s*(\"[A-Za-z]+\"|[A-Z_]+|operation)\\b");
  /** Where a reader passes {@code operation} through, the operations its own {@code call(place, "Op", ...)} lines name. */
  private static final Pattern PASSED_OPERATION = Pattern.compile("\\bcall\\(place,\\s*\"([A-Za-z]+)\"");

  /** service package (ec2, route53, sts, ...) to its client interface, for every client the live sources import. */
  private static java.util.Map<String, Class<?>> clients(String all) throws ClassNotFoundException {
    java.util.Map<String, Class<?>> out = new java.util.TreeMap<>();
    Matcher m = CLIENT_IMPORT.matcher(all);
    while (m.find()) {
      out.put(m.group(1), Class.forName("software.amazon.awssdk.services." + m.group(1) + "." + m.group(2)));
    }
    return out;
  }

  static Set<String> scannedActions() throws IOException, ClassNotFoundException {
    StringBuilder sources = new StringBuilder();
    Set<String> actions = new TreeSet<>();
    try (Stream<Path> files = Files.list(LIVE)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        String text = Files.readString(f);
        sources.append(text).append('\n');
        Matcher check = GUARD_CHECK.matcher(text);
        while (check.find()) {
          String op = check.group(2);
          if (op.equals("operation")) {
            Matcher passed = PASSED_OPERATION.matcher(text);
            while (passed.find()) {
              actions.add(check.group(1) + ":" + passed.group(1));
            }
            continue;
          }
          if (!op.startsWith("\"")) {
            Matcher constant = Pattern.compile("String " + op + "\\s*=\\s*\"([A-Za-z]+)\"").matcher(text);
            assertTrue(constant.find(), "constant " + op + " in " + f);
            op = constant.group(1);
          }
          actions.add(check.group(1) + ":" + op.replace("\"", ""));
        }
      }
    }
    String all = sources.toString();
    java.util.Map<String, Class<?>> clients = clients(all);
    assertFalse(clients.isEmpty(), "no SDK client imported in " + LIVE);
    Set<String> called = new TreeSet<>();
    Matcher m = CALL.matcher(all);
    while (m.find()) {
      called.add(m.group(1));
    }
    for (var client : clients.entrySet()) {
      for (Method method : client.getValue().getMethods()) {
        String name = method.getName();
        if (called.contains(name) && Character.isLowerCase(name.charAt(0)) && method.getParameterCount() > 0 && !name.equals("close")) {
          String op = name.endsWith("Paginator") ? name.substring(0, name.length() - "Paginator".length()) : name;
          actions.add(client.getKey() + ":" + Character.toUpperCase(op.charAt(0)) + op.substring(1));
        }
      }
    }
    // AssumeRole is the pipeline principal's call into the role (trust policy), not one the role makes.
    actions.remove("sts:AssumeRole");
    return actions;
  }

  @Test
  void policyListsExactlyTheOperationsTheLiveChecksCall() throws Exception {
    Set<String> scanned = scannedActions();
    assertTrue(scanned.contains("ec2:DescribeVpcs") && scanned.contains("drs:DescribeReplicationConfigurationTemplates"), scanned.toString());
    assertEquals(scanned, new TreeSet<>(LiveReadActions.ACTIONS), "LiveReadActions.ACTIONS must list what src/main/java/drslink/live calls");
  }

  @Test
  void everyListedActionIsARead() {
    for (String action : LiveReadActions.ACTIONS) {
      assertTrue(ReadOnlyGuard.isRead(action.substring(action.indexOf(':') + 1)), action);
    }
  }
}
