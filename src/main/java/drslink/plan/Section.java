package drslink.plan;

import java.util.List;

/** A titled group of module instances in main.tf; the title becomes a banner comment. */
public record Section(String title, List<ModuleCall> modules) {
  public Section {
    modules = List.copyOf(modules);
  }

  /** The module blocks that print these instances. */
  public List<ModuleBlock> blocks() {
    return ModuleBlock.of(modules);
  }
}
