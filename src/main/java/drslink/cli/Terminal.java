package drslink.cli;

/**
 * What the error stream is: colors only on an interactive terminal, never when NO_COLOR is set
 * (https://no-color.org) or TERM=dumb, so logs and pipelines get plain text.
 */
record Terminal(boolean interactive, boolean colors) {
  static Terminal detect() {
    boolean interactive = System.console() != null;
    String term = System.getenv("TERM");
    boolean colors = interactive && System.getenv("NO_COLOR") == null && !"dumb".equals(term);
    return new Terminal(interactive, colors);
  }

  String red(String text) {
    return colors ? "\u001b[31;1m" + text + "\u001b[0m" : text;
  }

  String yellow(String text) {
    return colors ? "\u001b[33;1m" + text + "\u001b[0m" : text;
  }
}
