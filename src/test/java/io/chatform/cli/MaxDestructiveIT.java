package io.chatform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --max-destructive} through the CLI against the sandbox: a plan with more ⚠ actions than
 * the limit is refused by plan and by apply (also of a saved plan, whose proof re-runs the rule)
 * with nothing written; at the limit it is shown with its reasons and what still names the group,
 * including a rule in a section the manifests no longer manage, and applies.
 */
class MaxDestructiveIT {
  @TempDir Path tmp;
  Cli cli;
  String manifest;

  static final String BASE =
      """
      version: 1
      groups:
        - {name: Support}
        - {name: Night}
      agents:
        - {id: a@x.example, name: A, role: normal, groups: [{group: Support}]}
        - {id: b@x.example, name: B, role: normal, groups: [{group: Night}]}
      """;

  static final String RULE =
      """
      auto_access:
        - description: Nights
          groups: [Night]
          conditions: {url: {values: [{value: /night}]}}
      """;

  @BeforeEach
  void setUp() {
    cli = new Cli(tmp);
    Cli.Result first =
        cli.sandbox("apply", "-f", cli.write("m/all.yaml", BASE + RULE), "--auto-approve");
    assertThat(first.code()).as(first.toString()).isZero();
    // Night and its agent go; auto_access is no longer managed, but its rule still names Night.
    manifest =
        cli.write(
            "m/all.yaml",
            BASE.replace("  - {name: Night}\n", "")
                .replace(
                    "  - {id: b@x.example, name: B, role: normal, groups: [{group: Night}]}\n",
                    ""));
  }

  @Test
  void moreThanTheLimitIsRefusedAndNothingIsWritten() throws Exception {
    String before = StateWithoutLease.read(cli.state);
    Cli.Result plan = cli.sandbox("plan", "-f", manifest, "--max-destructive", "1");
    assertThat(plan.code()).as(plan.toString()).isEqualTo(1);
    assertThat(plan.err())
        .contains("the plan has 2 destructive (⚠) actions, more than --max-destructive 1")
        .contains("delete agents/b@x.example")
        .contains("delete groups/Night")
        .doesNotContain("Exception");
    Cli.Result apply =
        cli.sandbox("apply", "-f", manifest, "--max-destructive", "1", "--auto-approve");
    assertThat(apply.code()).as(apply.toString()).isEqualTo(1);
    assertThat(apply.err()).contains("more than --max-destructive 1");
    assertThat(StateWithoutLease.read(cli.state)).isEqualTo(before);
  }

  @Test
  void aSavedPlanIsCheckedAgainWithApplysLimit() throws Exception {
    Path file = tmp.resolve("plan.json");
    Cli.Result saved = cli.sandbox("plan", "-f", manifest, "--out", "" + file);
    assertThat(saved.code()).as(saved.toString()).isEqualTo(0);
    String before = StateWithoutLease.read(cli.state);
    Cli.Result apply = cli.sandbox("apply", "" + file, "--max-destructive", "0", "--auto-approve");
    assertThat(apply.code()).as(apply.toString()).isEqualTo(1);
    assertThat(apply.err()).contains("more than --max-destructive 0");
    assertThat(apply.out()).doesNotContain("Apply complete");
    assertThat(StateWithoutLease.read(cli.state)).isEqualTo(before);
  }

  @Test
  void atTheLimitThePlanNamesWhatIsLostAndApplies() {
    Cli.Result plan = cli.sandbox("plan", "-f", manifest, "--max-destructive", "2");
    assertThat(plan.code()).as(plan.toString()).isZero();
    assertThat(plan.out())
        .contains("- groups/Night  (id ")
        .contains("⚠ irreversible: the group's id is gone for good")
        .contains("⚠ irreversible: deletes a person's LiveChat account")
        .contains(
            "# still pointed at by 1 object: auto_access/Nights (section not managed by the"
                + " manifests)");
    Cli.Result apply =
        cli.sandbox("apply", "-f", manifest, "--max-destructive", "2", "--auto-approve");
    assertThat(apply.code()).as(apply.toString()).isZero();
    assertThat(apply.out()).contains("Apply complete");
  }

  @Test
  void aNegativeLimitIsRefused() {
    Cli.Result r = cli.sandbox("plan", "-f", manifest, "--max-destructive", "-1");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("--max-destructive must be 0 or more");
  }
}
