package io.chatform.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.api.ApiMethod;
import io.chatform.api.LiveChatClient;
import io.chatform.model.Json;
import io.chatform.model.Kind;
import io.chatform.model.Reference;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Future;

/** License property values: one object per (namespace, name); the value is the only field. */
public final class LicensePropertyKind extends PropertyValueKind {

  @Override
  public List<Reference> references() {
    return List.of(Reference.DEFINITION);
  }

  private static final ApiMethod<JsonNode> UPDATE = ApiMethod.update("update_license_properties");
  private static final ApiMethod<JsonNode> DELETE = ApiMethod.delete("delete_license_properties");

  LicensePropertyKind() {
    super(Kind.LICENSE_PROPERTIES);
  }

  /** Merges values: {@code {<namespace>: {<name>: value}}}. */
  public static void updateLicenseProperties(LiveChatClient client, ObjectNode properties) {
    client.call(UPDATE, wrap(properties));
  }

  /** Deletes values: {@code {<namespace>: [names]}}. */
  public static void deleteLicenseProperties(LiveChatClient client, ObjectNode properties) {
    client.call(DELETE, wrap(properties));
  }

  @Override
  public void check(ManifestCheck check, List<? extends Declared> declared) {
    check.propertyValues(declared, "license");
  }

  @Override
  void write(WriteContext ctx, ObjectNode spec, ObjectNode values) {
    updateLicenseProperties(ctx.client(), values);
  }

  @Override
  void erase(WriteContext ctx, ObjectNode spec, ObjectNode names) {
    deleteLicenseProperties(ctx.client(), names);
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
