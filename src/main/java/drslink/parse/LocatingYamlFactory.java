package drslink.parse;

import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * A copy of the configured factory whose parsers also tell the anchor of a scalar. Jackson only reports
 * anchors of mappings, lists and keys (jackson-dataformats-text#6), so without this {@code name: &dr dr}
 * followed by {@code target: *dr} would be "an alias to no anchor" in a perfectly valid file. It also reports
 * explicit tags, plain (unquoted) keys and where each document starts, which Jackson drops.
 *
 * <p>Why not SnakeYAML's composer (issue 20 item 6): it hands back an alias as the very node of its anchor, so the
 * alias's own place is gone, and {@link YamlTreeReader} must point a message about an aliased value at the alias
 * (the anchor may sit where the value is fine). The composer would also move scalar typing (what is a number, a
 * boolean, null) from Jackson to SnakeYAML's resolver, which every invalid case pins. The way off Jackson's
 * internals is SnakeYAML's event parser ({@code ParserImpl}): its events carry marks, anchors, aliases, tags,
 * styles and document starts, which is all this class takes from {@code _lastEvent}.
 */
final class LocatingYamlFactory extends YAMLFactory {
  private static final long serialVersionUID = 1L;

  LocatingYamlFactory(YAMLFactory configured) {
    super(configured, null);
    // YAMLFactory.builder() leaves this off although new YAMLFactory() has it on: without it "key:" reads
    // as the empty string, and "settings:" would be reported as "found a string" instead of "found nothing".
    configure(YAMLParser.Feature.EMPTY_STRING_AS_NULL, true);
  }

  @Override
  protected YAMLParser _createParser(Reader reader, IOContext context) {
    return new Parser(context, _parserFeatures, _yamlParserFeatures, _loaderOptions, _objectCodec, reader);
  }

  static final class Parser extends YAMLParser {
    /** {@code %TAG} directives met so far: handle and line (1-based); Jackson consumes them without a token. */
    private final List<String[]> tagDirectives = new ArrayList<>();
    /** Where each document started so far: line and column (1-based) of its '---', or of its first content. */
    private final List<int[]> documentStarts = new ArrayList<>();

    Parser(IOContext context, int parserFeatures, int yamlFeatures, LoaderOptions options, ObjectCodec codec, Reader reader) {
      super(context, parserFeatures, yamlFeatures, options, codec, reader);
    }

    /** The anchor ({@code &name}) on the current scalar, mapping or list, or null. */
    String anchor() {
      return _lastEvent instanceof NodeEvent node && !(node instanceof AliasEvent) ? node.getAnchor() : null;
    }

    /**
     * The explicit tag ({@code !!binary}, {@code !!python/object:...}, {@code !local}, {@code !}) on the
     * current scalar, key, mapping or list, or null. Jackson reads the text and drops the tag.
     */
    String tag() {
      if (_lastEvent instanceof ScalarEvent scalar) {
        return scalar.getTag();
      }
      return _lastEvent instanceof CollectionStartEvent collection ? collection.getTag() : null;
    }

    /** Whether the current scalar or key is written plain (no quotes, no block style): only a plain {@code <<} merges. */
    boolean plain() {
      return _lastEvent instanceof ScalarEvent scalar && scalar.isPlain();
    }

    /** Line and column (1-based) where the latest document read starts, or {1, 1} before any. */
    int[] lastDocumentStart() {
      return documentStarts.isEmpty() ? new int[] {1, 1} : documentStarts.get(documentStarts.size() - 1);
    }

    /** The {@code %TAG} directives read so far, each as {handle, prefix, line}; cleared by the call. */
    List<String[]> takeTagDirectives() {
      List<String[]> taken = List.copyOf(tagDirectives);
      tagDirectives.clear();
      return taken;
    }

    @Override
    protected Event getEvent() throws IOException {
      Event event = super.getEvent();
      if (event instanceof DocumentStartEvent start) {
        documentStarts.add(new int[] {start.getStartMark().getLine() + 1, start.getStartMark().getColumn() + 1});
      }
      if (event instanceof DocumentStartEvent start && start.getTags() != null) {
        start.getTags().forEach((handle, prefix) -> tagDirectives.add(new String[] {handle, prefix, String.valueOf(start.getStartMark().getLine() + 1)}));
      }
      return event;
    }
  }
}
