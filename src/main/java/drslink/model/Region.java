package drslink.model;

import java.util.List;

public record Region(Located<String> name, List<Vpc> vpcs) {
  public Region {
    vpcs = List.copyOf(vpcs);
  }
}
