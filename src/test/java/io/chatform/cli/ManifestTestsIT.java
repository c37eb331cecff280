package io.chatform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code chatform test}, and {@code plan} refusing failing tests unless {@code --skip-tests}. */
class ManifestTestsIT {
  @TempDir Path tmp;
  Cli cli;

  static final String CONFIG =
      """
      version: 1
      groups: [{name: Billing}]
      auto_access:
        - description: billing
          groups: [Billing]
          conditions: {url: {values: [{value: /billing}]}}
      """;

  @BeforeEach
  void setUp() {
    cli = new Cli(tmp);
  }

  @Test
  void acmeTestsPass() {
    Cli.Result r = cli.run("test", "-f", "examples/acme");
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.out()).contains("8 tests passed.");
  }

  @Test
  void aFailingExpectationIsLocatedAndExitsOne() {
    cli.write("m/config.yaml", CONFIG);
    String tests =
        cli.write(
            "m/routing.tests.yaml",
            "version: 1\ntests:\n  - visitor: {url: \"https://acme.example/pricing\"}\n"
                + "    routes_to: Billing\n");
    Cli.Result r = cli.run("test", "-f", tmp.resolve("m").toString());
    assertThat(r.code()).as(r.toString()).isEqualTo(1);
    assertThat(r.err())
        .contains(tests + ":3:5: tests[0]: visitor url=https://acme.example/pricing")
        .contains("routes to [General] by no rule (the default), expected [Billing]")
        .contains("1 of 1 tests failed.");
  }

  @Test
  void planRefusesFailingTestsUnlessSkipped() {
    cli.write("m/config.yaml", CONFIG);
    cli.write(
        "m/t.tests.yaml",
        "version: 1\ntests:\n  - {visitor: {url: \"https://x.example/\"}, routes_to: Billing}\n");
    String dir = tmp.resolve("m").toString();
    Cli.Result refused = cli.sandbox("plan", "-f", dir);
    assertThat(refused.code()).as(refused.toString()).isEqualTo(1);
    assertThat(refused.err())
        .contains("1 manifest test fails")
        .contains("t.tests.yaml:3:5: tests[0]")
        .contains("--skip-tests");
    Cli.Result skipped = cli.sandbox("plan", "-f", dir, "--skip-tests");
    assertThat(skipped.code()).as(skipped.toString()).isZero();
    assertThat(skipped.out()).contains("groups/Billing");

    cli.write(
        "m/t.tests.yaml",
        "version: 1\ntests:\n  - {visitor: {url: \"https://x.example/billing\"}, routes_to: Billing}\n");
    Cli.Result passing = cli.sandbox("plan", "-f", dir);
    assertThat(passing.code()).as(passing.toString()).isZero();
  }
}
