package io.chatform.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Garbage state documents are refused by name and leave the account unchanged. */
class StateDocumentTest {
  @TempDir Path dir;

  private static JsonNode json(String s) throws Exception {
    return Params.JSON.readTree(s.replace('\'', '"'));
  }

  private static AccountState accountWithAGroup() {
    AccountState a = new AccountState("acc", "owner@x.io");
    ObjectNodeCall.handle(a, "create_group", "{\"name\":\"Sales\",\"agent_priorities\":{}}");
    return a;
  }

  @Test
  void garbageIsRefusedAndTheAccountStaysAsItWas() throws Exception {
    AccountState a = accountWithAGroup();
    JsonNode before = a.write();
    String[][] cases = {
      {"[]", "JSON object"},
      {"{'groups':'garbage'}", "`groups` must be an object"},
      {"{'groups':{'groups':[{'id':'x'}]}}", "groups.groups[0].id"},
      {"{'groups':{'groups':[{'id':1},{'id':1}]}}", "duplicated"},
      {"{'groups':{'groups':[7]}}", "groups.groups[0]"},
      {"{'agents':{'agents':[{'name':'no id'}]}}", "agents.agents[0].id"},
      {"{'auto_access':{'rules':{}}}", "auto_access.rules"},
      {"{'bogus':{}}", "unknown section `bogus`"},
    };
    for (String[] c : cases) {
      assertThatThrownBy(() -> a.read(json(c[0])))
          .as(c[0])
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(c[1]);
      assertThat(a.write()).as(c[0]).isEqualTo(before);
    }
  }

  @Test
  void aValidDocumentStillLoadsAndMissingSectionsStartFresh() throws Exception {
    AccountState a = accountWithAGroup();
    AccountState b = new AccountState("acc", "owner@x.io");
    b.read(a.write());
    assertThat(b.write()).isEqualTo(a.write());
    b.read(json("{}"));
    assertThat(b.write()).isEqualTo(new AccountState("acc", "owner@x.io").write());
  }

  @Test
  void corruptOrMissingSeedIsOneClearLine() throws Exception {
    Path corrupt = Files.writeString(dir.resolve("seed.json"), "{\"groups\":\n");
    AccountState a = new AccountState("acc", "owner@x.io");
    StateStore store = new StateStore(a, Optional.empty(), 0, System::nanoTime);
    assertThatThrownBy(() -> store.load(Optional.of(corrupt)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("seed.json")
        .hasMessageContaining("not valid JSON")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    Path missing = dir.resolve("nope.json");
    assertThatThrownBy(() -> store.load(Optional.of(missing)))
        .hasMessageContaining("does not exist")
        .hasMessageContaining("nope.json");
    Path bad = Files.writeString(dir.resolve("bad.json"), "{\"groups\":[]}");
    assertThatThrownBy(() -> store.load(Optional.of(bad)))
        .hasMessageContaining("bad.json")
        .hasMessageContaining("`groups` must be an object");
  }

  /** Calls one handler of an account directly. */
  private static final class ObjectNodeCall {
    static JsonNode handle(AccountState a, String method, String body) {
      try {
        return a.handler(method)
            .orElseThrow()
            .handle(
                new Call(
                    io.chatform.model.ApiVersion.V3_6,
                    method,
                    (com.fasterxml.jackson.databind.node.ObjectNode) Params.JSON.readTree(body),
                    Optional.empty()));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }
}
