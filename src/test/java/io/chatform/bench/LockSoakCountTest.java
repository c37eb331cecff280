package io.chatform.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatform.api.LiveChatClient;
import io.chatform.emulator.Emulator;
import io.chatform.emulator.EmulatorConfig;
import io.chatform.emulator.SandboxClients;
import io.chatform.manifest.LoadResult;
import io.chatform.manifest.ManifestLoader;
import io.chatform.model.ApiVersion;
import io.chatform.model.DesiredState;
import io.chatform.model.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The soak counts from the emulator's own state, for every kind it can show, not a fixed list. */
class LockSoakCountTest {
  @TempDir Path dir;

  @Test
  void countsDuplicatesAndLossesOfEveryDeclaredKindTheEmulatorStores() throws Exception {
    Path m = dir.resolve("m.yaml");
    Files.writeString(
        m,
        """
        version: 1
        groups:
          - name: Sales
          - name: Support
        tags:
          - name: vip
        """);
    LoadResult r = new ManifestLoader(n -> Optional.empty()).load(List.of(m), ApiVersion.V3_6);
    assertThat(r.diagnostics()).isEmpty();
    DesiredState desired = r.state().orElseThrow();
    try (Emulator e = Emulator.start(EmulatorConfig.defaults());
        LiveChatClient c = SandboxClients.client(e)) {
      LockSoak soak = new LockSoak(desired, ApiVersion.V3_6, 0);
      assertThat(soak.count(e)).as("Sales and Support missing").containsExactly(0, 2);
      for (int i = 0; i < 3; i++) {
        com.fasterxml.jackson.databind.node.ObjectNode g = Json.object().put("name", "Sales");
        g.putObject("agent_priorities");
        c.call("create_group", g);
      }
      // Sales three times (two duplicates), Support lost; tags are not shown from the state
      assertThat(soak.count(e)).containsExactly(2, 1);
      assertThat(e.storedObjects("groups").orElseThrow()).hasSize(4); // with General
      assertThat(e.storedObjects("tags")).isEmpty();
    }
  }
}
