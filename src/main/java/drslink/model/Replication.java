package drslink.model;

import drslink.diag.SourceLocation;
import java.util.List;

/** One entry of {@code replication:}; {@code settings} is null when the file has none. */
public record Replication(
    Located<String> name,
    List<Located<String>> sources,
    Located<String> target,
    Located<Boolean> failback,
    ReplicationSettings settings,
    SourceLocation at) {

  public Replication {
    sources = List.copyOf(sources);
  }

  public String nameValue() {
    return name.value();
  }

  public boolean failbackEnabled() {
    return failback != null && failback.value();
  }

  public List<String> sourceNames() {
    return sources.stream().map(Located::value).toList();
  }
}
