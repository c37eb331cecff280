package io.chatform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.api.LiveChatClient;
import io.chatform.emulator.Emulator;
import io.chatform.emulator.EmulatorConfig;
import io.chatform.emulator.SandboxClients;
import io.chatform.kinds.GreetingKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A greeting created twice by hand (one group, one name): plan refuses and points to repair, which
 * keeps the oldest and deletes the copy; then the plan is clean again.
 */
class GreetingRepairIT {
  private static final String MANIFEST =
      """
      version: 1
      groups:
        - name: Support
      greetings:
        - name: Checkout help
          group: Support
          type: normal
          active: true
          rules:
            - {condition: and, type: url_current, operator: contains, value: checkout}
      """;

  @TempDir Path tmp;

  private static JsonNode withAccount(Cli cli, java.util.function.Consumer<LiveChatClient> body) {
    try (Emulator e = Emulator.start(EmulatorConfig.defaults().withStatePath(cli.state));
        LiveChatClient c = SandboxClients.client(e)) {
      body.accept(c);
      return e.state();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<JsonNode> greetings(JsonNode state) {
    List<JsonNode> out = new ArrayList<>();
    state.path("greetings").path("greetings").forEach(out::add);
    return out;
  }

  @Test
  void repairDeletesTheCopyOfAGreetingAndPlanIsCleanAgain() {
    Cli cli = new Cli(tmp);
    String m = cli.write("m.yaml", MANIFEST);
    Cli.Result first = cli.sandbox("apply", "-f", m, "--auto-approve");
    assertThat(first.code()).as(first.toString()).isZero();
    JsonNode seeded =
        withAccount(
            cli,
            c -> {
              ObjectNode copy = GreetingKind.listGreetings(c).get(0).deepCopy();
              copy.remove("id");
              GreetingKind.createGreeting(c, copy);
            });
    assertThat(greetings(seeded)).hasSize(2);
    long oldest = greetings(seeded).get(0).path("id").asLong();

    Cli.Result refused = cli.sandbox("plan", "-f", m);
    assertThat(refused.code()).as(refused.toString()).isEqualTo(ExitCodes.ERROR);
    assertThat(refused.all())
        .contains("greetings/Support/Checkout help")
        .contains("share this identity")
        .contains("Run chatform repair")
        .contains("chatform repair -f … proposes 1 step(s) to merge them into " + oldest);

    Cli.Result repaired = cli.sandbox("repair", "-f", m, "--auto-approve");
    assertThat(repaired.code()).as(repaired.toString()).isZero();
    assertThat(repaired.out())
        .contains("greetings/Support/Checkout help: 2 live greetings share this identity")
        .contains("delete extra greeting")
        .contains("Repair complete: 1 step(s)");
    JsonNode after = withAccount(cli, c -> {});
    assertThat(greetings(after)).extracting(g -> g.path("id").asLong()).containsExactly(oldest);
    Cli.Result clean = cli.sandbox("plan", "-f", m, "--detailed-exitcode");
    assertThat(clean.code()).as(clean.toString()).isZero();
    assertThat(clean.out()).contains("No changes.");
  }
}
