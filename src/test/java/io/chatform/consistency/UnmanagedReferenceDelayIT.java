package io.chatform.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatform.emulator.FaultConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The check of names in sections the manifests do not manage, under lists that lag behind writes: a
 * group this machine created a moment ago is not refused as missing (the apply first waits for its
 * journal's writes to be listed), and a group the account lacks is refused before any write.
 */
class UnmanagedReferenceDelayIT {
  @TempDir Path tmp;

  @Test
  void aGroupJustCreatedIsFoundAndAMissingOneIsRefusedBeforeAnyWrite() throws Exception {
    Path groups = tmp.resolve("groups.yaml");
    Files.writeString(groups, "version: 1\ngroups:\n  - {name: Support}\n");
    Path agents = tmp.resolve("agents.yaml");
    Files.writeString(
        agents,
        "version: 1\nagents:\n  - id: jane@x.example\n    name: Jane\n"
            + "    groups: [{group: Support, priority: normal}]\n");
    Path missing = tmp.resolve("missing.yaml");
    Files.writeString(
        missing,
        "version: 1\nagents:\n  - id: jane@x.example\n    name: Jane\n"
            + "    groups: [{group: Support, priority: normal}]\n"
            + "  - id: max@x.example\n    name: Max\n"
            + "    groups: [{group: Nope, priority: normal}]\n");
    String[] lock = {"--lock-client-id", DelayedAccount.CID};
    try (DelayedAccount a =
        DelayedAccount.open(tmp, FaultConfig.none().withConsistencyDelayMs(1500))) {
      // No verification: the apply returns as soon as it wrote, the list still lags.
      DelayedAccount.Run g =
          a.apply("-f", groups.toString(), "--verify-timeout", "0", lock[0], lock[1]);
      assertThat(g.code()).as(g.toString()).isZero();
      // At once: the list may not show Support yet, but this machine's journal says it exists.
      DelayedAccount.Run j = a.apply("-f", agents.toString(), lock[0], lock[1]);
      assertThat(j.code()).as(j.toString()).isZero();
      assertThat(j.out() + j.err()).doesNotContain("does not exist in the account");
      a.assertNoDuplicates();
      assertThat(a.objects()).containsKey("agents/jane@x.example");

      DelayedAccount.Run m = a.apply("-f", missing.toString(), lock[0], lock[1]);
      assertThat(m.code()).as(m.toString()).isEqualTo(1);
      assertThat(m.out() + m.err())
          .contains(
              "agents/max@x.example ("
                  + missing
                  + ":6:5): group 'Nope' does not exist in the account, and the manifests do not"
                  + " manage groups");
      assertThat(a.objects()).doesNotContainKey("agents/max@x.example");
      a.assertNoDuplicates();
    }
  }
}
