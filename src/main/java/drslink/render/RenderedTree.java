package drslink.render;

import java.util.Map;
import java.util.TreeMap;

/** The generated folder in memory: relative path ("/"-separated) to file content, sorted. */
public record RenderedTree(Map<String, String> files) {
  public RenderedTree {
    files = java.util.Collections.unmodifiableMap(new TreeMap<>(files));
  }
}
