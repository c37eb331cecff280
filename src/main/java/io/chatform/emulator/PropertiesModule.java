package io.chatform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.ApiVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The emulated property methods: definitions owned per Client ID (immutable, publishing is
 * irreversible) and license/group values namespaced by the owning Client ID.
 */
public final class PropertiesModule implements Module {
  /**
   * System property switching on the documented listing of default values (see {@link
   * #withDefaults}). On by default, as the real service always lists them; {@code false} turns it
   * off for tests that want only explicitly set values.
   */
  public static final String LIST_DEFAULTS_PROPERTY = "chatform.emulator.listDefaultValues";

  private final Account account;
  private final boolean listDefaults;
  private final Map<String, Map<String, PropertyDefinition>> definitions = new TreeMap<>();
  private final PropertyValueStore values = new PropertyValueStore();
  private final PropertyValueRequests requests =
      new PropertyValueRequests(
          (ns, name) -> Optional.ofNullable(definitions.getOrDefault(ns, Map.of()).get(name)));

  public PropertiesModule(Account account) {
    this(account, Boolean.parseBoolean(System.getProperty(LIST_DEFAULTS_PROPERTY, "true")));
  }

  /** {@code listDefaults}: list default values of unset properties, as the real service does. */
  public PropertiesModule(Account account, boolean listDefaults) {
    this.account = account;
    this.listDefaults = listDefaults;
  }

  @Override
  public String name() {
    return "properties";
  }

  @Override
  public Map<String, Handler> methods() {
    return Map.ofEntries(
        Map.entry("register_property", this::register),
        Map.entry("unregister_property", this::unregister),
        Map.entry("publish_property", this::publish),
        Map.entry("list_properties", this::listDefinitions),
        Map.entry("update_license_properties", this::updateLicense),
        Map.entry("list_license_properties", this::listLicense),
        Map.entry("delete_license_properties", this::deleteLicense),
        Map.entry("update_group_properties", this::updateGroup),
        Map.entry("delete_group_properties", this::deleteGroup),
        Map.entry("list_group_properties", this::listGroup),
        Map.entry("list_groups_properties", this::listGroups));
  }

  private JsonNode register(Call call) {
    String owner = call.ownerClientId();
    PropertyDefinition def = PropertyRegistration.parse(call.body(), owner);
    Map<String, PropertyDefinition> owned =
        definitions.computeIfAbsent(owner, o -> new TreeMap<>());
    if (owned.containsKey(def.name())) {
      throw ApiError.alreadyExists(
          "name: property " + def.name() + " is already registered for Client ID " + owner);
    }
    owned.put(def.name(), def);
    return BodyFields.emptyObject();
  }

  /** Refused once published: publishing is irreversible. Drops the property's values. */
  private JsonNode unregister(Call call) {
    String owner = call.ownerClientId();
    PropertyDefinition def = definition(owner, BodyFields.requiredString(call.body(), "", "name"));
    if (def.published()) {
      throw ApiError.validation(
          "name: property "
              + def.name()
              + " is published, and a published property can never be unregistered");
    }
    definitions.get(owner).remove(def.name());
    values.dropProperty(owner, def.name());
    return BodyFields.emptyObject();
  }

  private JsonNode publish(Call call) {
    String owner = call.ownerClientId();
    PropertyDefinition def = definition(owner, BodyFields.requiredString(call.body(), "", "name"));
    List<String> rights = PropertyRegistration.accessType(call.body());
    definitions.get(owner).put(def.name(), def.publishedWith(rights));
    return BodyFields.emptyObject();
  }

  private JsonNode listDefinitions(Call call) {
    ObjectNode out = BodyFields.JSON.objectNode();
    definitions
        .getOrDefault(call.ownerClientId(), Map.of())
        .forEach((name, def) -> out.set(name, def.listed()));
    return out;
  }

  private JsonNode updateLicense(Call call) {
    for (PropertyValueRequests.Entry e : requests.writes(call.body(), "license")) {
      values.putLicense(e.ns(), e.name(), e.value().orElseThrow());
    }
    return BodyFields.emptyObject();
  }

  // Only `namespace` and `name_prefix` filter: other spellings (the JS SDK's namespace_prefix)
  // are unknown parameters, ignored as the real service does.
  private JsonNode listLicense(Call call) {
    Optional<String> namespace = BodyFields.optionalString(call.body(), "", "namespace");
    Optional<String> prefix = BodyFields.optionalString(call.body(), "", "name_prefix");
    return withDefaults(values.license(namespace, prefix), "license", namespace, prefix);
  }

  /**
   * The docs (3.5 and 3.6 list_license_properties, 3.5 list_group_properties, and the "Property
   * default value" section): "For properties without an explicit value assignment, the method will
   * return the default values (if they exist)". So a listing shows each definition's {@code
   * default_value} under its owner's namespace unless a value was set; deleting a value makes the
   * default show again.
   */
  private ObjectNode withDefaults(
      ObjectNode explicit, String location, Optional<String> namespace, Optional<String> prefix) {
    if (!listDefaults) {
      return explicit;
    }
    definitions.forEach(
        (owner, owned) -> {
          if (namespace.isPresent() && !namespace.get().equals(owner)) {
            return;
          }
          owned.forEach(
              (name, def) -> {
                if (def.defaultValue().isEmpty()
                    || !def.hasLocation(location)
                    || (prefix.isPresent() && !name.startsWith(prefix.get()))) {
                  return;
                }
                JsonNode ns = explicit.get(owner);
                ObjectNode nsOut = ns instanceof ObjectNode o ? o : explicit.putObject(owner);
                if (!nsOut.has(name)) {
                  nsOut.set(name, def.defaultValue().get().deepCopy());
                }
              });
        });
    return explicit;
  }

