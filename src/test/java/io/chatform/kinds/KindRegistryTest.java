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
}
