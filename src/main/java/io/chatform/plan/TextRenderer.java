package io.chatform.plan;

import io.chatform.model.Escapes;
import java.util.List;

/**
 * The human plan: one block per action with its field-level diff, the auto access order after
 * apply, notices, and the summary line. Colour only when asked (a TTY without {@code --no-color}).
 * Names and values are printed through {@link Escapes}, so no control character from a manifest or
 * the account reaches a terminal.
 */
public final class TextRenderer {
  private static final String RESET = "\u001b[0m";
  private final boolean color;
  private final Heading heading;

  public TextRenderer(boolean color) {
    this(color, Heading.PLAN);
  }

  public TextRenderer(boolean color, Heading heading) {
    this.color = color;
    this.heading = heading;
  }

  public String render(Plan plan) {
    StringBuilder out = new StringBuilder();
    if (plan.target().preview()) {
      out.append("! ").append(plan.target().previewNote()).append(".\n\n");
    }
    if (plan.hasChanges()) {
      out.append(heading.intro()).append("\n\n");
      for (Action a : plan.actions()) {
        action(out, a, "  ", plan.routingOrder());
      }
    }
    var order = ActionLines.routingOrder(plan);
    if (!order.isEmpty()) {
      out.append(order.get(0)).append('\n');
      order.stream().skip(1).forEach(l -> out.append("  ").append(l).append('\n'));
      out.append('\n');
    }
    if (!plan.notices().isEmpty()) {
      out.append("Notices:\n");
      plan.notices()
          .forEach(n -> out.append("  ! ").append(Escapes.line(n.toString())).append('\n'));
      out.append('\n');
    }
    out.append(fieldsLine(plan)).append('\n');
    out.append(bold(plan.summary())).append('\n');
    return out.toString();
  }

  /** Which fields the plan compared (issue #16): the mode it ran in. */
  static String fieldsLine(Plan plan) {
    return switch (plan.fields()) {
      case OWNED -> "Fields: owned (an owned field the manifests omit means its API default)";
      case DECLARED -> "Fields: declared (only the fields the manifests write are compared)";
    };
  }

  /** One action's block at {@code indent}, its body four spaces deeper, then a blank line. */
  void action(StringBuilder out, Action a, String indent, List<RoutingOrder.Entry> order) {
    ActionLines.Head head = ActionLines.head(a);
    out.append(indent).append(paint(a.type(), head.painted())).append(head.rest()).append('\n');
    ActionLines.body(a, order)
        .forEach(l -> out.append(indent).append("    ").append(l).append('\n'));
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
