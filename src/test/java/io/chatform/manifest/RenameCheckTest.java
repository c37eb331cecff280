package io.chatform.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatform.model.ApiVersion;
import io.chatform.model.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code previous_names} and {@code id} pins: what validation accepts and refuses, located. */
class RenameCheckTest {
  @TempDir Path dir;
  private final ManifestLoader loader = new ManifestLoader(n -> Optional.empty());

  private LoadResult load(String yaml) throws IOException {
    Path p = dir.resolve("m.yaml");
    Files.writeString(p, yaml, StandardCharsets.UTF_8);
    return loader.load(List.of(p), ApiVersion.V3_6);
  }

  private static List<String> messages(LoadResult r) {
    return r.diagnostics().stream().map(Diagnostic::format).toList();
  }

  @Test
  void previousNamesAndPinsAreAccepted() throws IOException {
    LoadResult r =
        load(
            "version: 1\n"
                + "groups:\n"
                + "  - {name: Technical Support, previous_names: [Tech Support]}\n"
                + "  - {name: Sales, id: 2}\n"
                + "  - {name: Sales, id: 3}\n"
                + "auto_access:\n"
                + "  - {description: New, previous_names: [Old], groups: [Sales], conditions: {url: {values: [{value: /a}]}}}\n");
    assertThat(messages(r)).isEmpty();
    assertThat(r.state().orElseThrow().sections().get(Kind.GROUPS)).hasSize(3);
  }

  @Test
  void aPreviousNameThatIsAnotherObjectsNameIsRefusedWhereItIsWritten() throws IOException {
    LoadResult r =
        load(
            "version: 1\n"
                + "groups:\n"
                + "  - {name: Support}\n"
                + "  - {name: Help, previous_names: [Support]}\n");
    assertThat(messages(r))
        .singleElement()
        .asString()
        .contains("m.yaml:4:", "previous name 'Support' is the current name of Support");
  }

  @Test
  void aPreviousNameOfTwoObjectsIsRefused() throws IOException {
    LoadResult r =
        load(
            "version: 1\n"
                + "auto_access:\n"
                + "  - {description: A, previous_names: [Old], groups: [General], conditions: {url: {values: [{value: /a}]}}}\n"
                + "  - {description: B, previous_names: [Old], groups: [General], conditions: {url: {values: [{value: /a}]}}}\n");
    assertThat(messages(r))
        .singleElement()
        .asString()
        .contains("m.yaml:4:", "'Old' is also a previous name of A");
  }

  @Test
  void sameNamesNeedDifferentPins() throws IOException {
    assertThat(messages(load("version: 1\ngroups:\n  - {name: S}\n  - {name: S, id: 3}\n")))
        .singleElement()
        .asString()
        .contains("duplicate groups entry 'S'");
    assertThat(messages(load("version: 1\ngroups:\n  - {name: S, id: 3}\n  - {name: T, id: 3}\n")))
        .singleElement()
        .asString()
        .contains("m.yaml:4:", "groups id 3 is pinned twice");
  }

  @Test
  void onlyGroupsArePinnedAndOnlyNamedKindsHavePreviousNames() throws IOException {
    assertThat(messages(load("version: 1\nbots:\n  - {name: B, owner_client_id: c, id: 3}\n")))
        .isNotEmpty();
    assertThat(messages(load("version: 1\nagents:\n  - {id: a@x.io, previous_names: [b@x.io]}\n")))
        .isNotEmpty();
  }
}
