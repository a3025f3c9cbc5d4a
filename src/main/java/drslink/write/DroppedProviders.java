package drslink.write;

import drslink.render.RenderedTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Provider configurations the folder's current root declares and the new one no longer does.
 * Terraform needs a resource's provider configuration to destroy it, so regenerating without one
 * while its resources are still deployed makes the next plan stop with "Provider configuration not
 * present". The folder is all drslink can see (state may be remote), so this warns rather than
 * refuses.
 */
public final class DroppedProviders {
  static final String PROVIDERS_FILE = "providers.tf";

  private static final Pattern ALIAS = Pattern.compile("(?m)^\\s*alias\\s*=\\s*\"([^\"]+)\"");

  private DroppedProviders() {}

  /** Aliases in {@code outDir/providers.tf} that {@code next} drops, sorted; empty when there is none. */
  public static List<String> between(Path outDir, RenderedTree next) {
    Path current = outDir.resolve(PROVIDERS_FILE);
    if (!Files.isRegularFile(current)) {
      return List.of();
    }
    String text;
    try {
      text = Files.readString(current, StandardCharsets.UTF_8);
    } catch (IOException e) {
      // Only a warning depends on it: an unreadable file is left to the writer to report.
      return List.of();
    }
    if (!AtomicTreeWriter.isGenerated(text)) {
      return List.of();
    }
    TreeSet<String> dropped = aliases(text);
    dropped.removeAll(aliases(next.files().getOrDefault(PROVIDERS_FILE, "")));
    return List.copyOf(dropped);
  }

  private static TreeSet<String> aliases(String providersTf) {
    TreeSet<String> out = new TreeSet<>();
    Matcher m = ALIAS.matcher(providersTf);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }
}
