package io.chatform.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatform.model.ApiVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bot_templates section: at most 5 per Client ID, API 3.5+, no secret in manifests. */
class BotTemplateManifestTest {
  static final String A = "c0ffee00c0ffee00c0ffee00c0ffee00";
  static final String B = "0123456789abcdef0123456789abcdef";
  @TempDir Path dir;

  private List<String> messages(ApiVersion version, String yaml) throws IOException {
    Path f = dir.resolve("m.yaml");
    Files.writeString(f, yaml);
    return new ManifestLoader(n -> Optional.empty())
        .load(List.of(f), version).diagnostics().stream()
            .map(d -> d.format().replace(f.toString(), "m.yaml"))
            .toList();
  }

  private static String templates(String owner, int n, int from) {
    StringBuilder sb = new StringBuilder();
    for (int i = from; i < from + n; i++) {
      sb.append("  - {owner_client_id: ").append(owner).append(", name: t").append(i).append("}\n");
    }
    return sb.toString();
  }

  @Test
  void theSixthTemplateOfOneClientIdIsRefusedWithThePositionsOfTheFive() throws IOException {
    String yaml =
        "version: 1\nbot_templates:\n"
            + templates(A, 5, 0)
            + templates(B, 5, 0)
            + templates(A, 1, 5);
    assertThat(messages(ApiVersion.V3_6, yaml))
        .containsExactly(
            "m.yaml:13:5: bot_templates[10]: more than 5 bot templates for Client ID "
                + A
                + " (others at m.yaml:3:5, m.yaml:4:5, m.yaml:5:5, m.yaml:6:5, m.yaml:7:5) (the"
                + " API allows at most 5 bot templates per Client ID)");
    assertThat(messages(ApiVersion.V3_6, "version: 1\nbot_templates:\n" + templates(A, 5, 0)))
        .isEmpty();
  }

  @Test
  void aSecretCannotBeWrittenAndTheOptionIsABoolean() throws IOException {
    List<String> m =
        messages(
            ApiVersion.V3_6,
            "version: 1\nbot_templates:\n  - {owner_client_id: "
                + A
                + ", name: t, secret: x,"
                + " affect_existing_installations: yes}\n");
    assertThat(m).hasSize(2);
    assertThat(String.join("\n", m)).contains("secret").contains("affect_existing_installations");
  }

  @Test
  void api34RefusesTheSection() throws IOException {
    assertThat(messages(ApiVersion.V3_4, "version: 1\nbot_templates:\n" + templates(A, 1, 0)))
        .containsExactly(
            "m.yaml:2:1: bot_templates: bot_templates exist only from API 3.5, not in 3.4 (remove"
                + " the bot_templates section, or use --api-version 3.5)");
  }
}
