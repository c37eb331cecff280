package io.chatform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An agent's avatar is managed on API 3.5 (3.6 moved it out of this API, and validate says so). */
class AgentAvatarIT {
  @TempDir Path tmp;

  private static final String MANIFEST =
      """
      version: 1
      agents:
        - {id: jane@acme.example, name: Jane, avatar: "https://cdn.acme.example/AVATAR.png"}
      """;

  @Test
  void avatarAppliesAndUpdatesOn35() {
    Cli cli = new Cli(tmp);
    String m = cli.write("m.yaml", MANIFEST.replace("AVATAR", "one"));
    Cli.Result first = cli.sandbox("apply", "-f", m, "--api-version", "3.5", "--auto-approve");
    assertThat(first.code()).as(first.toString()).isZero();
    cli.write("m.yaml", MANIFEST.replace("AVATAR", "two"));
    Cli.Result plan = cli.sandbox("plan", "-f", m, "--api-version", "3.5");
    assertThat(plan.out())
        .contains(
            "avatar: \"https://cdn.acme.example/one.png\" → \"https://cdn.acme.example/two.png\"");
    assertThat(cli.sandbox("apply", "-f", m, "--api-version", "3.5", "--auto-approve").code())
        .isZero();
    assertThat(cli.sandbox("plan", "-f", m, "--api-version", "3.5").out()).contains("No changes.");
    Cli.Result v36 = cli.sandbox("plan", "-f", m);
    assertThat(v36.code()).isEqualTo(1);
    assertThat(v36.err()).contains("avatar cannot be set through API 3.6");
  }
}
