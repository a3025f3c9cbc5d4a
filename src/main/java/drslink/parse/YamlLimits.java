package drslink.parse;

/**
 * Bounds that keep a hostile file from eating memory or time. A real topology is a few kilobytes with a
 * nesting depth under ten; these limits are orders of magnitude above that.
 */
public record YamlLimits(long maxBytes, int maxDepth, long maxExpandedNodes) {
  public static final YamlLimits DEFAULT = new YamlLimits(1024 * 1024, 32, 100_000);
}
