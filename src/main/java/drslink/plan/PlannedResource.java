package drslink.plan;

/** A resource the generated root will create, as {@code drslink plan} lists it. */
public record PlannedResource(String region, String account, String address, String type, String purpose) {}
