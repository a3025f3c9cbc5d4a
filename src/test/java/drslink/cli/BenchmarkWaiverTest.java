package drslink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import drslink.diag.Diagnostic;
import drslink.pipeline.Loaded;
import drslink.pipeline.Pipeline;
import drslink.pipeline.Waiver;
import drslink.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/** scripts/bench.sh's peer peers more VPCs into one than AWS allows; only the benchmark's property lets that through. */
@Isolated("sets a system property")
class BenchmarkWaiverTest {
  static String fanIn(int n) {
    StringBuilder y = new StringBuilder("version: 1\nname: bench\nregions:\n  - name: ap-northeast-1\n    vpcs:\n");
    for (int i = 0; i < n; i++) {
      y.append(String.format("      - { name: app%d, id: vpc-%08x, cidr: 10.%d.%d.0/24, route_table_ids: [rtb-%08x] }%n", i, 0x10000000 + i, i / 256, i % 256, 0x20000000 + i));
    }
    y.append("  - name: ap-northeast-3\n    vpcs:\n");
    y.append("      - { name: dr, id: vpc-0fedcba9876543210, cidr: 10.200.0.0/16, route_table_ids: [rtb-0fedcba9876543210],"
        + " endpoint_subnet_ids: [subnet-0aaaaaaaaaaaaaaaa, subnet-0bbbbbbbbbbbbbbbb], staging_subnet_id: subnet-0cccccccccccccccc }\n");
    y.append("connectivity:\n");
    for (int i = 0; i < n; i++) {
      y.append("  - { type: vpc_peering, vpcs: [app").append(i).append(", dr] }\n");
    }
    y.append("replication:\n  - name: to-osaka\n    target: dr\n    sources:\n");
    for (int i = 0; i < n; i++) {
      y.append("      - app").append(i).append('\n');
    }
    return y.toString();
  }

  @Test
  void peeringsPastTheMaximumAreRefusedUnlessTheBenchmarkWaivesThem(@TempDir Path tmp) throws IOException {
    Path topology = tmp.resolve("fan-in.yaml");
    Files.writeString(topology, fanIn(126));
    CliRun refused = CliRun.of("validate", topology.toString());
    assertEquals(ExitCodes.INVALID_INPUT, refused.exitCode());
    assertTrue(refused.err().contains("error: VPC dr would have 126 VPC peerings"), refused.err());
    System.setProperty(Services.WAIVE_PROPERTY, "DRS129");
    try {
      CliRun waived = CliRun.of("validate", topology.toString());
      assertEquals(ExitCodes.OK, waived.exitCode(), waived.err());
      assertTrue(waived.err().contains("warning: VPC dr would have 126 VPC peerings"), waived.err());
      assertTrue(waived.err().contains("[waived by -Ddrslink.benchmark.waive; for benchmarks only]"), waived.err());
    } finally {
      System.clearProperty(Services.WAIVE_PROPERTY);
    }
  }

  @Test
  void theLibraryWaivesOnlyWhatItIsGiven(@TempDir Path tmp) throws IOException {
    Path topology = tmp.resolve("fan-in.yaml");
    Files.writeString(topology, fanIn(126));
    System.setProperty(Services.WAIVE_PROPERTY, "DRS129");
    try {
      Loaded plain = new Pipeline().load(topology);
      assertTrue(plain.diagnostics().sorted().stream().anyMatch(d -> d.isError() && d.code().equals("DRS129")), "the facade reads no system property");
    } finally {
      System.clearProperty(Services.WAIVE_PROPERTY);
    }
    Loaded waived = new Pipeline(Waiver.of(" DRS129 , DRS999,DRS129", "waived for this test")).load(topology);
    assertTrue(waived.usable(false), waived.diagnostics().sorted().toString());
    Diagnostic d = waived.diagnostics().sorted().stream().filter(x -> x.code().equals("DRS129")).findFirst().orElseThrow();
    assertFalse(d.isError());
    assertTrue(d.message().endsWith(" [waived for this test]"), d.message());
  }
}
