package io.chatform.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The read methods more than one caller uses (kinds listing the account, their create probes, the
 * lock): one descriptor each, so a probe reads through the call engine exactly as a listing does.
 */
public final class Lists {
  private Lists() {}

  public static final ApiMethod<List<ObjectNode>> GROUPS =
      ApiMethod.read("list_groups", IdShape.INTEGER_WITH_TEXT_NAME, AnswerReader.OBJECTS);

  public static final ApiMethod<List<ObjectNode>> AGENTS =
      ApiMethod.read("list_agents", IdShape.TEXT, AnswerReader.OBJECTS);

  public static final ApiMethod<List<ObjectNode>> BOTS =
      ApiMethod.read("list_bots", IdShape.TEXT, AnswerReader.OBJECTS);

  /** Rules in their real order, rebuilt from the {@code next_id} chain (not the array order). */
  public static final ApiMethod<List<ObjectNode>> AUTO_ACCESSES =
      ApiMethod.read("list_auto_accesses", IdShape.TEXT, a -> NextIdChain.ordered(a.objects()));

  /** Property definitions of one Client ID: name → definition. */
  public static final ApiMethod<Map<String, ObjectNode>> PROPERTIES =
      ApiMethod.read("list_properties", Lists::definitions);

  /** License property values: {@code {<namespace>: {<name>: value}}}. */
  public static final ApiMethod<ObjectNode> LICENSE_PROPERTIES =
      ApiMethod.read("list_license_properties", Lists::object);

  /** Group property values, {@code [{id, properties}]}. */
  public static final ApiMethod<List<ObjectNode>> GROUPS_PROPERTIES =
      ApiMethod.read("list_groups_properties", IdShape.INTEGER, AnswerReader.OBJECTS);

  /** Webhooks; a {@code secret_key} some servers send is dropped, never kept. */
  public static final ApiMethod<List<ObjectNode>> WEBHOOKS =
      ApiMethod.read(
          "list_webhooks", IdShape.TEXT, AnswerReader.objectsWithoutSecret("secret_key"));

  /** The webhook actions of one API version, as {@code {action, …}} objects. */
  public static final ApiMethod<List<ObjectNode>> WEBHOOK_NAMES =
      ApiMethod.read("list_webhook_names", AnswerReader.OBJECTS);

  public static final ApiMethod<Boolean> LICENSE_WEBHOOKS_STATE =
      ApiMethod.read("get_license_webhooks_state", Lists::webhooksEnabled);

  /** Every tag (3.5+): {@code name}, {@code group_ids}, and runtime data chatform never keeps. */
  public static final ApiMethod<List<ObjectNode>> TAGS =
      ApiMethod.read("list_tags", IdShape.NAME, AnswerReader.OBJECTS);

  /** Bot templates (3.5+); a {@code secret} some servers send is dropped. */
  public static final ApiMethod<List<ObjectNode>> BOT_TEMPLATES =
      ApiMethod.read("list_bot_templates", AnswerReader.objectsWithoutSecret("secret"));

  private static Map<String, ObjectNode> definitions(Answer a) {
    if (!a.json().isObject()) {
      throw a.unexpected("an object of property definitions");
    }
    Map<String, ObjectNode> out = new LinkedHashMap<>();
    a.json()
        .fields()
        .forEachRemaining(
            e -> {
              if (e.getValue() instanceof ObjectNode o) {
                out.put(e.getKey(), o);
              }
            });
    return out;
  }

  private static ObjectNode object(Answer a) {
    if (a.json() instanceof ObjectNode o) {
      return o;
    }
    throw a.unexpected("an object");
  }

  private static boolean webhooksEnabled(Answer a) {
    JsonNode v = a.json().path("license_webhooks_enabled");
    if (!v.isBoolean()) {
      throw a.unexpected("license_webhooks_enabled");
    }
    return v.asBoolean();
  }
}
