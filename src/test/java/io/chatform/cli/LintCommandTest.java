package io.chatform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code validate --lint}: warnings on stderr, exit code stays 0; invalid manifests still 1. */
class LintCommandTest {
  @TempDir Path tmp;

  @Test
  void warningsKeepExitCodeZero() {
    Cli cli = new Cli(tmp);
    String f = cli.write("m.yaml", "version: 1\ngroups: [{name: Lonely}]\n");
    Cli.Result r = cli.run("validate", "--lint", "-f", f);
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.out()).contains("Valid: 1 file");
    assertThat(r.err())
        .contains(f + ":2:10: warning: groups/Lonely: no auto access rule routes to this group")
        .contains("[empty-group]")
        .contains("Lint: 2 warnings.");
    Cli.Result plain = cli.run("validate", "-f", f);
    assertThat(plain.err()).doesNotContain("warning");
  }

  @Test
  void jsonStaysTheDiagnosticsArray() {
    Cli cli = new Cli(tmp);
    String f = cli.write("m.yaml", "version: 1\ngroups: [{name: Lonely}]\n");
    Cli.Result r = cli.run("validate", "--lint", "--json", "-f", f);
    assertThat(r.code()).isZero();
    assertThat(r.out().trim()).isEqualTo("[ ]");
    assertThat(r.err()).contains("[unrouted-group]");
  }

  @Test
  void invalidManifestsAreStillErrors() {
    Cli cli = new Cli(tmp);
    String f = cli.write("m.yaml", "version: 1\ngroups: [{nam: X}]\n");
    assertThat(cli.run("validate", "--lint", "-f", f).code()).isEqualTo(1);
  }
}
