package io.chatform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatform.emulator.EmulatorConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Edits a user makes step by step, through the real CLI: each apply succeeds and the next plan says
 * "No changes." (no perpetual diff, no API error).
 */
class UserEditsIT {
  @TempDir Path tmp;

  private Cli.Result applyThenQuiet(Cli cli, String manifest) {
    Cli.Result applied =
        cli.sandbox("apply", "-f", manifest, "--auto-approve", "--progress", "none");
    assertThat(applied.code()).as(applied.toString()).isZero();
    Cli.Result again = cli.sandbox("plan", "-f", manifest, "--detailed-exitcode");
    assertThat(again.code()).as(again.toString()).isZero();
    assertThat(again.out()).contains("No changes.");
    return applied;
  }

  @Test
  void editingTheOwnerChangesWhatItCanAndSaysWhatItCannot() {
    Cli cli = new Cli(tmp);
    String m =
        cli.write(
            "m.yaml",
            """
            version: 1
            agents:
              - id: %s
                name: Account Owner
                role: normal
                max_chats_count: 9
            """
                .formatted(EmulatorConfig.SANDBOX_OWNER));
    Cli.Result applied = applyThenQuiet(cli, m);
    assertThat(applied.out())
        .contains("max_chats_count: 6 → 9")
        .contains("the account owner's role cannot be changed")
        .contains("1 done, 0 failed")
        .contains("Verified: the account matches the manifests, except what the 1 notice(s)");
  }

  @Test
  void renamingAGroupMovesItsMembersRulesAndValues() {
    Cli cli = new Cli(tmp);
    String yaml =
        """
        version: 1
        groups: [{name: Old}]
        agents:
          - {id: a@t.example, name: A, groups: [{group: Old, priority: first}, {group: General}]}
        bots:
          - {name: B, owner_client_id: CID, groups: [{group: Old}]}
        auto_access:
          - description: r
            groups: [Old]
            conditions: {url: {values: [{value: t.example}]}}
        properties:
          - {owner_client_id: CID, name: p, type: int, access: {group: {agent: [read, write]}}}
        group_properties:
          Old: {CID: {p: 5}}
        """;
    applyThenQuiet(cli, cli.write("m.yaml", yaml));
    Cli.Result renamed = applyThenQuiet(cli, cli.write("m.yaml", yaml.replace("Old", "New")));
    assertThat(renamed.out())
        .contains("+ groups/New")
        .contains("- groups/Old")
        .contains("groups[New]: (not set) → {priority: \"first\"}")
        .contains("Plan: 2 to create, 3 to update, 0 to replace, 2 to delete, 0 to move.");
    // The group goes last, after its members, rule and values moved away from it.
    assertThat(renamed.out().indexOf("- groups/Old"))
        .isGreaterThan(renamed.out().indexOf("~ auto_access/r"))
        .isGreaterThan(renamed.out().indexOf("- group_properties/Old"));
  }

  @Test
  void aNegativeDeletionLimitIsAUsageError() {
    Cli cli = new Cli(tmp);
    String m = cli.write("m.yaml", "version: 1\ngroups: [{name: A}]\n");
    Cli.Result r = cli.sandbox("plan", "-f", m, "--max-deletions", "-1");
    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.ERROR);
    assertThat(r.err()).contains("--max-deletions must be 0 or more").doesNotContain("Exception");
  }
}
