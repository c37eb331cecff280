package io.chatform.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatform.model.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares a rendering with its file in {@code src/test/resources/golden}. Set
 * CHATFORM_UPDATE_GOLDEN=1 to rewrite the files after an intended change, then review the diff.
 */
final class Golden {
  private Golden() {}

  static void check(String name, String actual) throws Exception {
    Path file = Path.of("src/test/resources/golden", name);
    if (System.getenv("CHATFORM_UPDATE_GOLDEN") != null) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, actual, StandardCharsets.UTF_8);
    }
    assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
  }

  /** The text, Markdown and JSON renderings of {@code plan}, each against {@code name.*}. */
  static void all(String name, Plan plan) throws Exception {
    check(name + ".txt", new TextRenderer(false).render(plan));
    check(name + ".md", new MarkdownRenderer().render(plan));
    check(
        name + ".json",
        Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(PlanJson.write(plan))
            + "\n");
  }
}