  /** True when some definition has a default at {@code location} (then every group shows it). */
  private boolean anyDefaultAt(String location) {
    return listDefaults
        && definitions.values().stream()
            .flatMap(owned -> owned.values().stream())
            .anyMatch(d -> d.defaultValue().isPresent() && d.hasLocation(location));
  }

  private JsonNode deleteLicense(Call call) {
    for (PropertyValueRequests.Entry e : PropertyValueRequests.deletes(call.body(), "license")) {
      values.removeLicense(e.ns(), e.name());
    }
    return BodyFields.emptyObject();
  }

  private JsonNode updateGroup(Call call) {
    long groupId = existingGroup(call.body(), "group_id");
    for (PropertyValueRequests.Entry e : requests.writes(call.body(), "group")) {
      values.putGroup(groupId, e.ns(), e.name(), e.value().orElseThrow());
    }
    return BodyFields.emptyObject();
  }

  private JsonNode deleteGroup(Call call) {
    long groupId = existingGroup(call.body(), "id");
    for (PropertyValueRequests.Entry e : PropertyValueRequests.deletes(call.body(), "group")) {
      values.removeGroup(groupId, e.ns(), e.name());
    }
    return BodyFields.emptyObject();
  }

  /** 3.4 only; replaced by {@code list_groups_properties} from 3.5. */
  private JsonNode listGroup(Call call) {
    if (call.version().atLeast(ApiVersion.V3_5)) {
      throw ApiError.methodNotFound(call.method(), call.version());
    }
    long groupId = existingGroup(call.body(), "id");
    Optional<String> namespace = BodyFields.optionalString(call.body(), "", "namespace");
    Optional<String> prefix = BodyFields.optionalString(call.body(), "", "name_prefix");
    return withDefaults(values.group(groupId, namespace, prefix), "group", namespace, prefix);
  }

  /** 3.5+; {@code group_ids: []} means every group holding values. */
  private JsonNode listGroups(Call call) {
    if (!call.version().atLeast(ApiVersion.V3_5)) {
      throw ApiError.methodNotFound(call.method(), call.version());
    }
    ArrayNode ids = BodyFields.requiredArray(call.body(), "", "group_ids");
    List<Long> groupIds = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      long id = BodyFields.asLong(ids.get(i), "group_ids[" + i + "]");
      if (!account.groupExists(id)) {
        throw ApiError.groupNotFound("group_ids[" + i + "]: group " + id + " not found");
      }
      groupIds.add(id);
    }
    if (groupIds.isEmpty()) {
      // "Properties from all groups": the groups holding values, or every group once a group
      // default exists (a default applies to each group without its own value).
      List<Long> all = anyDefaultAt("group") ? account.groupIds() : List.of();
      java.util.TreeSet<Long> every = new java.util.TreeSet<>(all);
      values.groupsWithValues().stream().filter(account::groupExists).forEach(every::add);
      groupIds.addAll(every);
    }
    Optional<String> namespace = BodyFields.optionalString(call.body(), "", "namespace");
    Optional<String> prefix = BodyFields.optionalString(call.body(), "", "name_prefix");
    ArrayNode out = BodyFields.JSON.arrayNode();
    for (long id : groupIds) {
      ObjectNode item = out.addObject();
      item.set("id", BodyFields.idNode(id));
      item.set(
          "properties",
          withDefaults(values.group(id, namespace, prefix), "group", namespace, prefix));
    }
    return out;
  }

  private PropertyDefinition definition(String owner, String name) {
    PropertyDefinition def = definitions.getOrDefault(owner, Map.of()).get(name);
    if (def == null) {
      throw ApiError.notFound(
          "name: property " + name + " is not registered for Client ID " + owner);
    }
    return def;
  }

  private long existingGroup(ObjectNode body, String field) {
    long id = BodyFields.requiredLong(body, "", field);
    if (!account.groupExists(id)) {
      throw ApiError.groupNotFound(field + ": group " + id + " not found");
    }
    return id;
  }

  @Override
  public void writeState(ObjectNode into) {
    ArrayNode defs = into.putArray("definitions");
    definitions.values().forEach(owned -> owned.values().forEach(d -> defs.add(d.toJson())));
    values.writeState(into.putObject("values"));
  }

  @Override
  public void readState(JsonNode from) {
    reset();
    for (JsonNode json : from.path("definitions")) {
      PropertyDefinition def = PropertyDefinition.fromJson(json);
      definitions.computeIfAbsent(def.ownerClientId(), o -> new TreeMap<>()).put(def.name(), def);
    }
    values.readState(from.path("values"));
  }

  @Override
  public void reset() {
    definitions.clear();
    values.clear();
  }
}
