package drslink.docs;

import drslink.docs.TerraformBlockReader.Block;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** What a module offers its callers: its variables and outputs, read from variables.tf and outputs.tf, sorted by name. */
record ModuleInterface(String name, List<Variable> variables, List<Output> outputs) {
  /** A variable; description, type and default are empty when the block does not set them. */
  record Variable(String name, Optional<String> description, Optional<String> type, Optional<String> defaultValue) {
    boolean required() {
      return defaultValue.isEmpty();
    }
  }

  record Output(String name, Optional<String> description) {}

  ModuleInterface {
    variables = variables.stream().sorted(Comparator.comparing(Variable::name)).toList();
    outputs = outputs.stream().sorted(Comparator.comparing(Output::name)).toList();
  }

  static ModuleInterface read(Path moduleDir) throws IOException {
    List<Variable> variables = new ArrayList<>();
    List<Output> outputs = new ArrayList<>();
    for (Block block : blocks(moduleDir.resolve("variables.tf"))) {
      if (block.type().equals("variable")) {
        variables.add(
            new Variable(
                block.labels().get(0),
                attribute(block, "description").map(HclStrings::text),
                attribute(block, "type").map(HclStrings::oneLine),
                attribute(block, "default").map(HclStrings::oneLine)));
      }
    }
    for (Block block : blocks(moduleDir.resolve("outputs.tf"))) {
      if (block.type().equals("output")) {
        outputs.add(new Output(block.labels().get(0), attribute(block, "description").map(HclStrings::text)));
      }
    }
    return new ModuleInterface(moduleDir.getFileName().toString(), variables, outputs);
  }

  private static List<Block> blocks(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    try {
      return TerraformBlockReader.read(Files.readString(file));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  private static Optional<String> attribute(Block block, String name) {
    return Optional.ofNullable(block.attributes().get(name));
  }
}
