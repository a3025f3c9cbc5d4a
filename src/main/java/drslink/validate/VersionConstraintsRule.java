package drslink.validate;

import drslink.diag.Diagnostics;
import drslink.model.Located;
import drslink.model.Topology;
import drslink.model.derived.ReplicationModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code terraform.required_version} and {@code terraform.aws_provider_version} in Terraform's constraint
 * grammar (https://developer.hashicorp.com/terraform/language/expressions/version-constraints): clauses
 * separated by commas, each an optional operator (=, !=, >, >=, <, <=, ~>) and a version of one to three
 * numbers with an optional -prerelease; no "v" prefix, no build metadata, numbers within 64 bits
 * (shared/spec/domain.md section 8, "Version constraints"). A constraint that allows no version at or above
 * the vendored modules' own floor makes {@code terraform init} fail, so it is refused here.
 */
final class VersionConstraintsRule implements Rule {
  /** modules/*&#47;versions.tf: {@code required_version = ">= 1.5.0"}; VendoredModulesTest keeps these equal. */
  static final Version TERRAFORM_FLOOR = Version.parse("1.5.0").orElseThrow();

  /** modules/*&#47;versions.tf: {@code version = ">= 5.70.0"} for hashicorp/aws. */
  static final Version AWS_PROVIDER_FLOOR = Version.parse("5.70.0").orElseThrow();

  private static final Pattern CLAUSE = Pattern.compile("\\s*(=|!=|>=|<=|~>|>|<)?\\s*(\\S*?)\\s*");

  @Override
  public void check(Topology t, ReplicationModel model, Diagnostics d) {
    check(t.terraform().requiredVersion(), "required_version", "Terraform", TERRAFORM_FLOOR, "\">= 1.5.0\"", d);
    check(t.terraform().awsProviderVersion(), "aws_provider_version", "AWS provider", AWS_PROVIDER_FLOOR, "\">= 5.70.0, < 7.0.0\"", d);
  }

  private static void check(Located<String> constraint, String key, String tool, Version floor, String example, Diagnostics d) {
    List<Clause> clauses = new ArrayList<>();
    String problem = parse(constraint.value(), clauses);
    if (problem != null) {
      d.error(
          "DRS050",
          constraint.at(),
          key + " '" + constraint.value() + "' is not a version constraint" + (problem.isEmpty() ? "" : ": " + problem),
          "write it like \">= 1.5.0\" or \">= 5.70.0, < 7.0.0\"");
      return;
    }
    if (!allowsSomeVersionFrom(floor, clauses)) {
      d.error(
          "DRS125",
          constraint.at(),
          key + " '" + constraint.value() + "' allows no " + tool + " version at or above " + floor + ", the oldest the vendored modules accept (modules/*/versions.tf); terraform init would fail",
          "allow " + floor + " or later, e.g. " + example);
    }
  }

  /** Fills {@code clauses}; returns null when the text parses, else what is wrong ("" for plain garbage). */
  private static String parse(String text, List<Clause> clauses) {
    // Length first: no real constraint comes near 256 characters, and a hostile one should cost nothing.
    if (text.length() > 256) {
      return "";
    }
    for (String part : text.split(",", -1)) {
      Matcher m = CLAUSE.matcher(part);
      if (!m.matches() || m.group(2).isEmpty()) {
        return "";
      }
      String version = m.group(2);
      if (version.startsWith("v") || version.startsWith("V")) {
        return "Terraform refuses the 'v' before " + version.substring(1);
      }
      if (version.contains("+")) {
        return "build metadata (+" + version.substring(version.indexOf('+') + 1) + ") is not allowed in a constraint";
      }
      if (Version.tooLarge(version)) {
        return "a number in " + version + " is out of range";
      }
      Optional<Version> parsed = Version.parse(version);
      if (parsed.isEmpty()) {
        return "";
      }
      clauses.add(new Clause(m.group(1) == null ? "=" : m.group(1), parsed.get()));
    }
    return null;
  }

  /**
   * Whether some version at or above {@code floor} meets every clause. Each clause is an interval (or, for
   * !=, a hole), so the conjunction is one interval with holes: its greatest lower and least upper bound.
   */
  static boolean allowsSomeVersionFrom(Version floor, List<Clause> clauses) {
    Version low = floor;
    boolean lowOpen = false;
    Version high = null; // unbounded
    boolean highOpen = false;
    List<Version> holes = new ArrayList<>();
    for (Clause c : clauses) {
      Version v = c.version();
      Version upper = null;
      boolean upperOpen = false;
      Version lower = null;
      boolean lowerOpen = false;
      switch (c.operator()) {
        case "=" -> {
          lower = v;
          upper = v;
        }
        case "!=" -> holes.add(v);
        case ">" -> {
          lower = v;
          lowerOpen = true;
        }
        case ">=" -> lower = v;
        case "<" -> {
          upper = v;
          upperOpen = true;
        }
        case "<=" -> upper = v;
        case "~>" -> {
          // go-version: only the last given number may grow; ~> 1 is just >= 1.
          lower = v;
          if (v.given() >= 2) {
            upper = v.given() == 2 ? new Version(v.major() + 1, 0, 0, "", 3) : new Version(v.major(), v.minor() + 1, 0, "", 3);
            upperOpen = true;
          }
        }
        default -> throw new AssertionError(c);
      }
      if (lower != null) {
        int cmp = lower.compareTo(low);
        if (cmp > 0 || (cmp == 0 && lowerOpen)) {
          low = lower;
          lowOpen = lowerOpen;
        }
      }
      if (upper != null) {
        int cmp = high == null ? -1 : upper.compareTo(high);
        if (cmp < 0 || (cmp == 0 && upperOpen)) {
          high = upper;
          highOpen = upperOpen;
        }
      }
    }
    if (high == null) {
      return true;
    }
    int cmp = low.compareTo(high);
    if (cmp > 0) {
      return false;
    }
    if (cmp == 0) {
      Version only = low;
      return !lowOpen && !highOpen && holes.stream().noneMatch(h -> h.compareTo(only) == 0);
    }
    return true;
  }

  record Clause(String operator, Version version) {}

  /** A version as Terraform compares it: missing numbers are 0, and a prerelease sorts before its release. */
  record Version(long major, long minor, long patch, String prerelease, int given) implements Comparable<Version> {
    private static final Pattern SHAPE = Pattern.compile("(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?(?:-([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?");

    static Optional<Version> parse(String text) {
      Matcher m = SHAPE.matcher(text);
      if (!m.matches() || tooLarge(text)) {
        return Optional.empty();
      }
      int given = m.group(3) != null ? 3 : m.group(2) != null ? 2 : 1;
      return Optional.of(new Version(number(m.group(1)), number(m.group(2)), number(m.group(3)), m.group(4) == null ? "" : m.group(4), given));
    }

    /** Terraform reads each number into 64 bits and refuses a constraint whose numbers do not fit. */
    static boolean tooLarge(String text) {
      for (String digits : text.split("[^0-9]+")) {
        if (!digits.isEmpty() && new java.math.BigInteger(digits).bitLength() > 63) {
          return true;
        }
      }
      return false;
    }

    private static long number(String digits) {
      return digits == null ? 0 : Long.parseLong(digits);
    }

    @Override
    public int compareTo(Version o) {
      int c = Long.compare(major, o.major);
      c = c != 0 ? c : Long.compare(minor, o.minor);
      c = c != 0 ? c : Long.compare(patch, o.patch);
      if (c != 0 || prerelease.equals(o.prerelease)) {
        return c;
      }
      if (prerelease.isEmpty() || o.prerelease.isEmpty()) {
        return prerelease.isEmpty() ? 1 : -1;
      }
      return comparePrerelease(prerelease, o.prerelease);
    }

    private static int comparePrerelease(String a, String b) {
      String[] x = a.split("\\.");
      String[] y = b.split("\\.");
      for (int i = 0; i < Math.min(x.length, y.length); i++) {
        boolean xn = x[i].matches("\\d+");
        boolean yn = y[i].matches("\\d+");
        int c = xn && yn ? new java.math.BigInteger(x[i]).compareTo(new java.math.BigInteger(y[i])) : xn ? -1 : yn ? 1 : x[i].compareTo(y[i]);
        if (c != 0) {
          return c;
        }
      }
      return Integer.compare(x.length, y.length);
    }

    @Override
    public String toString() {
      return major + "." + minor + "." + patch + (prerelease.isEmpty() ? "" : "-" + prerelease);
    }
  }
}
