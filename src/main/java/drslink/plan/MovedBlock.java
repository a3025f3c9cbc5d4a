package drslink.plan;

/**
 * A {@code moved} block: what an earlier drslink created at {@code from} now lives at {@code to}, unchanged.
 * {@code comment} is null where moved.tf's banner already says why (the 0.1.0 module blocks).
 */
public record MovedBlock(String from, String to, String comment) {}
