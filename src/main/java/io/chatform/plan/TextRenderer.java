package io.chatform.plan;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatform.kinds.Json;
import io.chatform.model.Escapes;
import java.util.Iterator;
import java.util.Map;

/**
 * The human plan: one block per action with its field-level diff, notices, and the summary line.
 * Colour only when asked (a TTY without {@code --no-color}). Names and values are printed through
 * {@link Escapes}, so no control character from a manifest or the account reaches a terminal.
 */
public final class TextRenderer {
  private static final String RESET = "\u001b[0m";
  private final boolean color;

  public TextRenderer(boolean color) {
    this.color = color;
  }

  public String render(Plan plan) {
    StringBuilder out = new StringBuilder();
    if (plan.hasChanges()) {
      out.append("chatform will perform these actions (in this order):\n\n");
      for (Action a : plan.actions()) {
        renderAction(out, a);
      }
    }
    if (!plan.notices().isEmpty()) {
      out.append("Notices:\n");
      plan.notices()
          .forEach(n -> out.append("  ! ").append(Escapes.line(n.toString())).append('\n'));
      out.append('\n');
    }
    out.append(bold(plan.summary())).append('\n');
    return out.toString();
  }

  private void renderAction(StringBuilder out, Action a) {
    String head = a.type().symbol() + " " + Escapes.line(a.address());
    if (a.type() == ActionType.UPDATE && a.moves()) {
      head = "~ ↕ " + Escapes.line(a.address());
    }
    out.append("  ").append(paint(a.type(), head));
    ShownIds.liveId(a).ifPresent(id -> out.append("  (id ").append(id).append(')'));
    if (a.irreversible()) {
      out.append("  ⚠ irreversible");
    }
    out.append('\n');
    if (a.type() == ActionType.CREATE) {
      a.desired()
          .ifPresent(
              d -> {
                for (Iterator<Map.Entry<String, JsonNode>> it = d.fields(); it.hasNext(); ) {
                  Map.Entry<String, JsonNode> e = it.next();
                  boolean secret =
                      a.sensitive().keySet().stream().anyMatch(p -> p.startsWith("/" + e.getKey()));
                  out.append("      ")
                      .append(Escapes.line(e.getKey()))
                      .append(": ")
                      .append(
                          secret ? PlanJson.REDACTED : Escapes.line(Json.canonical(e.getValue())))
                      .append('\n');
                }
              });
    }
    for (FieldChange c : a.changes()) {
      ChangeLines.of(c).forEach(l -> out.append("      ").append(Escapes.line(l)).append('\n'));
    }
    a.moveBefore()
        .ifPresent(
            m ->
                out.append("      position: ")
                    .append(m.isEmpty() ? "last" : "before \"" + Escapes.line(m) + "\"")
                    .append('\n'));
    a.notes().forEach(n -> out.append("      # ").append(Escapes.line(n)).append('\n'));
    out.append('\n');
  }

  private String paint(ActionType type, String text) {
    if (!color) {
      return text;
    }
    String code =
        switch (type) {
          case CREATE -> "\u001b[32m";
          case UPDATE -> "\u001b[33m";
          case REPLACE -> "\u001b[35m";
          case DELETE -> "\u001b[31m";
          case MOVE -> "\u001b[36m";
        };
    return code + text + RESET;
  }

  private String bold(String text) {
    return color ? "\u001b[1m" + text + RESET : text;
  }
}
