package io.chatform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saved plans of the wrong shape: one readable refusal each, never a crash or an API write. */
class MalformedPlanIT {
  @TempDir Path tmp;

  @Test
  void everyWrongShapeIsRefusedReadably() throws Exception {
    Cli cli = new Cli(tmp);
    String m = cli.write("m.yaml", "version: 1\ngroups:\n  - {name: Support}\n");
    assertThat(cli.sandbox("apply", "-f", m, "--auto-approve").code()).isZero();
    cli.write("m.yaml", "version: 1\ngroups:\n  - {name: Support, language_code: fr}\n");
    Path good = tmp.resolve("good.json");
    assertThat(cli.sandbox("plan", "-f", m, "--out", "" + good).code()).isZero();
    ObjectNode plan = (ObjectNode) Json.MAPPER.readTree(Files.readString(good));

    Map<String, Consumer<ObjectNode>> shapes = new LinkedHashMap<>();
    shapes.put("actions is text", p -> p.put("actions", "all of them"));
    shapes.put("actions hold numbers", p -> p.putArray("actions").add(1).add(2));
    shapes.put("an action's desired is a list", p -> action(p).putArray("desired").add("x"));
    shapes.put("an action's kind is unknown", p -> action(p).put("kind", "databases"));
    shapes.put("fingerprints is a list", p -> p.putArray("fingerprints").add("x"));
    shapes.put("target is a number", p -> p.put("target", 5));
    shapes.put("manifests hold an object", p -> p.putArray("manifests").addObject());
    shapes.put("format_version 2", p -> p.put("format_version", 2));
    shapes.put("a bad JSON pointer in sensitive", p -> action(p).with("sensitive").put("x", "y"));
    shapes.put(
        "deeply nested desired",
        p -> {
          ObjectNode n = action(p).with("desired");
          for (int i = 0; i < 500; i++) {
            n = n.putObject("n");
          }
        });

    String before = StateWithoutLease.read(cli.state);
    for (var e : shapes.entrySet()) {
      ObjectNode bad = plan.deepCopy();
      e.getValue().accept(bad);
      Path file = tmp.resolve("bad.json");
      Files.writeString(file, bad.toString());
      // With -f the recorded manifests are not read at all, so only their own shape goes without.
      String[][] runs =
          e.getKey().startsWith("manifests")
              ? new String[][] {{"" + file, "--auto-approve"}}
              : new String[][] {
                {"" + file, "-f", m, "--auto-approve"}, {"" + file, "--auto-approve", "--json"}
              };
      for (String[] args : runs) {
        Cli.Result r = cli.sandbox("apply", args);
        assertThat(r.code()).as(e.getKey() + "\n" + r).isEqualTo(1);
        assertThat(r.err())
            .as(e.getKey())
            .startsWith("Error: ")
            .doesNotContain("Exception")
            .doesNotContain("unexpected error")
            .doesNotContain("\tat ");
      }
      assertThat(StateWithoutLease.read(cli.state)).as(e.getKey()).isEqualTo(before);
    }
  }

  private static ObjectNode action(ObjectNode plan) {
    return (ObjectNode) plan.path("actions").get(0);
  }
}
