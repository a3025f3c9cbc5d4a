package drslink.pipeline;

/**
 * How a report is printed: {@code plan}'s resource list and the live checks' findings take the same three. Constant
 * names are what {@code --format} accepts.
 */
public enum ReportFormat {
  text,
  markdown,
  json
}
