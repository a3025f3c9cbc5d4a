package drslink.plan;

import java.util.List;

/** A titled group of module calls in main.tf; the title becomes a banner comment. */
public record Section(String title, List<ModuleCall> modules) {
  public Section {
    modules = List.copyOf(modules);
  }
}
