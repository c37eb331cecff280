package io.chatform.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.kinds.ResourceKind;
import io.chatform.model.ApiVersion;
import io.chatform.model.FieldMode;
import io.chatform.model.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Field ownership in one kind's diff (issue #16): which fields are compared and what an omitted or
 * {@code null} owned field means. In the {@code owned} mode an owned field the manifest omits
 * compares as its API default; in both modes {@code null} on an owned field means "unset" (= the
 * default). A live value equal to the default — or empty, as the API renders a field never set
 * ({@code job_title: ""}, a schedule {@code {timezone: "", schedule: []}}) — is no change.
 */
final class OwnedFields {
  private final Map<String, JsonNode> defaults;
  private final FieldMode mode;

  OwnedFields(ResourceKind rules, ApiVersion version, FieldMode mode) {
    this.defaults = rules.ownedFields(version);
    this.mode = mode;
  }

  /** The fields to compare: the declared ones, then in the owned mode every owned one. */
  Set<String> compared(ObjectNode declared) {
    Set<String> out = new LinkedHashSet<>();
    declared.fieldNames().forEachRemaining(out::add);
    if (mode == FieldMode.OWNED) {
      out.addAll(new java.util.TreeSet<>(defaults.keySet()));
    }
    return out;
  }

  /** True when the manifest leaves the owned {@code field} unset: omitted (owned mode) or null. */
  boolean unset(ObjectNode declared, String field) {
    if (!defaults.containsKey(field)) {
      return false;
    }
    JsonNode v = declared.get(field);
    return v == null ? mode == FieldMode.OWNED : v.isNull();
  }

  /** The desired spec as compared: every unset owned field holds its default. */
  ObjectNode filled(ObjectNode declared) {
    List<String> unset = new ArrayList<>();
    for (String f : compared(declared)) {
      if (unset(declared, f)) {
        unset.add(f);
      }
    }
    if (unset.isEmpty()) {
      return declared;
    }
    ObjectNode copy = declared.deepCopy();
    unset.forEach(f -> copy.set(f, defaults.get(f).deepCopy()));
    return copy;
  }

  /** True when {@code value} of an owned field is its default (or the API's empty rendering). */
  boolean atDefault(String field, JsonNode value) {
    JsonNode d = defaults.get(field);
    return d != null && (blank(value) ? blank(d) || value == null : Json.same(value, d));
  }

  /**
   * The spec an update carries: {@code null}s dropped, and each owned field its {@code changes}
   * reset written as its default, which is what resets it through the API. A kind replaced on
   * change ({@code updater} false) is created again without the field: the API's default.
   */
  ObjectNode written(ObjectNode declared, List<FieldChange> changes, boolean updater) {
    ObjectNode out = withoutNulls(declared);
    List<String> reset =
        changes.stream().filter(FieldChange::unset).map(FieldChange::field).toList();
    if (updater && !reset.isEmpty()) {
      out = out == declared ? declared.deepCopy() : out;
      for (String f : reset) {
        out.set(f, defaults.get(f).deepCopy());
      }
    }
    return out;
  }

  /** The spec without its {@code null} fields (a create leaves them to the API's default). */
  static ObjectNode withoutNulls(ObjectNode spec) {
    List<String> nulls = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = spec.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getValue().isNull()) {
        nulls.add(e.getKey());
      }
    }
    return nulls.isEmpty() ? spec : spec.deepCopy().without(nulls);
  }

  /** Missing, null, "" or a container of nothing but such values. */
  static boolean blank(JsonNode v) {
    if (v == null || v.isNull() || v.isMissingNode()) {
      return true;
    }
    if (v.isTextual()) {
      return v.asText().isEmpty();
    }
    if (v.isContainerNode()) {
      for (JsonNode c : v) {
        if (!blank(c)) {
          return false;
        }
      }
      return true;
    }
    return false;
  }
}
