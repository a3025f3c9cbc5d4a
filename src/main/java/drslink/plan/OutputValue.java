package drslink.plan;

public record OutputValue(String name, String description, Hcl value) {}
