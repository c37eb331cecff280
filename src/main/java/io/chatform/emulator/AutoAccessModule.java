package io.chatform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;

/**
 * The emulated auto access methods (ordered rules routing visitors to groups), whose order lives in
 * a real linked list so clients are tested against LiveChat's {@code next_id} semantics.
 */
public final class AutoAccessModule implements Module {
  private final AutoAccessChain chain = new AutoAccessChain();
  private final AutoAccessValidator validator;
  private final Account account;

  public AutoAccessModule(Account account) {
    this.account = account;
    this.validator = new AutoAccessValidator(account);
  }

  @Override
  public String name() {
    return "auto_access";
  }

  @Override
  public Map<String, Handler> methods() {
    return Map.of(
        "add_auto_access", this::add,
        "list_auto_accesses", this::list,
        "update_auto_access", this::update,
        "delete_auto_access", this::delete);
  }

  /** Without {@code next_id} the rule is appended; with it, it goes just before that rule. */
  private JsonNode add(Call call) {
    ObjectNode body = call.body();
    ObjectNode rule = BodyFields.JSON.objectNode();
    String id = BodyFields.newId();
    rule.put("id", id);
    BodyFields.optionalString(body, "", "description").ifPresent(d -> rule.put("description", d));
    rule.set("access", validator.access(BodyFields.requiredObject(body, "", "access")));
    rule.set("conditions", validator.conditions(BodyFields.requiredObject(body, "", "conditions")));
    Optional<String> before = nextId(body);
    chain.insert(id, rule, before);
    ObjectNode out = BodyFields.JSON.objectNode();
    out.put("id", id);
    return out;
  }

  private JsonNode list(Call call) {
    ArrayNode out = BodyFields.JSON.arrayNode();
    chain.ordered().forEach(rule -> out.add(withoutDeletedGroups(rule)));
    return out;
  }

  /**
   * A deleted group no longer routes anyone: rules stop naming it (the docs are silent on what
   * delete_group does to rules; dropping the id is the safe reading, and never leaves a rule
   * pointing at a group that does not exist).
   */
  private ObjectNode withoutDeletedGroups(ObjectNode rule) {
    JsonNode groups = rule.path("access").path("groups");
    if (!groups.isArray()) {
      return rule;
    }
    ArrayNode kept = BodyFields.JSON.arrayNode();
    groups.forEach(
        g -> {
          if (account.groupExists(g.asLong())) {
            kept.add(g);
          }
        });
    ((ObjectNode) rule.get("access")).set("groups", kept);
    return rule;
  }

  /**
   * Partial update: only the fields given change. {@code next_id} moves the rule before that rule,
   * {@code next_id: ""} moves it to the end, and omitting it keeps the rule's place.
   */
  private JsonNode update(Call call) {
    ObjectNode body = call.body();
    String id = BodyFields.requiredString(body, "", "id");
    ObjectNode rule =
        chain
            .get(id)
            .orElseThrow(() -> ApiError.notFound("id: auto access " + id + " not found"))
            .deepCopy();
    BodyFields.optionalString(body, "", "description").ifPresent(d -> rule.put("description", d));
    BodyFields.optionalObject(body, "", "access")
        .ifPresent(a -> rule.set("access", validator.access(a)));
    BodyFields.optionalObject(body, "", "conditions")
        .ifPresent(c -> rule.set("conditions", validator.conditions(c)));
    Optional<String> moveTo = BodyFields.optionalString(body, "", "next_id");
    if (moveTo.isPresent() && moveTo.get().equals(id)) {
      throw ApiError.validation("next_id must name another rule, not the rule itself");
    }
    Optional<String> before = nextId(body);
    chain.replace(id, rule);
    if (moveTo.isPresent()) {
      chain.move(id, before);
    }
    return BodyFields.emptyObject();
  }

  private JsonNode delete(Call call) {
    String id = BodyFields.requiredString(call.body(), "", "id");
    if (!chain.contains(id)) {
      throw ApiError.notFound("id: auto access " + id + " not found");
    }
    chain.remove(id);
    return BodyFields.emptyObject();
  }

  /** The rule to insert before; empty for "at the end" (absent or empty {@code next_id}). */
  private Optional<String> nextId(ObjectNode body) {
    Optional<String> next =
        BodyFields.optionalString(body, "", "next_id").filter(n -> !n.isEmpty());
    if (next.isPresent() && !chain.contains(next.get())) {
      throw ApiError.notFound("next_id: auto access " + next.get() + " not found");
    }
    return next;
  }

  @Override
  public void writeState(ObjectNode into) {
    ArrayNode rules = into.putArray("rules");
    chain.ordered().forEach(rules::add);
  }

  @Override
  public void readState(JsonNode from) {
    JsonNode rules = from.path("rules");
    if (rules.isArray()) {
      chain.readFrom((ArrayNode) rules);
    } else {
      chain.clear();
    }
  }

  @Override
  public void reset() {
    chain.clear();
  }
}
