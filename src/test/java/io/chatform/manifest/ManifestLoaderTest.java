package io.chatform.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatform.model.ApiVersion;
import io.chatform.model.DesiredState;
import io.chatform.model.Kind;
import io.chatform.model.Resource;
import io.chatform.model.SourceLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestLoaderTest {
  static final String CID = "c0ffee00c0ffee00c0ffee00c0ffee00";
  @TempDir Path dir;
  private final ManifestLoader loader =
      new ManifestLoader(n -> Optional.ofNullable(Map.of("SECRET", "hunter2-xyz").get(n)));

  private Path write(String name, String yaml) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, yaml);
    return p;
  }

  private LoadResult load(Path... paths) {
    return loader.load(List.of(paths), ApiVersion.V3_6);
  }

  @Test
  void specKeepsExactlyTheWrittenKeysAndLocation() throws IOException {
    Path f =
        write(
            "a.yaml",
            "version: 1\ngroups:\n  - name: Support\n  - name: Sales\n    language_code: en\n");
    DesiredState s = load(f).state().orElseThrow();
    List<Resource> groups = s.sections().get(Kind.GROUPS);
    assertThat(groups).extracting(Resource::identity).containsExactly("Support", "Sales");
    assertThat(groups.get(0).spec().fieldNames()).toIterable().containsExactly("name");
    assertThat(groups.get(1).location()).isEqualTo(new SourceLocation(f.toString(), 4, 5));
    assertThat(s.manages(Kind.AGENTS)).isFalse();
    assertThat(s.policy().prune()).isTrue();
  }

  @Test
  void aBrokenLinkInADirectoryIsAProblemNotASkippedFile() throws IOException {
    // Skipped, its objects would vanish from the manifests and a plan would delete them.
    write("team/a.yaml", "version: 1\ngroups:\n  - {name: A}\n");
    Path link = dir.resolve("team/b.yaml");
    Files.createSymbolicLink(link, dir.resolve("moved-away.yaml"));
    LoadResult r = load(dir.resolve("team"));
    assertThat(r.ok()).isFalse();
    assertThat(r.diagnostics())
        .singleElement()
        .satisfies(
            d ->
                assertThat(d.format())
                    .startsWith(link + ":1:1: broken symbolic link: what it points to does not"));
    // A link to a file is read through.
    write("moved-away.yaml", "version: 1\ngroups:\n  - {name: B}\n");
    assertThat(load(dir.resolve("team")).state().orElseThrow().sections().get(Kind.GROUPS))
        .extracting(Resource::identity)
        .containsExactly("A", "B");
  }

  @Test
  void utf16TextIsNamedAsSuch() throws IOException {
    String yaml = "version: 1\ngroups:\n  - {name: A}\n";
    Path bom = dir.resolve("bom.yaml");
    Files.write(bom, yaml.getBytes(java.nio.charset.StandardCharsets.UTF_16)); // with a BOM
    Path le = dir.resolve("le.yaml");
    Files.write(le, yaml.getBytes(java.nio.charset.StandardCharsets.UTF_16LE)); // without
    for (Path f : List.of(bom, le)) {
      assertThat(load(f).diagnostics())
          .singleElement()
          .satisfies(
              d -> assertThat(d.format()).contains("file is UTF-16 text; manifests are UTF-8"));
    }
    Path binary = dir.resolve("bin.yaml");
    Files.write(binary, new byte[] {'v', 0, 0, 0, 1, 2, 3, 0, 9, 9});
    assertThat(load(binary).diagnostics())
        .singleElement()
        .satisfies(d -> assertThat(d.format()).contains("file is binary"));
  }

  @Test
  void aDirectoryScanSkipsHiddenFilesAndDirectories() throws IOException {
    write("team/groups.yaml", "version: 1\ngroups:\n  - {name: Support}\n");
    // A Kubernetes ConfigMap mount holds a second copy under ..data; editors leave dot files.
    write("team/..data/groups.yaml", "version: 1\ngroups:\n  - {name: Support}\n");
    write("team/.backup.yaml", "not: a manifest\n");
    LoadResult r = load(dir.resolve("team"));
    assertThat(r.diagnostics()).isEmpty();
    assertThat(r.ok()).isTrue();
    // Named with -f, a hidden file is read like any other.
    assertThat(load(dir.resolve("team/.backup.yaml")).ok()).isFalse();
  }

  @Test
  void emptySectionIsManagedAndEmpty() throws IOException {
    DesiredState s = load(write("a.yaml", "version: 1\nagents: []\n")).state().orElseThrow();
    assertThat(s.section(Kind.AGENTS)).contains(List.of());
  }

  @Test
  void mapShapedSectionsBecomeOneResourcePerValue() throws IOException {
    Path f =
        write(
            "a.yaml",
            "version: 1\nlicense_properties:\n  "
                + CID
                + ": {tier: gold}\ngroup_properties:\n  Support: {"
                + CID
                + ": {tier: silver}}\nlicense_webhooks:\n  "
                + CID
                + ": disabled\n");
    DesiredState s = load(f).state().orElseThrow();
    assertThat(s.sections().get(Kind.LICENSE_PROPERTIES).get(0).spec().toString())
        .isEqualTo("{\"namespace\":\"" + CID + "\",\"name\":\"tier\",\"value\":\"gold\"}");
    assertThat(s.sections().get(Kind.GROUP_PROPERTIES).get(0).identity())
        .isEqualTo("Support/" + CID + "/tier");
    assertThat(s.sections().get(Kind.LICENSE_WEBHOOKS).get(0).spec().get("enabled").asBoolean())
        .isFalse();
  }

  @Test
  void secretsAreResolvedMarkedSensitiveAndNeverPrinted() throws IOException {
    write("secret.txt", "from-file-value\n");
    String hook =
        "version: 1\nwebhooks:\n  - {owner_client_id: "
            + CID
            + ", type: license, action: %s, url: \"https://h.example/x\", secret_key: \"%s\"}\n";
    DesiredState s =
        load(write("ok.yaml", hook.formatted("incoming_chat", "${env:SECRET}")))
            .state()
            .orElseThrow();
    Resource w = s.sections().get(Kind.WEBHOOKS).get(0);
    assertThat(w.spec().get("secret_key").asText()).isEqualTo("hunter2-xyz");
    assertThat(w.sensitive()).containsEntry("/secret_key", "${env:SECRET}");
    assertThat(w.toString()).doesNotContain("hunter2");

    Resource fromFile =
        load(write("f.yaml", hook.formatted("incoming_chat", "${file:secret.txt}")))
            .state()
            .orElseThrow()
            .sections()
            .get(Kind.WEBHOOKS)
            .get(0);
    assertThat(fromFile.spec().get("secret_key").asText()).isEqualTo("from-file-value");

    // An invalid manifest whose secret takes part in errors: the value must not leak.
    LoadResult bad =
        load(
            write(
                "bad.yaml",
                hook.formatted("bogus_action", "${env:SECRET}")
                    + "license_properties: {x: {y: \"${env:SECRET}\"}}\nproperties: []\n"));
    assertThat(bad.ok()).isFalse();
    assertThat(bad.diagnostics()).isNotEmpty();
    bad.diagnostics().forEach(d -> assertThat(d.format()).doesNotContain("hunter2"));
  }

  @Test
  void missingEnvIsLocated() throws IOException {
    Path f = write("a.yaml", "version: 1\ngroups:\n  - name: ${env:NOT_SET}\n");
    LoadResult r = load(f);
    assertThat(r.diagnostics())
        .extracting(Diagnostic::format)
        .containsExactly(
            f
                + ":3:11: groups[0].name: environment variable NOT_SET is not set"
                + " (referenced as ${env:NOT_SET}) (export NOT_SET before running chatform)");
  }

  @Test
  void directoryMergesSectionsInSortedOrderAndHashIsStable() throws IOException {
    write("m/b.yaml", "version: 1\ngroups:\n  - name: B\n");
    write("m/a.yml", "version: 1\ngroups:\n  - name: A\npolicy: {prune: false}\n");
    write("m/sub/c.yaml", "version: 1\ngroups:\n  - name: C\n");
    write("m/notes.txt", "ignored");
    DesiredState s = load(dir.resolve("m")).state().orElseThrow();
    assertThat(s.sections().get(Kind.GROUPS))
        .extracting(Resource::identity)
        .containsExactly("A", "B", "C");
    assertThat(s.policy().prune()).isFalse();
    assertThat(s.manifestHash())
        .hasSize(64)
        .isEqualTo(load(dir.resolve("m")).state().get().manifestHash());
    write("m/b.yaml", "version: 1\ngroups:\n  - name: B2\n");
    assertThat(load(dir.resolve("m")).state().get().manifestHash()).isNotEqualTo(s.manifestHash());
  }

  @Test
  void reportsEveryProblemAtOnceSortedByPosition() throws IOException {
    Path f =
        write(
            "a.yaml",
            "version: 1\ngroups:\n  - nam: A\nagents:\n  - id: x@y.z\n    role: boss\n    max_chats_count: 21\n");
    LoadResult r = load(f);
    assertThat(r.diagnostics()).extracting(d -> d.location().line()).containsExactly(3, 3, 6, 7);
    assertThat(r.diagnostics())
        .extracting(Diagnostic::path)
        .containsExactly(
            "groups[0]", "groups[0].nam", "agents[0].role", "agents[0].max_chats_count");
  }

  @Test
  void agentChatLimitDependsOnApiVersion() throws IOException {
    Path f = write("a.yaml", "version: 1\nagents:\n  - {id: x@y.z, max_chats_count: 50}\n");
    assertThat(loader.load(List.of(f), ApiVersion.V3_4).ok()).isTrue();
    assertThat(loader.load(List.of(f), ApiVersion.V3_5).ok()).isFalse();
  }

  @Test
  void duplicateAcrossFilesNamesBothLocations() throws IOException {
    Path a = write("a.yaml", "version: 1\ngroups: [{name: X}]\npolicy: {}\n");
    Path b = write("b.yaml", "version: 1\ngroups: [{name: X}]\npolicy: {}\n");
    List<String> lines = load(a, b).diagnostics().stream().map(Diagnostic::format).toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0))
        .startsWith(
            b + ":2:10: groups[0]: duplicate groups entry 'X' (also declared at " + a + ":2:10)");
    assertThat(lines.get(1)).startsWith(b + ":3:1: policy: policy is declared more than once");
  }

  @Test
  void yaml12ScalarsKeepNorwayAndTimesAsStrings() throws IOException {
    Path f =
        write(
            "a.yaml",
            "version: 1\ngroups: [{name: G}]\nauto_access:\n  - description: N\n    groups: [G]\n    conditions: {geolocation: {values: [{country_code: NO}]}}\n");
    assertThat(load(f).diagnostics()).isEmpty();
  }
}
