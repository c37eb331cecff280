package io.chatform.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatform.model.ApiVersion;
import io.chatform.model.Kind;
import java.util.List;

/** Sections of kinds the targeted API version does not have ({@link Kind#since()}), located. */
final class SectionVersions {
  private SectionVersions() {}

  /** Reports each such section of one file at its key, even when it is empty. */
  static void check(JsonNode root, PositionIndex index, ApiVersion version, List<Diagnostic> out) {
    for (Kind k : Kind.values()) {
      io.chatform.kinds.ResourceKind kind = io.chatform.kinds.Kinds.of(k);
      if (root.has(k.section()) && !version.atLeast(kind.since())) {
        String ptr = "/" + k.section();
        out.add(
            new Diagnostic(
                index.key(ptr),
                index.display(ptr),
                kind.absentIn(version),
                "remove the " + k.section() + " section, or use " + kind.sinceFlag()));
      }
    }
  }
}
