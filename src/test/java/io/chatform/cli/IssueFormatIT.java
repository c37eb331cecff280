package io.chatform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The manifest exactly as the format issue writes it validates, applies and then plans quiet. */
class IssueFormatIT {
  private static final String MANIFEST = "src/test/resources/formats/issue-5-format.yaml";
  private static final Map<String, String> ENV = Map.of("LC_WEBHOOK_SECRET", "issue-secret-1");

  @TempDir Path tmp;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), ENV, args);
  }

  @Test
  void theIssuesOwnExampleValidatesAppliesAndConverges() {
    assertThat(run("validate", "-f", MANIFEST)).as(err.toString()).isZero();
    String state = tmp.resolve("s.json").toString();
    assertThat(
            run(
                "apply",
                "-f",
                MANIFEST,
                "--sandbox",
                "--sandbox-state",
                state,
                "--auto-approve",
                "--progress",
                "none"))
        .as(out + err.toString())
        .isZero();
    assertThat(out.toString()).contains("Verified").doesNotContain("issue-secret-1");
    assertThat(
            run(
                "plan",
                "-f",
                MANIFEST,
                "--sandbox",
                "--sandbox-state",
                state,
                "--detailed-exitcode"))
        .as(out.toString())
        .isZero();
    assertThat(out.toString()).contains("No changes.");
  }
}
