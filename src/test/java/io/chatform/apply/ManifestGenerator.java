package io.chatform.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random manifests drawn from the schema's domains, edges included: names up to and past 180 code
 * points (emoji among them), 24:00 and out-of-order slots, slots without {@code enabled}, unknown
 * notifications, time zones and country codes that do not exist, case-only duplicate agent ids,
 * numbers written as 5.0 or 0x10, limits just below and above the API's. Some are invalid on
 * purpose: the property is "valid ⇒ applies", so validation must catch exactly those.
 */
final class ManifestGenerator {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  static final String CID = Harness.CLIENT_ID;

  /** The schema's own domains, so the generator follows the schema as it changes. */
  private static final JsonNode SCHEMA = readSchema();

  private static final List<String> NOTIFICATIONS =
      with(enumAt("/$defs/agent/properties/notifications/items/enum"), "new_visitr");
  private static final List<String> SUBSCRIPTIONS =
      with(enumAt("/$defs/agent/properties/email_subscriptions/items/enum"), "monthly_summary");
  private static final List<String> DAYS =
      enumAt("/$defs/workScheduler/properties/schedule/items/properties/day/enum");
  private static final List<String> ROLES = enumAt("/$defs/agent/properties/role/enum");
  private static final List<String> LOGIN = enumAt("/$defs/agent/properties/login_status/enum");
  private static final List<String> ZONES =
      List.of("Europe/Warsaw", "UTC", "America/New_York", "Asia/Tokyo", "Europe/Berlinn");
  private static final List<String> COUNTRIES = List.of("US", "DE", "PL", "GB", "XX", "UK");
  private static final List<String> PRIORITIES = enumAt("/$defs/priority/enum");
  private static final List<String> CHAT_ACTIONS =
      List.of("incoming_chat", "chat_deactivated", "incoming_event", "thread_tagged");
  private static final List<String> CONFIG_ACTIONS =
      List.of("agent_created", "group_updated", "bot_deleted");

  private final Random r;

  /** Numbers written in odd forms, replaced in the text after serialising (placeholder → form). */
  private final List<String[]> oddNumbers = new ArrayList<>();

  ManifestGenerator(long seed) {
    this.r = new Random(seed);
  }

  /** The YAML text of one manifest (JSON flow style, which is YAML). */
  String manifest() {
    ObjectNode root = JSON.objectNode();
    root.put("version", 1);
    List<String> groups = new ArrayList<>(List.of("General"));
    if (r.nextBoolean()) {
      ArrayNode gs = root.putArray("groups");
      for (int i = r.nextInt(3); i >= 0; i--) {
        String name = groupName(i);
        groups.add(name);
        ObjectNode g = gs.addObject().put("name", name);
        if (r.nextBoolean()) {
          g.put("language_code", pick(List.of("en", "pl", "de", "pt")));
        }
      }
    }
    if (r.nextBoolean()) {
      ArrayNode as = root.putArray("agents");
      for (int i = r.nextInt(3); i >= 0; i--) {
        agent(as.addObject(), i, groups);
      }
    }
    if (r.nextInt(3) == 0) {
      ArrayNode bs = root.putArray("bots");
      ObjectNode b = bs.addObject().put("name", "Bot " + r.nextInt(3)).put("owner_client_id", CID);
      number(b, "max_chats_count", r.nextInt(4) == 0 ? 495 + r.nextInt(10) : r.nextInt(30));
      if (r.nextBoolean()) {
        b.put("type", pick(List.of("chatbot", "assistant")));
      }
      if (r.nextBoolean()) {
        b.put("job_title", "Bot \uD83E\uDD16");
      }
      b.put("default_group_priority", pick(PRIORITIES));
      memberships(b, groups);
      if (r.nextBoolean()) {
        scheduler(b);
      }
    }
    if (r.nextInt(3) == 0) {
      autoAccess(root.putArray("auto_access"), groups);
    }
    if (r.nextInt(3) == 0) {
      webhook(root.putArray("webhooks"));
    }
    if (r.nextInt(3) == 0) {
      properties(root);
    }
    String text = "version: 1\n";
    for (var it = root.fields(); it.hasNext(); ) {
      var e = it.next();
      if (!e.getKey().equals("version")) {
        text += e.getKey() + ": " + e.getValue().toPrettyString() + "\n";
      }
    }
    for (String[] odd : oddNumbers) {
      text = text.replace("\"" + odd[0] + "\"", odd[1]);
    }
    return text;
  }

