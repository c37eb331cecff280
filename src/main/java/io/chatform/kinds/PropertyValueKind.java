package io.chatform.kinds;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * What license and group property values share: one value per object, set (merge) and deleted one
 * at a time, each naming its definition ({@code namespace/name}, the namespace being the owning
 * app's Client ID).
 */
abstract class PropertyValueKind implements ResourceKind, Setter, Deleter {
  /** The definition a value belongs to: its values go with it. */
  static final Reference OF_DEFINITION =
      new Reference(
          "properties",
          s -> List.of(Json.text(s, "namespace") + "/" + Json.text(s, "name")),
          Reference.Tie.VALUE);

  /** Sends {@code {namespace: {name: value}}} for the value's owner. */
  abstract void write(WriteContext ctx, ObjectNode spec, ObjectNode values);

  /** Sends {@code {namespace: [name]}} for the value's owner. */
  abstract void erase(WriteContext ctx, ObjectNode spec, ObjectNode names);

  @Override
  public boolean perApp() {
    return true;
  }

  @Override
  public void set(WriteContext ctx, ObjectNode desired) {
    ObjectNode values = Json.object();
    values
        .putObject(Json.text(desired, "namespace"))
        .set(Json.text(desired, "name"), desired.get("value").deepCopy());
    write(ctx, desired, values);
  }

  @Override
  public void delete(WriteContext ctx, String liveId, ObjectNode live) {
    ObjectNode names = Json.object();
    names.putArray(Json.text(live, "namespace")).add(Json.text(live, "name"));
    erase(ctx, live, names);
  }
}
