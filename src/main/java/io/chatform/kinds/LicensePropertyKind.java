package io.chatform.kinds;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.Json;
import io.chatform.model.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Future;

/** License property values: one object per (namespace, name); the value is the only field. */
final class LicensePropertyKind extends PropertyValueKind {
  LicensePropertyKind() {
    super(Kind.LICENSE_PROPERTIES);
  }

  @Override
  void write(WriteContext ctx, ObjectNode spec, ObjectNode values) {
    ctx.client().updateLicenseProperties(values);
  }

  @Override
  void erase(WriteContext ctx, ObjectNode spec, ObjectNode names) {
    ctx.client().deleteLicenseProperties(names);
  }

  @Override
  public Listing list(Reading reading) {
    Future<ObjectNode> answer =
        reading.submit(() -> reading.client().listLicenseProperties(Optional.empty()));
    return () -> {
      List<LiveObject> out = new ArrayList<>();
      shapeEach(Reading.get(answer), reading, Json.object(), "", out);
      return out;
    };
  }
}
