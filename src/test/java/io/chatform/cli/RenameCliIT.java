package io.chatform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Through the commands: a rename plans {@code renamed from} and exits 2 with no delete; an account
 * whose group names are not unique exports with id pins and plans "No changes." from the export.
 */
class RenameCliIT {
  @TempDir Path tmp;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    String[] all = new String[args.length + 3];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--sandbox";
    all[args.length + 1] = "--sandbox-state";
    all[args.length + 2] = tmp.resolve("s.json").toString();
    return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), all);
  }

  private Path write(String name, String yaml) throws Exception {
    Path p = tmp.resolve(name);
    Files.writeString(p, yaml);
    return p;
  }

  private void apply(Path manifest) {
    assertThat(run("apply", "-f", manifest.toString(), "--auto-approve", "--progress", "none"))
        .as(out + err.toString())
        .isZero();
  }

  @Test
  void aRenameIsPlannedAsAnUpdateAndDuplicateNamesExportWithPins() throws Exception {
    // One at a time, so the ids are known: Tech Support 1, Other 2.
    apply(write("a1.yaml", "version: 1\ngroups:\n  - {name: Tech Support}\n"));
    apply(write("a.yaml", "version: 1\ngroups:\n  - {name: Tech Support}\n  - {name: Other}\n"));
    Path renamed =
        write(
            "b.yaml",
            "version: 1\ngroups:\n  - {name: Sales, previous_names: [Tech Support]}\n"
                + "  - {name: Other}\n");
    assertThat(run("plan", "-f", renamed.toString(), "--detailed-exitcode"))
        .as(err.toString())
        .isEqualTo(ExitCodes.CHANGES);
    assertThat(out.toString())
        .contains("~ groups/Sales  (renamed from \"Tech Support\", id 1)")
        .doesNotContain("groups/Tech Support  (id");
    assertThat(run("validate", "-f", renamed.toString(), "--lint"))
        .as(out + err.toString())
        .isZero();
    // A saved plan proves the group under its old name and applies exactly.
    Path saved = tmp.resolve("rename.plan.json");
    assertThat(run("plan", "-f", renamed.toString(), "--out", saved.toString()))
        .as(out + err.toString())
        .isIn(0, ExitCodes.CHANGES);
    assertThat(run("apply", saved.toString(), "--auto-approve", "--progress", "none"))
        .as(out + err.toString())
        .isZero();
    assertThat(run("plan", "-f", renamed.toString(), "--detailed-exitcode"))
        .as(out + err.toString())
        .isZero();
    // Another group takes the same name by hand: the names are no longer unique.
    apply(
        write(
            "c.yaml", "version: 1\ngroups:\n  - {name: Sales, id: 1}\n  - {name: Sales, id: 2}\n"));
    Path exported = tmp.resolve("export/chatform.yaml");
    assertThat(run("export", "-o", exported.toString())).as(err.toString()).isZero();
    String yaml = Files.readString(exported);
    assertThat(yaml).contains("id: 1").contains("id: 2");
    assertThat(run("plan", "-f", exported.toString(), "--detailed-exitcode"))
        .as(out + err.toString())
        .isZero();
    assertThat(out.toString()).contains("No changes.");
  }
}
