package drslink.plan;

/** An entry of the root's {@code locals} block besides the tags: a value several module blocks look up. */
public record LocalValue(String name, String comment, Hcl value) {}
