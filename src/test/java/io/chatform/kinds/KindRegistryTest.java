package io.chatform.kinds;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatform.model.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The registry holds one class per {@link Kind} constant, in the export order, and the enum keeps
 * no per-kind switch: a kind's facts live in its class (issue #14, "one kind, one place").
 */
class KindRegistryTest {
  @Test
  void registersEveryKindConstantExactlyOnce() {
    assertThat(Kinds.all().stream().map(ResourceKind::kind))
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrder(Kind.values());
    Arrays.stream(Kind.values()).forEach(k -> assertThat(Kinds.of(k).kind()).isEqualTo(k));
  }

  @Test
  void listsTheSectionsInTheExportOrder() {
    assertThat(Kinds.all().stream().map(ResourceKind::section))
        .containsExactly(
            "groups",
            "agents",
            "bots",
            "auto_access",
            "properties",
            "license_properties",
            "group_properties",
            "webhooks",
            "license_webhooks",
            "tags",
            "bot_templates",
            "greetings",
            "canned_responses",
            "allowed_domains");
  }

  @Test
  void theEnumNamesNoKindClassAndSwitchesOnNoConstant() throws IOException {
    String source = Files.readString(Path.of("src/main/java/io/chatform/model/Kind.java"));
    for (ResourceKind k : Kinds.all()) {
      assertThat(source).doesNotContainPattern("\\b" + k.getClass().getSimpleName() + "\\b");
    }
    for (Kind c : Kind.values()) {
      assertThat(source)
          .doesNotContain("case " + c.name())
          .doesNotContain("== " + c.name())
          .doesNotContain("this == " + c.name());
    }
  }

  /**
   * Issue #14's measure, as a test: outside {@code emulator/} (which models the API, not the
   * kinds), a kind's constant ({@code Kind.GROUPS}, {@code case GROUPS}) or class is named only in
   * its own class and in the registry ({@code Kinds}); {@code model/Kind} declares the constants.
   */
  @Test
  void everyKindIsNamedOnlyInItsOwnClassAndTheRegistry() throws IOException {
    Path main = Path.of("src/main/java");
    java.util.List<Path> sources;
    try (var walk = Files.walk(main)) {
      sources =
          walk.filter(p -> p.toString().endsWith(".java"))
              .filter(p -> !main.relativize(p).startsWith(Path.of("io/chatform/emulator")))
              .toList();
    }
    assertThat(sources).hasSizeGreaterThan(100);
    java.util.Map<Path, String> text = new java.util.HashMap<>();
    for (Path p : sources) {
      text.put(p, Files.readString(p));
    }
    for (ResourceKind k : Kinds.all()) {
      String cls = k.getClass().getSimpleName();
      java.util.regex.Pattern named =
          java.util.regex.Pattern.compile(
              "Kind\\."
                  + k.kind().name()
                  + "\\b|case "
                  + k.kind().name()
                  + "\\b|\\b"
                  + cls
                  + "\\b");
      java.util.List<String> elsewhere =
          text.entrySet().stream()
              .filter(e -> named.matcher(e.getValue()).find())
              .map(e -> e.getKey().getFileName().toString())
              .filter(f -> !f.equals(cls + ".java") && !f.equals("Kinds.java"))
              .sorted()
              .toList();
      assertThat(elsewhere).as(k.section() + " is named outside its class").isEmpty();
    }
  }
}
