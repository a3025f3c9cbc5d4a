package drslink.plan;

/** A {@code moved} block: what an earlier drslink created at {@code from} now lives at {@code to}, unchanged. */
public record MovedBlock(String from, String to, String comment) {}
