package io.chatform.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatform.model.ApiVersion;
import io.chatform.model.Kind;
import io.chatform.model.Resource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Overlays: fields merged into base objects by identity, objects removed, and every problem located
 * in the file the value came from (base or overlay).
 */
class OverlaysTest {
  @TempDir Path tmp;

  static final String BASE =
      """
      version: 1
      groups:
        - {name: Support, language_code: en}
        - {name: Sales, language_code: en}
      agents:
        - id: a@x.example
          name: Ann
          role: normal
          job_title: Agent
          max_chats_count: 3
          groups: [{group: Support, priority: normal}]
        - id: b@x.example
          name: Bob
          role: normal
      properties:
        - owner_client_id: c0ffee00c0ffee00c0ffee00c0ffee00
          name: tier
          type: string
          access: {license: {agent: [read, write]}, group: {agent: [read]}}
      license_properties:
        c0ffee00c0ffee00c0ffee00c0ffee00: {tier: silver}
      group_properties:
        Support: {c0ffee00c0ffee00c0ffee00c0ffee00: {tier: bronze}}
        Sales: {c0ffee00c0ffee00c0ffee00c0ffee00: {tier: bronze}}
      """;

  private LoadResult load(String overlay) throws Exception {
    Files.createDirectories(tmp.resolve("base"));
    Files.createDirectories(tmp.resolve("prod"));
    Files.writeString(tmp.resolve("base/m.yaml"), BASE);
    Files.writeString(tmp.resolve("prod/overlay.yaml"), overlay);
    Files.writeString(tmp.resolve("prod/secret.txt"), "from-the-overlay-dir\n");
    return new ManifestLoader(n -> Optional.empty())
        .load(List.of(tmp.resolve("base"), tmp.resolve("prod")), ApiVersion.V3_6);
  }

  private List<String> problems(LoadResult r) {
    return r.diagnostics().stream().map(d -> d.format().replace(tmp.toString() + "/", "")).toList();
  }

  private static Resource find(LoadResult r, Kind kind, String field, String value) {
    assertThat(r.diagnostics()).isEmpty();
    return r.state().orElseThrow().sections().get(kind).stream()
        .filter(x -> x.spec().path(field).asText().equals(value))
        .findFirst()
        .orElse(null);
  }

  @Test
  void fieldsMergeByIdentityNullDeletesAndListsAreReplaced() throws Exception {
    LoadResult r =
        load(
            """
            version: 1
            overlay: true
            agents:
              - id: a@x.example
                max_chats_count: 6
                job_title: null
                groups: [{group: Sales, priority: first}]
            license_properties:
              c0ffee00c0ffee00c0ffee00c0ffee00: {tier: gold}
            group_properties:
              Sales: {c0ffee00c0ffee00c0ffee00c0ffee00: {tier: gold}}
            """);
    List<String> tiers =
        r.state().orElseThrow().sections().get(Kind.GROUP_PROPERTIES).stream()
            .map(x -> x.spec().get("group").asText() + "=" + x.spec().get("value").asText())
            .toList();
    assertThat(tiers).containsExactlyInAnyOrder("Support=bronze", "Sales=gold");
    JsonNode ann = find(r, Kind.AGENTS, "id", "a@x.example").spec();
    assertThat(ann.get("max_chats_count").asInt()).isEqualTo(6);
    assertThat(ann.get("name").asText()).isEqualTo("Ann");
    assertThat(ann.has("job_title")).isFalse();
    assertThat(ann.get("groups").toString())
        .isEqualTo("[{\"group\":\"Sales\",\"priority\":\"first\"}]");
    // The object keeps the base's position; an overridden value the overlay's.
    Resource res = find(r, Kind.AGENTS, "id", "a@x.example");
    assertThat(res.location().file()).endsWith("base/m.yaml");
    assertThat(find(r, Kind.LICENSE_PROPERTIES, "name", "tier").spec().get("value").asText())
        .isEqualTo("gold");
    assertThat(r.state().get().sections().get(Kind.AGENTS)).hasSize(2);
  }

  @Test
  void removeDropsObjectsOfEveryShape() throws Exception {
    LoadResult r =
        load(
            """
            version: 1
            overlay: true
            remove:
              - agents/b@x.example
              - license_properties/c0ffee00c0ffee00c0ffee00c0ffee00/tier
            """);
    assertThat(find(r, Kind.AGENTS, "id", "b@x.example")).isNull();
    assertThat(find(r, Kind.AGENTS, "id", "a@x.example")).isNotNull();
    assertThat(r.state().get().sections().get(Kind.LICENSE_PROPERTIES)).isEmpty();
  }

