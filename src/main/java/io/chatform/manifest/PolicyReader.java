package io.chatform.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatform.model.FieldMode;
import io.chatform.model.Kind;
import io.chatform.model.Policy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Reads the {@code policy:} block (its shape was checked by the schema) and checks that each
 * protect/ignore glob names a real section, so a typo does not silently protect nothing.
 */
final class PolicyReader {
  private PolicyReader() {}

  static Policy read(
      JsonNode node, PositionIndex index, List<Diagnostic> out, Set<String> reported) {
    boolean prune = !node.has("prune") || node.get("prune").asBoolean(true);
    return new Policy(
        prune,
        globs(node, "protect", index, out, reported),
        globs(node, "ignore", index, out, reported),
        FieldMode.parse(node.path("fields").asText("owned")).orElse(FieldMode.OWNED));
  }

  private static List<String> globs(
      JsonNode policy,
      String field,
      PositionIndex index,
      List<Diagnostic> out,
      Set<String> reported) {
    List<String> globs = new ArrayList<>();
    JsonNode list = policy.get(field);
    if (list == null || !list.isArray()) {
      return globs;
    }
    List<String> sections = Arrays.stream(Kind.values()).map(Kind::section).toList();
    for (int i = 0; i < list.size(); i++) {
      String glob = list.get(i).asText();
      globs.add(glob);
      String ptr = "/policy/" + field + "/" + i;
      int slash = glob.indexOf('/');
      String section = slash < 0 ? glob : glob.substring(0, slash);
      if (!sections.contains(section) && reported.add(index.file() + "|" + ptr)) {
        out.add(
            new Diagnostic(
                index.value(ptr),
                index.display(ptr),
                "'" + section + "' is not a section",
                Suggestions.hint(section, sections)));
      }
    }
    return globs;
  }
}
