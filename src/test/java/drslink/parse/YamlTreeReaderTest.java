package drslink.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import drslink.diag.Diagnostic;
import drslink.diag.Diagnostics;
import drslink.diag.SourceLocation;
import drslink.parse.YNode.Entry;
import drslink.parse.YNode.ScalarKind;
import drslink.parse.YNode.YMap;
import drslink.parse.YNode.YScalar;
import drslink.parse.YNode.YSeq;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class YamlTreeReaderTest {
  private final Diagnostics diagnostics = new Diagnostics();

  private Optional<YNode> read(String text) {
    return read(text, YamlLimits.DEFAULT);
  }

  private Optional<YNode> read(String text, YamlLimits limits) {
    return new YamlTreeReader(limits).read("t.yaml", text, diagnostics);
  }

  private YMap map(String text) {
    YNode root = read(text).orElseThrow(() -> new AssertionError(lines()));
    assertEquals(List.of(), lines(), "no diagnostics");
    return assertInstanceOf(YMap.class, root);
  }

  private List<String> lines() {
    return diagnostics.sorted().stream().map(Diagnostic::format).toList();
  }

  private List<String> codes() {
    return diagnostics.sorted().stream().map(Diagnostic::code).toList();
  }

  private static Entry entry(YMap map, String key) {
    return map.entries().stream().filter(e -> e.key().equals(key)).findFirst().orElseThrow(() -> new AssertionError("no key " + key));
  }

  private static SourceLocation at(int line, int column) {
    return new SourceLocation("t.yaml", line, column);
  }

  @Test
  void locatesKeysAndValuesOneBasedAtTheTokenItself() {
    YMap root = map("version: 1\nstring: 'text'\nitems:\n  - name: x\n    v: \"q\"\n");

    assertEquals(at(1, 1), root.at());
    assertEquals(at(1, 1), entry(root, "version").keyAt());
    assertEquals(at(1, 10), entry(root, "version").value().at());
    // As in jackson-dataformats-text's tests: the value of "string: 'text'" starts at column 9, the quote.
    assertEquals(at(2, 9), entry(root, "string").value().at());
    YSeq items = assertInstanceOf(YSeq.class, entry(root, "items").value());
    assertEquals(at(4, 3), items.at(), "a block list starts at its first dash");
    YMap item = assertInstanceOf(YMap.class, items.items().get(0));
    assertEquals(at(4, 5), item.at());
    assertEquals(at(5, 5), entry(item, "v").keyAt());
    assertEquals(at(5, 8), entry(item, "v").value().at());
  }

  @Test
  void locatesFlowCollectionsAndTheirItems() {
    YMap root = map("a: {b: 1, c: [x, y]}\n");

    YMap inner = assertInstanceOf(YMap.class, entry(root, "a").value());
    assertEquals(at(1, 4), inner.at());
    assertEquals(at(1, 5), entry(inner, "b").keyAt());
    assertEquals(at(1, 8), entry(inner, "b").value().at());
    YSeq list = assertInstanceOf(YSeq.class, entry(inner, "c").value());
    assertEquals(at(1, 14), list.at());
    assertEquals(List.of(at(1, 15), at(1, 18)), list.items().stream().map(YNode::at).toList());
  }

  @Test
  void readsScalarKindsAsYamlDoes() {
    YMap root = map("s: x\nq: 'yes'\ni: 12\nh: 0x1F\nf: 1.5\nb: yes\nt: true\nn: ~\nempty:\nquoted: ''\n");

    assertEquals(ScalarKind.STRING, kind(root, "s"));
    assertEquals(ScalarKind.STRING, kind(root, "q"));
    assertEquals(ScalarKind.INTEGER, kind(root, "i"));
    assertEquals(ScalarKind.INTEGER, kind(root, "h"));
    assertEquals("0x1F", ((YScalar) entry(root, "h").value()).text(), "kept as written");
    assertEquals(ScalarKind.FLOAT, kind(root, "f"));
    assertEquals(ScalarKind.BOOLEAN, kind(root, "b"));
    assertEquals(ScalarKind.BOOLEAN, kind(root, "t"));
    assertEquals(ScalarKind.NULL, kind(root, "n"));
    assertEquals(ScalarKind.NULL, kind(root, "empty"), "a key with no value is null");
    assertEquals(ScalarKind.STRING, kind(root, "quoted"));
  }

  private static ScalarKind kind(YMap map, String key) {
    return assertInstanceOf(YScalar.class, entry(map, key).value()).kind();
  }

  @Test
  void typesTheCornersOfYaml11AsJacksonDid() {
    // ScalarTyping ports jackson-dataformat-yaml's rules (issue 20 item 6): 60-base and timestamps stay text, every
    // YAML 1.1 boolean word is a boolean, underscores and signs make numbers, .inf is a decimal number.
    YMap root = map("sexagesimal: 1:30\nday: 2001-12-14\noff: Off\nund: 1_000\nplus: +7\noct: 017\nbin: 0b101\ninf: .inf\nmerge: <<\neq: =\n");

    assertEquals(ScalarKind.STRING, kind(root, "sexagesimal"));
    assertEquals(ScalarKind.STRING, kind(root, "day"));
    assertEquals(ScalarKind.BOOLEAN, kind(root, "off"));
    assertEquals(ScalarKind.INTEGER, kind(root, "und"));
    assertEquals(ScalarKind.INTEGER, kind(root, "plus"));
    assertEquals(ScalarKind.INTEGER, kind(root, "oct"));
    assertEquals(ScalarKind.INTEGER, kind(root, "bin"));
    assertEquals(ScalarKind.FLOAT, kind(root, "inf"));
    assertEquals(ScalarKind.STRING, kind(root, "merge"));
    assertEquals(ScalarKind.STRING, kind(root, "eq"));
  }

  @Test
  void saysWhereANumberNoReaderTakesEnds() {
    assertEquals(Optional.empty(), read("a: !!int 0x_\n"));

    assertEquals(
        List.of("t.yaml:1:13: error: not valid YAML: Invalid base-16 number (''), problem: For input string: \"\" under radix 16 (hint: fix the YAML syntax at this position)"),
        lines());
  }

  @Test
  void aSignAloneTaggedAsANumberIsOneRefusedTagNotACrash() {
    // Jackson's parser returned no token for it, which ended in a NullPointerException (exit 70).
    read("version: !!int +\n");

    assertEquals(List.of("DRS133"), codes());
  }

  @Test
  void reportsEveryDuplicateKeyAndKeepsTheFirstValue() {
    YNode root = read("a: 1\nb: 2\na: 3\nm:\n  k: x\n  k: y\n  k: z\n").orElseThrow();

    assertEquals(
        List.of(
            "t.yaml:3:1: error: duplicate key 'a' (first written at line 1) (hint: keep one 'a' and delete the other)",
            "t.yaml:6:3: error: duplicate key 'k' (first written at line 5) (hint: keep one 'k' and delete the other)",
            "t.yaml:7:3: error: duplicate key 'k' (first written at line 5) (hint: keep one 'k' and delete the other)"),
        lines());
    YMap map = (YMap) root;
    assertEquals("1", ((YScalar) entry(map, "a").value()).text());
    assertEquals(List.of("a", "b", "m"), map.entries().stream().map(Entry::key).toList());
    assertEquals(1, ((YMap) entry(map, "m").value()).entries().size());
  }

  @Test
  void locatesEveryNodeOfAnAliasedCollectionWhereTheAliasIsUsed() {
    // A problem inside *x is reported at each use: the anchor may sit where the same value is fine.
    YMap root = map("a: &x {k: v}\nb: *x\nc: &l [1, 2]\nd: *l\n");

    YMap b = assertInstanceOf(YMap.class, entry(root, "b").value());
    assertEquals("t.yaml:2:4", b.at().toString());
    assertEquals("t.yaml:2:4", b.entries().get(0).keyAt().toString());
    assertEquals("t.yaml:2:4", b.entries().get(0).value().at().toString());
    assertEquals("v", ((YScalar) b.entries().get(0).value()).text());
    YSeq d = assertInstanceOf(YSeq.class, entry(root, "d").value());
    assertEquals(List.of("t.yaml:4:4", "t.yaml:4:4"), d.items().stream().map(i -> i.at().toString()).toList());
    assertEquals("t.yaml:1:4", entry(root, "a").value().at().toString(), "the anchored node keeps its own place");
  }

  @Test
  void resolvesAnchorsOnScalarsAndLocatesTheAliasWhereItIsUsed() {
    // Jackson's parser reported no anchor on scalar values (jackson-dataformats-text#6); the reader must see it.
    YMap root = map("name: &dr dr\nlist: [&z q, *z]\ntarget: *dr\n");

    YScalar target = assertInstanceOf(YScalar.class, entry(root, "target").value());
    assertEquals("dr", target.text());
    assertEquals(at(3, 9), target.at());
    YSeq list = (YSeq) entry(root, "list").value();
    assertEquals("q", ((YScalar) list.items().get(1)).text());
  }

  @Test
  void reportsAnAliasToAnUndefinedAnchorAndReturnsNoTree() {
    Optional<YNode> root = read("a: *nope\nb: &later x\nc: *later\n");

    assertEquals(Optional.empty(), root);
    assertEquals(List.of("t.yaml:1:4: error: alias *nope refers to no anchor defined above it (hint: define &nope before using *nope)"), lines());
  }

  @Test
  void stopsABillionLaughsFileAtTheFirstAliasThatCrossesTheBudget() {
    // Thirty levels of ten: fully expanded that is 10^30 nodes, so reaching the assertion at all means
    // nothing was expanded. The location proves the reader stopped at the first alias that pushed the
    // count past 100,000 (line 5: 12,344 nodes so far, then 11,111 per alias; the 8th crosses) and did
    // not read on to line 31.
    StringBuilder text = new StringBuilder("l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n");
    for (int level = 1; level <= 30; level++) {
      String alias = "*l" + (level - 1);
      text.append("l").append(level).append(": &l").append(level).append(" [").append(String.join(", ", java.util.Collections.nCopies(10, alias))).append("]\n");
    }

    Optional<YNode> root = read(text.toString());

    assertEquals(Optional.empty(), root);
    assertEquals(
        List.of(
            "t.yaml:5:45: error: the file expands to more than 100000 YAML nodes (aliases referring to aliases?) (hint: write the values out instead of nesting aliases)"),
        lines());
  }

  @Test
  void countsAliasesAgainstTheBudgetEvenWhenTheyAreCheap() {
    YamlLimits small = new YamlLimits(1024 * 1024, 32, 20);
    assertTrue(read("a: &a [1, 2, 3, 4, 5, 6, 7, 8]\nb: [*a]\n", small).isPresent(), lines().toString());
    assertTrue(read("a: &a [1, 2, 3, 4, 5, 6, 7, 8]\nb: [*a, *a]\n", small).isEmpty());
    assertEquals(List.of("DRS004"), codes());
  }

  @Test
  void refusesNestingDeeperThanTheLimit() {
    YamlLimits three = new YamlLimits(1024 * 1024, 3, 100_000);
    assertTrue(read("a: [x]\n", three).isPresent(), "the root mapping, the list and its item: three levels");

    Optional<YNode> deeper = read("a: [[x]]\n", three);

    assertEquals(Optional.empty(), deeper);
    assertEquals(List.of("t.yaml:1:6: error: nesting deeper than 3 levels (hint: a topology nests at most six levels deep)"), lines());
  }

  @Test
  void refusesNestingPastTheDefaultLimitBeforeSnakeYamlDoes() {
    read("a: " + "[".repeat(500) + "]".repeat(500) + "\n");

    // The root is level 1 and the list at column 4 level 2, so the 33rd level is the bracket at column 35.
    assertEquals(List.of("t.yaml:1:35: error: nesting deeper than 32 levels (hint: a topology nests at most six levels deep)"), lines());
  }

  @Test
  void refusesTextLargerThanTheLimit() {
    YamlLimits tiny = new YamlLimits(2048, 32, 100_000);
    String exactly = "a: " + "x".repeat(2048 - 4) + "\n";
    assertEquals(2048, exactly.length());
    assertTrue(read(exactly, tiny).isPresent());

    assertEquals(Optional.empty(), read(exactly + " ", tiny));
    assertEquals(List.of("t.yaml:1:1: error: file is larger than 2 KiB (hint: a topology is a few kilobytes; check that this is the right file)"), lines());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "# just a comment\n", "---\n", "---\n# nothing yet\n...\n"})
  void reportsAnEmptyFile(String text) {
    assertEquals(Optional.empty(), read(text));
    assertEquals(List.of("t.yaml:1:1: error: file is empty (hint: start from examples/tokyo-osaka/topology.yaml)"), lines());
  }

  @Test
  void readsAnExplicitNullDocumentAsANullValue() {
    YNode root = read("~\n").orElseThrow();
    assertEquals(ScalarKind.NULL, assertInstanceOf(YScalar.class, root).kind());
    assertEquals(List.of(), lines());
  }

  @Test
  void reportsASecondDocument() {
    read("a: 1\n---\nb: 2\n");

    // At the '---' the user deletes, not at the first key after it.
    assertEquals(List.of("t.yaml:2:1: error: more than one YAML document in the file (hint: keep one topology per file and remove the '---' separator)"), lines());
  }

  @Test
  void saysAnEmptyFirstDocumentIsOneAndReadsTheSecond() {
    YNode root = read("# header\n---\n# nothing\n---\nb: 2\n").orElseThrow();

    assertEquals(
        List.of(
            "t.yaml:4:1: error: more than one YAML document in the file: the first one (before this '---') is empty, and a second starts here"
                + " (hint: keep one topology per file: remove this '---' line)"),
        lines());
    assertEquals("b", assertInstanceOf(YMap.class, root).entries().get(0).key());
  }

  @Test
  void refusesAMergeKeyInAnyMappingAtItsLineAndMergesAsYaml11Would() {
    YNode root = read("base: &b {x: 1, y: 2}\nother: &o {y: 3, z: 4}\nm:\n  y: 9\n  <<: [*b, *o]\n  w: 0\n").orElseThrow();

    assertEquals(
        List.of("t.yaml:5:3: error: YAML merge keys ('<<') are not supported: drslink would not merge them (hint: write the keys out; an alias of a whole value (key: *name) does work)"),
        lines());
    YMap m = assertInstanceOf(YMap.class, assertInstanceOf(YMap.class, root).entries().get(2).value());
    // Own keys win over merged ones; of the merged mappings, the first listed wins; merged keys sit where '<<' was.
    assertEquals(List.of("y=9", "x=1", "z=4", "w=0"), m.entries().stream().map(e -> e.key() + "=" + ((YScalar) e.value()).text()).toList());
  }

  @Test
  void aQuotedMergeKeyIsAnOrdinaryKey() {
    YMap root = map("\"<<\": {x: 1}\n");

    assertEquals("<<", root.entries().get(0).key());
  }

  @Test
  void aMergeKeyOfAScalarMergesNothingAndIsOneError() {
    YMap root = assertInstanceOf(YMap.class, read("a: 1\n<<: 5\n").orElseThrow());

    assertEquals(List.of("DRS011"), codes());
    assertEquals(List.of("a"), root.entries().stream().map(Entry::key).toList());
  }

  @Test
  void namesTheSyntaxProblemWhereItIsAndWhereItsContextStarted() {
    read("a: [1, 2\nb: 3\n");

    assertEquals(
        List.of("t.yaml:2:2: error: not valid YAML: expected ',' or ']', but got : (while parsing a flow sequence that starts at line 1, column 4) (hint: fix the YAML syntax at this position)"),
        lines());
  }

  @Test
  void pointsAtATabUsedForIndentation() {
    read("a:\n\tb: 1\n");

    assertEquals(1, lines().size());
    assertTrue(lines().get(0).startsWith("t.yaml:2:1: error: not valid YAML: found character '\\t(TAB)' that cannot start any token"), lines().get(0));
  }

  @Test
  void locatesARawControlCharacterInsteadOfReportingTheStartOfTheFile() {
    read("a: 1\nb: \"x\u0007y\"\n");

    assertEquals(
        List.of("t.yaml:2:6: error: not valid YAML: the control character U+0007 is not allowed in a YAML file (hint: remove it; inside double quotes it can be written as an escape such as \\t or \\u0007)"),
        lines());
  }

  @Test
  void explainsAComplexKeyWithoutParserInternals() {
    read("? [a, b]\n: c\n");

    assertEquals(1, lines().size());
    assertTrue(lines().get(0).contains("a mapping key must be a plain value, not a list or a mapping"), lines().get(0));
    assertTrue(!lines().get(0).contains("snakeyaml"), lines().get(0));
  }

  @Test
  void weighsATreeAsIfAliasesWereExpanded() {
    YMap root = map("a: &a [1, 2, 3]\nb: [*a, *a]\n");

    assertEquals(4, entry(root, "a").value().weight());
    assertEquals(9, entry(root, "b").value().weight());
    assertEquals(14, root.weight());
  }
}