  @Test
  void anOverrideOfAnObjectTheBaseLacksIsLocatedInTheOverlay() throws Exception {
    LoadResult r =
        load(
            """
            version: 1
            overlay: true
            groups:
              - {name: Salse, language_code: de}
            license_properties:
              c0ffee00c0ffee00c0ffee00c0ffee00: {tire: gold}
            bots:
              - {name: B, owner_client_id: c0ffee00c0ffee00c0ffee00c0ffee00}
            remove: [agents/c@x.example]
            policy: {prune: false}
            """);
    assertThat(problems(r))
        .containsExactly(
            "prod/overlay.yaml:4:5: groups[0]: changes groups/Salse, which no base file defines"
                + " (did you mean 'groups/Sales'? an overlay changes only objects the base"
                + " defines, found by identity; to add an object, write it in a file without"
                + " overlay: true)",
            "prod/overlay.yaml:6:38: license_properties.c0ffee00c0ffee00c0ffee00c0ffee00.tire:"
                + " no base file defines this key, so there is nothing to change"
                + " (did you mean 'tier'? an overlay changes only objects the base"
                + " defines, found by identity; to add an object, write it in a file without"
                + " overlay: true)",
            "prod/overlay.yaml:7:1: bots: no base file has a bots section written like this (an"
                + " overlay changes only objects the base defines, found by identity; to add an"
                + " object, write it in a file without overlay: true)",
            "prod/overlay.yaml:9:10: remove[0]: removes agents/c@x.example, which no base file"
                + " defines (did you mean 'agents/a@x.example'?)",
            "prod/overlay.yaml:10:1: policy: policy cannot appear in an overlay (an overlay holds"
                + " version, overlay: true, remove: and sections; write policy, tests and x- keys in"
                + " a file without overlay: true)");
  }

  @Test
  void problemsInMergedValuesPointAtTheFileTheyCameFrom() throws Exception {
    LoadResult r =
        load(
            """
            version: 1
            overlay: true
            agents:
              - id: a@x.example
                role: boss
                max_chats_count: 0x10
              - id: b@x.example
                groups: [{group: Nowhere, priority: normal}]
            """);
    List<String> p = problems(r);
    assertThat(p).hasSize(3);
    assertThat(p.get(0)).startsWith("prod/overlay.yaml:5:11: agents[0].role: ");
    assertThat(p.get(1)).startsWith("prod/overlay.yaml:6:22: agents[0].max_chats_count: ");
    assertThat(p.get(2))
        .startsWith("prod/overlay.yaml:8:22: agents[1].groups[0].group: ")
        .contains("Nowhere");
  }

  @Test
  void aFileReferenceInAnOverlayIsRelativeToTheOverlay() throws Exception {
    LoadResult r =
        load(
            """
            version: 1
            overlay: true
            agents:
              - id: a@x.example
                job_title: "${file:secret.txt}"
            """);
    Resource ann = find(r, Kind.AGENTS, "id", "a@x.example");
    assertThat(ann.spec().get("job_title").asText()).isEqualTo("from-the-overlay-dir");
    assertThat(ann.sensitive()).containsEntry("/job_title", "${file:secret.txt}");
  }

  @Test
  void theMergedManifestIsOneDocumentThatLoadsToTheSameObjects() throws Exception {
    load("version: 1\noverlay: true\nagents:\n  - {id: a@x.example, max_chats_count: 6}\n");
    ManifestLoader.Merged m =
        new ManifestLoader(n -> Optional.empty())
            .loadMerged(List.of(tmp.resolve("base"), tmp.resolve("prod")), ApiVersion.V3_6);
    String yaml = m.yaml().orElseThrow();
    assertThat(yaml).contains("max_chats_count: 6").doesNotContain("overlay");
    Path merged = Files.writeString(tmp.resolve("merged.yaml"), yaml);
    LoadResult again =
        new ManifestLoader(n -> Optional.empty()).load(List.of(merged), ApiVersion.V3_6);
    assertThat(again.diagnostics()).isEmpty();
    Map<Kind, List<Resource>> a = m.result().state().orElseThrow().sections();
    Map<Kind, List<Resource>> b = again.state().orElseThrow().sections();
    assertThat(b.keySet()).isEqualTo(a.keySet());
    a.forEach(
        (k, list) ->
            assertThat(b.get(k).stream().map(Resource::spec).toList())
                .as(k.section())
                .isEqualTo(list.stream().map(Resource::spec).toList()));
  }
}
