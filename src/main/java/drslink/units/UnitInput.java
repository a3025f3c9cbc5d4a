package drslink.units;

/**
 * A value one unit takes from another: the variable {@code name} of the consuming unit, set from the output of
 * the same name of the unit in {@code fromDir} (a Terragrunt {@code dependency} output, or {@code -var} for a
 * pipeline that runs plain {@code tofu}). {@code expression} is what the producing unit outputs.
 */
public record UnitInput(String name, String fromDir, String expression, String description) {}
