package drslink.docs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the top-level blocks of a Terraform file, such as {@code variable "name" { ... }}, with the
 * attributes written directly in each block. Nested blocks ({@code validation}) are skipped, comments are
 * dropped, and each attribute keeps its expression as written, so a module's docs need no Terraform
 * binary. It understands the HCL a module's variables.tf and outputs.tf use: quoted strings with escapes
 * and {@code ${...}} templates, heredocs, brackets spanning lines, and {@code #}, {@code //} and
 * {@code /* *\/} comments.
 */
final class TerraformBlockReader {
  /** A top-level block: its type, its labels and its attributes' expressions as written, in file order. */
  record Block(String type, List<String> labels, Map<String, String> attributes) {}

  private final String text;
  private int at;

  private TerraformBlockReader(String text) {
    this.text = text;
  }

  static List<Block> read(String text) {
    return new TerraformBlockReader(text).blocks();
  }

  private List<Block> blocks() {
    List<Block> blocks = new ArrayList<>();
    skipTrivia(true);
    while (at < text.length()) {
      String type = identifier();
      List<String> labels = labels();
      expect('{');
      blocks.add(new Block(type, labels, body()));
      skipTrivia(true);
    }
    return blocks;
  }

  private List<String> labels() {
    List<String> labels = new ArrayList<>();
    skipTrivia(false);
    while (at < text.length() && text.charAt(at) != '{') {
      labels.add(text.charAt(at) == '"' ? HclStrings.decode(quoted()) : identifier());
      skipTrivia(false);
    }
    return labels;
  }

  /** Reads up to and including the block's closing brace. */
  private Map<String, String> body() {
    Map<String, String> attributes = new LinkedHashMap<>();
    while (true) {
      skipTrivia(true);
      if (at >= text.length()) {
        throw error("unclosed block");
      }
      if (text.charAt(at) == '}') {
        at++;
        return attributes;
      }
      String name = identifier();
      skipTrivia(false);
      if (at < text.length() && text.charAt(at) == '=') {
        at++;
        attributes.put(name, expression());
      } else {
        labels(); // a nested block such as validation {}: its contents are not documented
        expect('{');
        body();
      }
    }
  }

  /** An attribute's expression up to the end of its line (or of its brackets), comments removed. */
  private String expression() {
    StringBuilder out = new StringBuilder();
    int depth = 0;
    while (at < text.length()) {
      char c = text.charAt(at);
      if (c == '\n' && depth == 0 || c == '}' && depth == 0) {
        break;
      } else if (c == '"') {
        out.append(quoted());
      } else if (c == '<' && text.startsWith("<<", at)) {
        out.append(heredoc());
      } else if (startsComment()) {
        skipComment();
      } else {
        depth += "([{".indexOf(c) >= 0 ? 1 : ")]}".indexOf(c) >= 0 ? -1 : 0;
        out.append(c);
        at++;
      }
    }
    return out.toString().strip();
  }

  /** A quoted string as written, quotes included; {@code ${...}} may nest braces and strings. */
  private String quoted() {
    int start = at++;
    int templateDepth = 0;
    while (at < text.length()) {
      char c = text.charAt(at);
      if (c == '\\') {
        at += 2;
        continue;
      }
      at++;
      if (c == '"' && templateDepth == 0) {
        return text.substring(start, at);
      } else if (c == '"') {
        at--;
        quoted();
      } else if ((c == '$' || c == '%') && at < text.length() && text.charAt(at) == '{') {
        templateDepth++;
        at++;
      } else if (c == '{' && templateDepth > 0) {
        templateDepth++;
      } else if (c == '}' && templateDepth > 0) {
        templateDepth--;
      }
    }
    throw error("unclosed string");
  }

  /** A heredoc ({@code <<EOT} or {@code <<-EOT}) as written, through its closing marker line. */
  private String heredoc() {
    int start = at;
    int lineEnd = text.indexOf('\n', at);
    if (lineEnd < 0) {
      throw error("heredoc without a body");
    }
    String marker = text.substring(at + 2, lineEnd).replaceFirst("^-", "").strip();
    at = lineEnd + 1;
    while (at < text.length()) {
      int next = text.indexOf('\n', at);
      int end = next < 0 ? text.length() : next;
      boolean closing = text.substring(at, end).strip().equals(marker);
      at = end;
      if (closing) {
        return text.substring(start, end);
      }
      at++;
    }
    throw error("heredoc " + marker + " is not closed");
  }

  private boolean startsComment() {
    return text.charAt(at) == '#' || text.startsWith("//", at) || text.startsWith("/*", at);
  }

  private void skipComment() {
    if (text.startsWith("/*", at)) {
      int end = text.indexOf("*/", at + 2);
      at = end < 0 ? text.length() : end + 2;
    } else {
      while (at < text.length() && text.charAt(at) != '\n') {
        at++;
      }
    }
  }

  private void skipTrivia(boolean newlines) {
    while (at < text.length()) {
      char c = text.charAt(at);
      if (c == ' ' || c == '\t' || c == '\r' || newlines && c == '\n') {
        at++;
      } else if (startsComment()) {
        skipComment();
      } else {
        return;
      }
    }
  }

  private String identifier() {
    int start = at;
    while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_' || text.charAt(at) == '-')) {
      at++;
    }
    if (start == at) {
      throw error("expected a name");
    }
    return text.substring(start, at);
  }

  private void expect(char c) {
    skipTrivia(true);
    if (at >= text.length() || text.charAt(at) != c) {
      throw error("expected '" + c + "'");
    }
    at++;
  }

  private IllegalArgumentException error(String what) {
    int line = 1 + (int) text.substring(0, Math.min(at, text.length())).chars().filter(ch -> ch == '\n').count();
    return new IllegalArgumentException(what + " at line " + line);
  }
}
