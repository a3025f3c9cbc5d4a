package drslink.plan;

/** An {@code import} block: adopt the existing object {@code id} at address {@code to} instead of creating it. */
public record ImportBlock(String to, String id, String comment) {}
