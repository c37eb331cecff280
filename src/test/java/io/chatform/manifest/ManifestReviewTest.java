package io.chatform.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatform.model.ApiVersion;
import io.chatform.model.DesiredState;
import io.chatform.model.Kind;
import io.chatform.model.Resource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cases found by reviewing the manifest layer as a user would write manifests. */
class ManifestReviewTest {
  static final String CID = "c0ffee00c0ffee00c0ffee00c0ffee00";
  static final String SECRET = "hunter2-xyz";
  @TempDir Path dir;
  private final ManifestLoader loader =
      new ManifestLoader(
          n -> Optional.ofNullable(Map.of("S", SECRET, "G", "Sales", "N", "new_goal").get(n)));

  private LoadResult load(String yaml) throws IOException {
    Path p = dir.resolve("m.yaml");
    Files.writeString(p, yaml, StandardCharsets.UTF_8);
    return loader.load(List.of(p), ApiVersion.V3_6);
  }

  private static List<String> messages(LoadResult r) {
    return r.diagnostics().stream().map(Diagnostic::format).toList();
  }

  @Test
  void mergeKeysAndExtensionKeysLetAnchorsHoldDefaults() throws IOException {
    LoadResult r =
        load(
            "version: 1\n"
                + "x-defaults: &d {role: normal, max_chats_count: 3}\n"
                + "agents:\n"
                + "  - <<: *d\n"
                + "    id: a@x.io\n"
                + "    max_chats_count: 5\n"
                + "  - {<<: *d, id: b@x.io}\n");
    assertThat(messages(r)).isEmpty();
    List<Resource> agents = r.state().orElseThrow().sections().get(Kind.AGENTS);
    assertThat(agents.get(0).spec().get("max_chats_count").asInt()).isEqualTo(5);
    assertThat(agents.get(0).spec().get("role").asText()).isEqualTo("normal");
    assertThat(agents.get(1).spec().get("max_chats_count").asInt()).isEqualTo(3);
    assertThat(agents.get(1).spec().has("<<")).isFalse();
  }

  @Test
  void mergedValuesAreStillValidated() throws IOException {
    LoadResult r = load("version: 1\nx-d: &d {role: boss}\nagents:\n  - <<: *d\n    id: a@x.io\n");
    assertThat(messages(r)).singleElement().asString().contains("agents[0].role", "'boss'");
  }

  @Test
  void aFileWithOnlyTheVersionIsValidAndManagesNothing() throws IOException {
    DesiredState s = load("version: 1\n").state().orElseThrow();
    assertThat(s.manages(Kind.AGENTS)).isFalse();
  }

  @Test
  void bomAndWindowsLineEndingsKeepPositions() throws IOException {
    LoadResult r = load("\uFEFFversion: 1\r\ngroups:\r\n  - name: Zespół 🚀\r\n    nme: x\r\n");
    assertThat(messages(r)).singleElement().asString().contains("m.yaml:4:5: groups[0].nme");
  }

  @Test
  void resolvedSecretsNeverAppearInDuplicateOrReferenceMessages() throws IOException {
    LoadResult r =
        load(
            "version: 1\ngroups: [{name: A}]\nagents:\n"
                + "  - {id: \"${env:S}@x.io\", groups: [{group: \"${env:S}\"}]}\n"
                + "  - {id: \"${env:S}@x.io\"}\n"
                + "webhooks:\n"
                + "  - {owner_client_id: "
                + CID
                + ", type: license, action: \"${env:S}\", url: https://x.io/a, secret_key: s}\n");
    assertThat(messages(r)).hasSize(3).noneMatch(m -> m.contains(SECRET));
    assertThat(String.join("\n", messages(r))).contains("${env:S}@x.io", "'${env:S}'");
  }

  @Test
  void partialReferencesAreSubstitutedInsideStringsAndLists() throws IOException {
    LoadResult r =
        load(
            "version: 1\nagents:\n  - id: a@x.io\n    notifications: [\"${env:N}\", new_visitor]\n"
                + "webhooks:\n  - {owner_client_id: "
                + CID
                + ", type: license, action: incoming_chat, url: \"https://h.io/${env:G}\","
                + " secret_key: \"$${literal}\"}\n");
    assertThat(messages(r)).isEmpty();
    DesiredState s = r.state().orElseThrow();
    Resource w = s.sections().get(Kind.WEBHOOKS).get(0);
    assertThat(w.spec().get("url").asText()).isEqualTo("https://h.io/Sales");
    assertThat(w.spec().get("secret_key").asText()).isEqualTo("${literal}");
    Resource a = s.sections().get(Kind.AGENTS).get(0);
    assertThat(a.spec().get("notifications").get(0).asText()).isEqualTo("new_goal");
  }

  @Test
  void mapKeysMustBeClientIdsAndNumbersAreShownUnquoted() throws IOException {
    LoadResult r =
        load(
            "version: 1\nlicense_webhooks: {abc: enabled}\n"
                + "bots: [{name: B, owner_client_id: "
                + CID
                + ", max_chats_count: 501}]\n");
    assertThat(messages(r))
        .containsExactly(
            dir.resolve("m.yaml")
                + ":2:20: license_webhooks.abc: key 'abc' is not an app's Client ID: 32 lowercase"
                + " hexadecimal characters (copy the Client ID from the app's page in the"
                + " Developer Console)",
            dir.resolve("m.yaml")
                + ":3:86: bots[0].max_chats_count: 501 is above the maximum 500 (use a value of at"
                + " most 500)");
  }

  @Test
  void api34AllowsOneSlotADay() throws IOException {
    String yaml =
        "version: 1\nagents:\n  - id: a@x.io\n    work_scheduler:\n      timezone: UTC\n"
            + "      schedule:\n        - {day: monday, start: \"08:00\", end: \"12:00\"}\n"
            + "        - {day: monday, start: \"13:00\", end: \"17:00\"}\n";
    Path p = dir.resolve("s.yaml");
    Files.writeString(p, yaml);
    assertThat(loader.load(List.of(p), ApiVersion.V3_5).diagnostics()).isEmpty();
    assertThat(loader.load(List.of(p), ApiVersion.V3_4).diagnostics())
        .extracting(Diagnostic::format)
        .singleElement()
        .asString()
        .contains(
            "s.yaml:8:11: agents[0].work_scheduler.schedule[1]: API 3.4 allows one slot a day");
  }
}
