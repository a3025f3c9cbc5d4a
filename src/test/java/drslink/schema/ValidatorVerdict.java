package drslink.schema;

import drslink.testing.CliRun;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What `drslink validate` says about a file: its exit code and the lines its errors point at. */
record ValidatorVerdict(int exitCode, String stderr, List<Integer> errorLines) {
  private static final Pattern ERROR = Pattern.compile("^.+:(\\d+):(\\d+): error: ", Pattern.MULTILINE);

  static ValidatorVerdict of(Path topology) {
    CliRun run = CliRun.of("validate", topology.toString());
    Matcher m = ERROR.matcher(run.err());
    List<Integer> lines = m.results().map(r -> Integer.parseInt(r.group(1))).toList();
    return new ValidatorVerdict(run.exitCode(), run.err(), lines);
  }

  boolean rejected() {
    return exitCode == 1;
  }
}