  private String groupName(int i) {
    return switch (r.nextInt(5)) {
      // Emoji: 179–181 code points (up to 362 UTF-16 units). chatform and the emulator both
      // count code points (docs/manifests.md, docs/emulator.md), so 181 must be refused by both.
      case 0 -> "\uD83D\uDE00".repeat(179 + r.nextInt(3));
      case 1 -> "x".repeat(179 + r.nextInt(3));
      case 2 -> "Wsparcie " + i;
      default -> "Support " + i;
    };
  }

  private void agent(ObjectNode a, int i, List<String> groups) {
    String id = "agent" + i + "@acme.example";
    a.put("id", r.nextInt(8) == 0 ? id.toUpperCase(java.util.Locale.ROOT) : id);
    a.put("name", "Agent " + i);
    a.put("role", pick(ROLES));
    if (r.nextBoolean()) {
      number(a, "max_chats_count", r.nextInt(4) == 0 ? 18 + r.nextInt(5) : r.nextInt(10));
    }
    if (r.nextBoolean()) {
      a.put("login_status", pick(LOGIN));
    }
    if (r.nextBoolean()) {
      ArrayNode n = a.putArray("notifications");
      NOTIFICATIONS.stream().filter(x -> r.nextInt(6) == 0).forEach(n::add);
    }
    if (r.nextBoolean()) {
      ArrayNode s = a.putArray("email_subscriptions");
      SUBSCRIPTIONS.stream().filter(x -> r.nextInt(3) == 0).forEach(s::add);
    }
    if (r.nextBoolean()) {
      a.put("job_title", pick(List.of("Support", "Zespół obsługi", "\uD83D\uDE80 Lead")));
    }
    memberships(a, groups);
    if (r.nextBoolean()) {
      scheduler(a);
    }
  }

  private void memberships(ObjectNode o, List<String> groups) {
    if (r.nextBoolean()) {
      ArrayNode ms = o.putArray("groups");
      groups.stream()
          .filter(g -> r.nextBoolean())
          .forEach(g -> ms.addObject().put("group", g).put("priority", pick(PRIORITIES)));
    }
  }

  private void scheduler(ObjectNode o) {
    ObjectNode ws = o.putObject("work_scheduler").put("timezone", pick(ZONES));
    ArrayNode schedule = ws.putArray("schedule");
    List<String> used = new ArrayList<>();
    for (int i = r.nextInt(3); i > 0; i--) {
      String day = pick(DAYS);
      if (used.contains(day)) {
        continue; // overlapping slots are refused by validate; keep most slots valid
      }
      used.add(day);
      int start = r.nextInt(23);
      int end = r.nextInt(10) == 0 ? 24 : start + 1 + r.nextInt(23 - start);
      ObjectNode slot = schedule.addObject().put("day", day);
      if (r.nextInt(3) > 0) {
        slot.put("enabled", r.nextBoolean());
      }
      slot.put("start", String.format("%02d:%02d", start, r.nextInt(4) * 15));
      slot.put("end", end == 24 ? "24:00" : String.format("%02d:%02d", end, r.nextInt(60)));
    }
  }

  private void autoAccess(ArrayNode rules, List<String> groups) {
    for (int i = r.nextInt(2); i >= 0; i--) {
      ObjectNode rule = rules.addObject().put("description", "Rule " + i);
      rule.putArray("groups").add(pick(groups));
      ObjectNode c = rule.putObject("conditions");
      if (r.nextBoolean()) {
        c.putObject("domain")
            .putArray(r.nextBoolean() ? "values" : "exclude_values")
            .addObject()
            .put("value", "acme" + i + ".example")
            .put("exact_match", r.nextBoolean());
      } else {
        c.putObject("geolocation")
            .putArray("values")
            .addObject()
            .put("country_code", pick(COUNTRIES));
      }
    }
  }

