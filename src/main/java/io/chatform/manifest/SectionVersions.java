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
      if (root.has(k.section()) && !version.atLeast(io.chatform.kinds.Kinds.of(k).since())) {
        String ptr = "/" + k.section();
        out.add(
            new Diagnostic(
                index.key(ptr),
                index.display(ptr),
                k.section()
                    + " exist only from API "
                    + io.chatform.kinds.Kinds.of(k).since().label()
                    + ", not in "
                    + version.label(),
                "remove the "
                    + k.section()
                    + " section, or use --api-version "
                    + io.chatform.kinds.Kinds.of(k).since().label()
                    + (io.chatform.kinds.Kinds.of(k).since().preview()
                        ? " (a developer preview, taken only when named)"
                        : "")));
      }
    }
  }
}
