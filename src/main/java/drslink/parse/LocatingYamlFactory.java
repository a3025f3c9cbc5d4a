package drslink.parse;

import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.Reader;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.NodeEvent;

/**
 * A copy of the configured factory whose parsers also tell the anchor of a scalar. Jackson only reports
 * anchors of mappings, lists and keys (jackson-dataformats-text#6), so without this {@code name: &dr dr}
 * followed by {@code target: *dr} would be "an alias to no anchor" in a perfectly valid file.
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
    Parser(IOContext context, int parserFeatures, int yamlFeatures, LoaderOptions options, ObjectCodec codec, Reader reader) {
      super(context, parserFeatures, yamlFeatures, options, codec, reader);
    }

    /** The anchor ({@code &name}) on the current scalar, mapping or list, or null. */
    String anchor() {
      return _lastEvent instanceof NodeEvent node && !(node instanceof AliasEvent) ? node.getAnchor() : null;
    }
  }
}
