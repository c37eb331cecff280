package io.chatform.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.chatform.model.ApiVersion;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Random mutations of valid manifests: validation never throws, never hits an internal error, and
 * reports at least one located problem whenever the mutated document breaks the schema.
 */
class MutationProperties {
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final com.networknt.schema.Schema SCHEMA =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
          .getSchema(SchemaCheck.schemaNode());
  private static final List<Path> SOURCES =
      List.of(
          Path.of("examples/full/chatform.yaml"),
          Path.of("examples/starter/chatform.yaml"),
          Path.of("examples/acme/routing.yaml"));
  private final ManifestLoader loader =
      new ManifestLoader(n -> Optional.ofNullable(Map.of("LC_WEBHOOK_SECRET", "s").get(n)));

  @Property(tries = 150)
  void treeMutationsAreReportedNotThrown(
      @ForAll @IntRange(min = 0, max = 2) int source, @ForAll long seed) throws Exception {
    Random random = new Random(seed);
    JsonNode tree = YAML.readTree(SOURCES.get(source).toFile());
    int mutations = 1 + random.nextInt(3);
    for (int i = 0; i < mutations; i++) {
      mutate(tree, random);
    }
    byte[] bytes = YAML.writeValueAsBytes(tree);
    LoadResult r = loadBytes(bytes);
    boolean schemaInvalid = !SCHEMA.validate(YAML.readTree(bytes)).isEmpty();
    if (schemaInvalid) {
      assertThat(r.ok()).isFalse();
      assertThat(r.diagnostics()).isNotEmpty();
    }
    assertLocated(r);
  }

  @Property(tries = 150)
  void textMutationsAreReportedNotThrown(
      @ForAll @IntRange(min = 0, max = 2) int source, @ForAll long seed) throws Exception {
    Random random = new Random(seed);
    byte[] bytes = Files.readAllBytes(SOURCES.get(source));
    byte[] mutated = bytes.clone();
    int kind = random.nextInt(3);
    if (kind == 0) { // garbage bytes
      for (int i = 0; i < 1 + random.nextInt(8); i++) {
        mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
      }
    } else if (kind == 1) { // duplicate a line (duplicate keys or entries)
      List<String> lines =
          new ArrayList<>(List.of(new String(bytes, StandardCharsets.UTF_8).split("\n")));
      int at = random.nextInt(lines.size());
      lines.add(at, lines.get(at));
      mutated = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    } else { // truncate
      mutated = java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
    }
    assertLocated(loadBytes(mutated));
  }

  private LoadResult loadBytes(byte[] bytes) throws Exception {
    Path dir = Files.createTempDirectory("mutation");
    try {
      Path f = dir.resolve("m.yaml");
      Files.write(f, bytes);
      return loader.load(List.of(f), ApiVersion.V3_6);
    } finally {
      try (var s = Files.list(dir)) {
        for (Path p : s.toList()) {
          Files.delete(p);
        }
      }
      Files.delete(dir);
    }
  }

  private static void assertLocated(LoadResult r) {
    assertThat(r.ok()).isEqualTo(r.diagnostics().isEmpty());
    for (Diagnostic d : r.diagnostics()) {
      assertThat(d.location().line()).as(d.format()).isPositive();
      assertThat(d.location().column()).as(d.format()).isPositive();
      assertThat(d.message()).as(d.format()).doesNotContain("internal error");
    }
  }

  private static void mutate(JsonNode root, Random random) {
    List<JsonNode> containers = new ArrayList<>();
    collect(root, containers);
    JsonNode target = containers.get(random.nextInt(containers.size()));
    if (target instanceof ObjectNode obj && obj.size() > 0) {
      List<String> names = new ArrayList<>();
      obj.fieldNames().forEachRemaining(names::add);
      String name = names.get(random.nextInt(names.size()));
      switch (random.nextInt(4)) {
        case 0 -> obj.remove(name);
        case 1 -> obj.set(name, random.nextBoolean() ? obj.numberNode(12345) : obj.nullNode());
        case 2 -> obj.put(name + "x", "unknown");
        default -> obj.set(name, obj.arrayNode().add(true));
      }
    } else if (target instanceof ArrayNode arr && arr.size() > 0) {
      int i = random.nextInt(arr.size());
      switch (random.nextInt(3)) {
        case 0 -> arr.add(arr.get(i).deepCopy()); // duplicate entry
        case 1 -> arr.remove(i);
        default -> arr.set(i, arr.textNode("replaced"));
      }
    }
  }

  private static void collect(JsonNode node, List<JsonNode> out) {
    if (node.isContainerNode()) {
      out.add(node);
      node.forEach(child -> collect(child, out));
    }
  }
}
