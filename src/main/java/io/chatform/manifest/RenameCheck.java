package io.chatform.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.Kind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules of {@code previous_names} and {@code id} pins: an old name must find one object only,
 * so it may not be another object's current or previous name; two objects may not pin one id.
 */
final class RenameCheck {
  private final SemanticCheck check;

  RenameCheck(SemanticCheck check) {
    this.check = check;
  }

  void run() {
    for (Kind kind : Kind.values()) {
      io.chatform.kinds.Kinds.of(kind).renameField().ifPresent(field -> previousNames(kind, field));
      if (io.chatform.kinds.Kinds.of(kind).pinnable()) {
        pins(kind);
      }
    }
  }

  private void previousNames(Kind kind, String field) {
    List<Item> items = check.of(kind);
    Map<String, Item> current = new HashMap<>();
    items.forEach(i -> current.putIfAbsent(kind.identity(i.spec()), i));
    Map<String, Item> previous = new HashMap<>();
    for (Item item : items) {
      JsonNode names = item.spec().path(Kind.PREVIOUS_NAMES);
      for (int n = 0; n < names.size(); n++) {
        if (!names.get(n).isTextual()) {
          continue; // the schema reported it
        }
        String name = names.get(n).asText();
        ObjectNode was = item.spec().deepCopy().put(field, name);
        String identity = kind.identity(was);
        String at = "/" + Kind.PREVIOUS_NAMES + "/" + n;
        Item other = current.get(identity);
        if (other != null && other != item) {
          check.report(
              item,
              at,
              "previous name '"
                  + name
                  + "' is the current name of "
                  + other.shownIdentity()
                  + " (declared at "
                  + other.location()
                  + "): chatform could not tell which object the live one is",
              "remove '" + name + "' from previous_names, or rename the other object");
          continue;
        }
        Item first = previous.putIfAbsent(identity, item);
        if (first != null && first != item) {
          check.report(
              item,
              at,
              "previous name '"
                  + name
                  + "' is also a previous name of "
                  + first.shownIdentity()
                  + " (declared at "
                  + first.location()
                  + "): one old name can be renamed into one object only",
              "keep '" + name + "' in the previous_names of one of them");
        }
      }
    }
  }

  private void pins(Kind kind) {
    Map<String, Item> seen = new HashMap<>();
    for (Item item : check.of(kind)) {
      JsonNode pin = item.spec().get(Kind.PIN);
      if (pin == null || !pin.isIntegralNumber()) {
        continue;
      }
      Item first = seen.putIfAbsent(pin.asText(), item);
      if (first != null) {
        check.report(
            item,
            "/" + Kind.PIN,
            kind.section()
                + " id "
                + pin.asText()
                + " is pinned twice (also by "
                + first.shownIdentity()
                + " at "
                + first.location()
                + ")",
            "pin each live id once");
      }
    }
  }

  /** True when two entries of one identity are told apart by different id pins. */
  static boolean pinnedApart(Item a, Item b) {
    JsonNode p = a.spec().get(Kind.PIN);
    JsonNode q = b.spec().get(Kind.PIN);
    return io.chatform.kinds.Kinds.of(a.kind()).pinnable()
        && p != null
        && q != null
        && p.isIntegralNumber()
        && q.isIntegralNumber()
        && p.asLong() != q.asLong();
  }
}
