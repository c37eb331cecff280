package io.chatform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Manifests that manage agents but not groups, naming a group the account lacks: plan and apply
 * refuse before any write (the apply used to delete and create what came first, then fail on the
 * agent with an internal error). Naming it once it exists plans as usual.
 */
class UnmanagedReferenceIT {
  @TempDir Path tmp;

  @Test
  void aGroupTheAccountLacksIsRefusedBeforeAnyWrite() throws Exception {
    Cli cli = new Cli(tmp);
    String groups = cli.write("g.yaml", "version: 1\ngroups:\n  - name: Support\n");
    String agents =
        cli.write(
            "a.yaml",
            """
            version: 1
            agents:
              - id: kept@x.example
                name: Kept
                groups: [{group: Support, priority: normal}]
            """);
    assertThat(cli.sandbox("apply", "-f", groups, "-f", agents, "--auto-approve").code()).isZero();
    var before = io.chatform.model.Json.MAPPER.readTree(Files.readString(cli.state));
    String wrong =
        cli.write(
            "wrong.yaml",
            """
            version: 1
            agents:
              - id: new@x.example
                name: New
                groups: [{group: Nope, priority: normal}]
            """);
    for (Cli.Result r :
        java.util.List.of(
            cli.sandbox("plan", "-f", wrong),
            cli.sandbox("apply", "-f", wrong, "--auto-approve"))) {
      assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.ERROR);
      assertThat(r.all())
          .contains(
              "agents/new@x.example ("
                  + wrong
                  + ":3:5): group 'Nope' does not exist in the"
                  + " account, and the manifests do not manage groups")
          .doesNotContain("[internal]");
    }
    // drift reports what differs; it does not refuse on what only an apply could not do
    Cli.Result drift = cli.sandbox("drift", "-f", wrong);
    assertThat(drift.code()).as(drift.toString()).isEqualTo(ExitCodes.CHANGES);
    assertThat(drift.out()).contains("agents/new@x.example").contains("agents/kept@x.example");
    // kept@x.example would have been deleted first: nothing was written (the lock's own lease
    // records come and go)
    var after = io.chatform.model.Json.MAPPER.readTree(Files.readString(cli.state));
    assertThat(after.get("agents")).isEqualTo(before.get("agents"));
    assertThat(after.get("groups")).isEqualTo(before.get("groups"));
    assertThat(after.get("agents").toString()).contains("kept@x.example");
    Cli.Result ok =
        cli.sandbox(
            "plan",
            "-f",
            cli.write(
                "right.yaml",
                "version: 1\nagents:\n  - id: new@x.example\n    name: New\n    groups:"
                    + " [{group: Support, priority: normal}]\n"),
            "--detailed-exitcode");
    assertThat(ok.code()).as(ok.toString()).isEqualTo(ExitCodes.CHANGES);
  }
}
