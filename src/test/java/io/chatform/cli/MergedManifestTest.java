package io.chatform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Golden files of {@code validate --print-merged} for each account of {@code examples/accounts}:
 * the base with the account's variables and overlay, as one document. After an intended change,
 * regenerate them with {@code -Dgolden.update=true} and review the difference.
 */
class MergedManifestTest {
  static final String PROJECT = "examples/accounts/chatform-project.yml";

  private static String[] run(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), env, args);
    return new String[] {"" + code, out.toString(), err.toString()};
  }

  @ParameterizedTest
  @ValueSource(strings = {"staging", "production"})
  void eachAccountsMergedManifestMatchesItsGoldenFile(String account) throws Exception {
    String[] r =
        run(Map.of(), "validate", "--project", PROJECT, "--account", account, "--print-merged");
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    Path golden = Path.of("examples/accounts/expected/" + account + ".merged.yml");
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(golden, r[1]);
    }
    assertThat(r[1]).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    // With the secret set and resolved, the printed document still holds only its reference.
    String[] resolved =
        run(
            Map.of("LC_WEBHOOK_SECRET", Cli.SECRET),
            "validate",
            "--project",
            PROJECT,
            "--account",
            account,
            "--print-merged",
            "--resolve");
    assertThat(resolved[0]).as(resolved[2]).isEqualTo("0");
    assertThat(resolved[1]).isEqualTo(r[1]).doesNotContain(Cli.SECRET);
  }

  @ParameterizedTest
  @ValueSource(strings = {"staging", "production"})
  void aFlagChangesTheMergedValueAndABadOneIsRefused(String account) {
    String[] r =
        run(
            Map.of("CHATFORM_VAR_max_chats", "8"),
            "validate",
            "--project",
            PROJECT,
            "--account",
            account,
            "--print-merged",
            "--var",
            "max_chats=9");
    assertThat(r[1]).contains("max_chats_count: 9").doesNotContain("max_chats_count: 8");
    String[] bad =
        run(Map.of(), "validate", "--project", PROJECT, "--account", account, "--var", "x");
    assertThat(bad[0]).isEqualTo("1");
    assertThat(bad[2]).contains("--var takes NAME=VALUE");
  }
}
