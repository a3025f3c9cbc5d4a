package drslink.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Reads folders as relative path -> text, and describes how two of them differ, line by line. */
public final class Trees {
  private Trees() {}

  public static Map<String, String> read(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    if (!Files.isDirectory(root)) {
      return files;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(p).toString().replace('\\', '/'), Files.readString(p, StandardCharsets.UTF_8));
      }
    }
    return files;
  }

  /** Empty when equal; otherwise a readable report of missing, extra and changed files with the first differing lines. */
  public static String diff(Map<String, String> expected, Map<String, String> actual) {
    List<String> report = new ArrayList<>();
    for (String file : expected.keySet()) {
      if (!actual.containsKey(file)) {
        report.add("missing file: " + file);
      }
    }
    for (String file : actual.keySet()) {
      if (!expected.containsKey(file)) {
        report.add("unexpected file: " + file);
      } else if (!expected.get(file).equals(actual.get(file))) {
        report.add(lines(file, expected.get(file), actual.get(file)));
      }
    }
    return String.join("\n", report);
  }

  private static String lines(String file, String expected, String actual) {
    String[] e = expected.split("\n", -1);
    String[] a = actual.split("\n", -1);
    StringBuilder out = new StringBuilder("--- expected/" + file + "\n+++ actual/" + file + "\n");
    int shown = 0;
    for (int i = 0; i < Math.max(e.length, a.length) && shown < 20; i++) {
      String x = i < e.length ? e[i] : null;
      String y = i < a.length ? a[i] : null;
      if (x == null || !x.equals(y)) {
        out.append("@@ line ").append(i + 1).append('\n');
        if (x != null) {
          out.append("-").append(x).append('\n');
        }
        if (y != null) {
          out.append("+").append(y).append('\n');
        }
        shown++;
      }
    }
    return out.toString();
  }

  public static void replace(Path target, Map<String, String> files) throws IOException {
    if (Files.exists(target)) {
      try (Stream<Path> walk = Files.walk(target)) {
        for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    for (Map.Entry<String, String> f : files.entrySet()) {
      Path p = target.resolve(f.getKey());
      Files.createDirectories(p.getParent());
      Files.writeString(p, f.getValue(), StandardCharsets.UTF_8);
    }
  }
}
