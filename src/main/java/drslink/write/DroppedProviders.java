package drslink.write;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Provider configurations the folder's current root declares and the new one no longer does.
 * Terraform needs a resource's provider configuration to destroy it, so regenerating without one
 * while its resources are still deployed makes the next plan stop with "Provider configuration not
 * present". The folder is all drslink can see (state may be remote), so this warns rather than
 * refuses. The current aliases come from the {@link Manifest}.
 */
public final class DroppedProviders {
  static final String PROVIDERS_FILE = "providers.tf";

  /** Only for a root written before the manifest existed: its aliases are read back out of providers.tf. */
  private static final Pattern LEGACY_ALIAS = Pattern.compile("(?m)^\\s*alias\\s*=\\s*\"([^\"]+)\"");

  private DroppedProviders() {}

  /** Aliases the root in {@code outDir} declares that {@code next} drops, sorted; empty when there is none. */
  public static List<String> between(Path outDir, Collection<String> next) {
    TreeSet<String> dropped;
    try {
      Optional<Manifest> manifest = Manifest.read(outDir);
      dropped = new TreeSet<>(manifest.isPresent() ? manifest.get().providerAliases() : legacyAliases(outDir));
    } catch (IOException e) {
      // Only a warning depends on it: an unreadable folder is left to the writer to report.
      return List.of();
    }
    dropped.removeAll(next);
    return List.copyOf(dropped);
  }

  /** The aliases in providers.tf of a root generated before the manifest; none for any other folder. */
  private static TreeSet<String> legacyAliases(Path outDir) throws IOException {
    TreeSet<String> out = new TreeSet<>();
    Path current = outDir.resolve(PROVIDERS_FILE);
    if (!Files.isRegularFile(current)) {
      return out;
    }
    String text = Files.readString(current, StandardCharsets.UTF_8);
    if (!AtomicTreeWriter.isGenerated(text)) {
      return out;
    }
    Matcher m = LEGACY_ALIAS.matcher(text);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }
}
