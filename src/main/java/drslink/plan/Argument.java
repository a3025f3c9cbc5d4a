package drslink.plan;

/** One {@code name = value} line of a block. */
public record Argument(String name, Hcl value) {
}
