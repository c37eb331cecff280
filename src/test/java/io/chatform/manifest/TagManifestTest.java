package io.chatform.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatform.model.ApiVersion;
import io.chatform.model.Kind;
import io.chatform.model.Resource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tags section: its schema, case-insensitive duplicates, group references, API 3.5+. */
class TagManifestTest {
  @TempDir Path dir;

  private LoadResult load(ApiVersion version, String... files) throws IOException {
    List<Path> paths = new java.util.ArrayList<>();
    for (int i = 0; i < files.length; i++) {
      Path f = dir.resolve("m" + i + ".yaml");
      Files.writeString(f, files[i]);
      paths.add(f);
    }
    return new ManifestLoader(n -> Optional.empty()).load(paths, version);
  }

  private List<String> messages(ApiVersion version, String... files) throws IOException {
    return load(version, files).diagnostics().stream()
        .map(d -> d.format().replace(dir.toString() + "/", ""))
        .toList();
  }

  @Test
  void aTagsSectionLoadsWithItsGroupNames() throws IOException {
    LoadResult r =
        load(
            ApiVersion.V3_6,
            "version: 1\ngroups:\n  - name: Sales\ntags:\n  - name: vip\n    groups: [Sales]\n"
                + "  - name: spam\n");
    assertThat(r.diagnostics()).isEmpty();
    List<Resource> tags = r.state().orElseThrow().sections().get(Kind.TAGS);
    assertThat(tags).extracting(Resource::address).containsExactly("tags/vip", "tags/spam");
    assertThat(tags.get(0).spec().get("groups").get(0).asText()).isEqualTo("Sales");
  }

  @Test
  void namesDifferingOnlyInCaseAreOneTagEvenAcrossFiles() throws IOException {
    assertThat(
            messages(
                ApiVersion.V3_6,
                "version: 1\ntags:\n  - name: Billing\n",
                "version: 1\ntags:\n  - name: other\n  - name: billing\n"))
        .containsExactly(
            "m1.yaml:4:5: tags[1]: tag 'billing' is the same tag as 'Billing' (declared at"
                + " m0.yaml:3:5): LiveChat matches tag names ignoring letter case (declare each"
                + " tag once, with one spelling of its name)");
  }

  @Test
  void caseIsFoldedAsTheApiFoldsIt() throws IOException {
    // The dotless i and I are one letter to equalsIgnoreCase (and to the API), two to
    // toLowerCase: the check must not let through a pair the API then refuses mid-apply.
    assertThat(messages(ApiVersion.V3_6, "version: 1\ntags:\n  - name: \u0131\n  - name: I\n"))
        .singleElement()
        .asString()
        .contains("LiveChat matches tag names ignoring letter case");
  }

  @Test
  void anExactRepeatIsADuplicateWithBothPositions() throws IOException {
    assertThat(messages(ApiVersion.V3_6, "version: 1\ntags:\n  - name: a\n  - name: a\n"))
        .singleElement()
        .asString()
        .startsWith(
            "m0.yaml:4:5: tags[1]: duplicate tags entry 'a' (also declared at m0.yaml:3:5)");
  }

  @Test
  void groupsMustBeDeclaredWhileManagedAndListedOnce() throws IOException {
    assertThat(
            messages(
                ApiVersion.V3_6,
                "version: 1\ngroups:\n  - name: Sales\ntags:\n  - name: t\n"
                    + "    groups: [Sales, Sale, Sales]\n"))
        .containsExactly(
            "m0.yaml:6:21: tags[0].groups[1]: group 'Sale' is not declared in groups (did you mean"
                + " 'Sales'?)",
            "m0.yaml:6:27: tags[0].groups[2]: group 'Sales' is listed twice (list each group"
                + " once)");
  }

  @Test
  void unknownFieldsAndMissingNamesAreSchemaErrors() throws IOException {
    List<String> m =
        messages(
            ApiVersion.V3_6, "version: 1\ntags:\n  - groups: []\n  - name: x\n    author_id: a\n");
    assertThat(m).hasSize(2);
    assertThat(m.get(0)).startsWith("m0.yaml:3:5: tags[0]").contains("name");
    assertThat(m.get(1)).startsWith("m0.yaml:5:5: tags[1].author_id");
  }

  @Test
  void api34RefusesTheSectionAtItsKeyEvenEmpty() throws IOException {
    String hint = "(remove the tags section, or use --api-version 3.5)";
    assertThat(messages(ApiVersion.V3_4, "version: 1\ngroups: []\ntags: []\n"))
        .containsExactly("m0.yaml:3:1: tags: tags exist only from API 3.5, not in 3.4 " + hint);
    assertThat(messages(ApiVersion.V3_5, "version: 1\ntags: []\n")).isEmpty();
  }
}