  private void webhook(ArrayNode hooks) {
    boolean chat = r.nextBoolean();
    ObjectNode w =
        hooks
            .addObject()
            .put("owner_client_id", CID)
            .put("type", "license")
            .put("action", pick(chat ? CHAT_ACTIONS : CONFIG_ACTIONS))
            .put("url", "https://hooks.acme.example/" + r.nextInt(100))
            .put("secret_key", "${env:LC_WEBHOOK_SECRET}");
    if (r.nextBoolean()) {
      // source_type is allowed on every action ("triggering actions" table), only_my_chats on
      // chat actions only.
      ObjectNode filters = w.putObject("filters");
      filters.putArray("source_type").add(pick(List.of("my_client", "system")));
      if (chat && r.nextBoolean()) {
        filters.put("only_my_chats", r.nextBoolean());
      }
    }
    if (chat && r.nextBoolean()) {
      w.putArray("additional_data").add("chat_properties");
    }
    if (r.nextBoolean()) {
      w.put("description", "Hook \uD83D\uDD14");
    }
  }

  /** One property definition of a random type, and maybe a license value for it. */
  private void properties(ObjectNode root) {
    String type = pick(List.of("int", "string", "bool", "tokenized_string"));
    ObjectNode d =
        root.putArray("properties")
            .addObject()
            .put("owner_client_id", CID)
            .put("name", "p_" + type)
            .put("type", type);
    ObjectNode access = d.putObject("access");
    boolean license = r.nextInt(4) > 0;
    ObjectNode where = access.putObject(license ? "license" : pick(List.of("chat", "group")));
    if (r.nextInt(8) > 0) {
      where.putArray("agent").add("read").add("write");
    }
    long big = r.nextBoolean() ? Integer.MAX_VALUE : 1L + Integer.MAX_VALUE;
    if (type.equals("int") && r.nextBoolean()) {
      d.putObject("range").put("from", 0).put("to", r.nextInt(3) == 0 ? big : 100);
    } else if (type.equals("string") && r.nextBoolean()) {
      d.putArray("domain").add("a").add("b");
    }
    if (!license || !r.nextBoolean()) {
      return;
    }
    ObjectNode values = root.putObject("license_properties").putObject(CID);
    switch (type) {
      case "int" -> values.put("p_int", r.nextBoolean() ? r.nextInt(200) : big);
      case "bool" -> values.put("p_bool", r.nextBoolean());
      default -> values.put("p_" + type, pick(List.of("a", "b", "c")));
    }
  }

  /** Mostly a plain integer; sometimes the same value written as 5.0, 0x5, +5 or 1e400. */
  private void number(ObjectNode o, String field, int n) {
    if (r.nextInt(6) > 0) {
      o.put(field, n);
      return;
    }
    String form = pick(List.of(n + ".0", "0x" + Integer.toHexString(n), "+" + n, "1e400"));
    String placeholder = "@@odd" + oddNumbers.size() + "@@";
    oddNumbers.add(new String[] {placeholder, form});
    o.put(field, placeholder);
  }

  private static JsonNode readSchema() {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper()
          .readTree(java.nio.file.Path.of("schemas/chatform-manifest.schema.json").toFile());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<String> enumAt(String pointer) {
    List<String> out = new ArrayList<>();
    SCHEMA.at(pointer).forEach(v -> out.add(v.asText()));
    if (out.isEmpty()) {
      throw new IllegalStateException("the schema has no enum at " + pointer);
    }
    return List.copyOf(out);
  }

  /** The schema's values plus one it refuses (a near miss). */
  private static List<String> with(List<String> values, String wrong) {
    List<String> out = new ArrayList<>(values);
    out.add(wrong);
    return List.copyOf(out);
  }

  private <T> T pick(List<T> from) {
    return from.get(r.nextInt(from.size()));
  }
}
