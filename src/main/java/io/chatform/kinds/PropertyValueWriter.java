package io.chatform.kinds;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.Kind;
import java.util.Optional;

/** License and group property values: set (merge) and delete, one value per action. */
final class PropertyValueWriter implements KindWriter {
  private final Kind kind;

  PropertyValueWriter(Kind kind) {
    this.kind = kind;
  }

  @Override
  public void create(WriteContext ctx, ObjectNode desired, Optional<String> moveBefore) {
    set(ctx, desired);
  }

  @Override
  public void update(
      WriteContext ctx, String liveId, ObjectNode desired, ObjectNode live, Optional<String> m) {
    set(ctx, desired);
  }

  @Override
  public void delete(WriteContext ctx, String liveId, ObjectNode live) {
    ObjectNode names = Json.object();
    names.putArray(Json.text(live, "namespace")).add(Json.text(live, "name"));
    if (kind == Kind.LICENSE_PROPERTIES) {
      ctx.client().deleteLicenseProperties(names);
    } else {
      ctx.client().deleteGroupProperties(ctx.groupId(Json.text(live, "group")), names);
    }
  }

  private void set(WriteContext ctx, ObjectNode desired) {
    ObjectNode values = Json.object();
    values
        .putObject(Json.text(desired, "namespace"))
        .set(Json.text(desired, "name"), desired.get("value").deepCopy());
    if (kind == Kind.LICENSE_PROPERTIES) {
      ctx.client().updateLicenseProperties(values);
    } else {
      ctx.client().updateGroupProperties(ctx.groupId(Json.text(desired, "group")), values);
    }
  }
}
