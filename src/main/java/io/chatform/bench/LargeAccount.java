package io.chatform.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.chatform.model.ApiVersion;
import io.chatform.model.Json;
import io.chatform.model.Kind;
import io.chatform.model.WebhookActions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Generates a large, valid account as manifests (deterministic, no randomness): the benchmark's
 * stand-in for a big production setup. Webhooks respect the API's limit of 3 per action per Client
 * ID by spreading over the version's actions and as many Client IDs as needed.
 */
public final class LargeAccount {
  /** At most this many webhooks per action per Client ID (the API answers limit_reached). */
  public static final int WEBHOOKS_PER_ACTION = 3;

  private static final String[] PRIORITIES = {"normal", "first", "normal", "last"};
  private static final String[] COUNTRIES = {"DE", "FR", "PL", "US", "GB", "ES", "IT", "NL"};

  private final Sizes sizes;
  private final ApiVersion version;

  /**
   * How many objects of each kind to generate. Tags are generated from 3.5, greetings from 3.6,
   * canned responses only on the 3.7 preview (the kinds' {@code since}).
   */
  public record Sizes(
      int agents,
      int groups,
      int rules,
      int webhooks,
      int tags,
      int cannedResponses,
      int greetings) {
    public static final Sizes DEFAULT = new Sizes(2_000, 200, 500, 300, 200, 1_000, 100);

    public Sizes {
      if (agents < 0
          || groups < 1
          || rules < 0
          || webhooks < 0
          || tags < 0
          || cannedResponses < 0
          || greetings < 0) {
        throw new IllegalArgumentException(
            "sizes must not be negative and there must be at least one group");
      }
    }

    /** Without tags, canned responses and greetings. */
    public Sizes(int agents, int groups, int rules, int webhooks) {
      this(agents, groups, rules, webhooks, 0, 0, 0);
    }

    /** Without greetings. */
    public Sizes(int agents, int groups, int rules, int webhooks, int tags, int cannedResponses) {
      this(agents, groups, rules, webhooks, tags, cannedResponses, 0);
    }
  }

  public LargeAccount(Sizes sizes, ApiVersion version) {
    this.sizes = sizes;
    this.version = version;
  }

  /** The Client ID that owns webhook number {@code i}. */
  public String webhookOwner(int i) {
    int perClient = WEBHOOKS_PER_ACTION * WebhookActions.forVersion(version).size();
    return clientId(i / perClient);
  }

  /** A 32-hex-digit Client ID, distinct per index. */
  static String clientId(int n) {
    return String.format(Locale.ROOT, "be9c%028x", n);
  }

  public String groupName(int g) {
    return String.format(Locale.ROOT, "Team %03d", g);
  }

  /** The whole account as one manifest document. */
  public ObjectNode manifest() {
    ObjectNode root = Json.object().put("version", 1);
    // The sandbox owner and any other live agent are left alone: only bench agents are managed.
    root.putObject("policy").putArray("ignore").add("agents/*@sandbox.chatform.dev");
    ArrayNode groups = root.putArray("groups");
    for (int g = 0; g < sizes.groups(); g++) {
      groups.addObject().put("name", groupName(g)).put("language_code", "en");
    }
    ArrayNode agents = root.putArray("agents");
    for (int a = 0; a < sizes.agents(); a++) {
      agents.add(agent(a));
    }
    ArrayNode rules = root.putArray("auto_access");
    for (int r = 0; r < sizes.rules(); r++) {
      rules.add(rule(r));
    }
    ArrayNode hooks = root.putArray("webhooks");
    for (int w = 0; w < sizes.webhooks(); w++) {
      hooks.add(webhook(w));
    }
    if (sizes.tags() > 0) {
      ArrayNode tags = root.putArray("tags");
      for (int t = 0; t < sizes.tags(); t++) {
        ObjectNode tag = tags.addObject().put("name", String.format(Locale.ROOT, "Tag %03d", t));
        tag.putArray("groups").add(groupName(t % sizes.groups()));
      }
    }
    if (sizes.cannedResponses() > 0) {
      ArrayNode canned = root.putArray("canned_responses");
      for (int c = 0; c < sizes.cannedResponses(); c++) {
        ObjectNode r = canned.addObject().put("group", groupName(c % sizes.groups()));
        r.putArray("tags").add(String.format(Locale.ROOT, "answer%04d", c)).add("bench");
        r.put("text", "Bench answer number " + c + ". Thanks for waiting!");
      }
    }
    if (sizes.greetings() > 0) {
      ArrayNode greetings = root.putArray("greetings");
      for (int g = 0; g < sizes.greetings(); g++) {
        ObjectNode greeting =
            greetings
                .addObject()
                .put("name", String.format(Locale.ROOT, "Greeting %03d", g))
                .put("group", groupName(g % sizes.groups()));
        ArrayNode triggers = greeting.putArray("rules");
        triggers
            .addObject()
            .put("condition", "and")
            .put("type", "url_current")
            .put("operator", "contains")
            .put("value", "page-" + g);
        triggers
            .addObject()
            .put("condition", "and")
            .put("type", "visit_time_page")
            .put("operator", "greater_than")
            .put("value", g % 900);
        greeting.putObject("properties").put("greeting-message_text", "Hello from greeting " + g);
      }
    }
    // Sections of kinds this API version does not have yet (Kind.since()) are left out.
    for (Kind k : Kind.values()) {
      if (!version.atLeast(io.chatform.kinds.Kinds.of(k).since())) {
        root.remove(k.section());
      }
    }
    return root;
  }

  private ObjectNode agent(int a) {
    ObjectNode o =
        Json.object()
            .put("id", String.format(Locale.ROOT, "agent%05d@bench.example", a))
            .put("name", "Agent " + a)
            .put("role", a % 50 == 0 ? "administrator" : "normal")
            .put("job_title", "Support agent")
            .put("max_chats_count", 1 + a % 20);
    ArrayNode member = o.putArray("groups");
    int first = a % sizes.groups();
    member.addObject().put("group", groupName(first)).put("priority", PRIORITIES[a % 4]);
    int second = (a * 7 + 3) % sizes.groups();
    if (second != first) {
      member.addObject().put("group", groupName(second)).put("priority", "normal");
    }
    return o;
  }

  private ObjectNode rule(int r) {
    ObjectNode o = Json.object().put("description", String.format(Locale.ROOT, "Rule %04d", r));
    o.putArray("groups").add(groupName(r % sizes.groups()));
    ObjectNode conditions = o.putObject("conditions");
    if (r % 2 == 0) {
      conditions
          .putObject("url")
          .putArray("values")
          .addObject()
          .put("value", "bench.example/page-" + r)
          .put("exact_match", false);
    } else {
      conditions
          .putObject("geolocation")
          .putArray("values")
          .addObject()
          .put("country_code", COUNTRIES[r % COUNTRIES.length]);
    }
    return o;
  }

  private ObjectNode webhook(int w) {
    List<String> actions = WebhookActions.forVersion(version);
    String action = actions.get((w / WEBHOOKS_PER_ACTION) % actions.size());
    return Json.object()
        .put("owner_client_id", webhookOwner(w))
        .put("type", "license")
        .put("action", action)
        .put("url", "https://hooks.bench.example/" + action + "/" + w)
        .put("secret_key", "${env:" + Workloads.SECRET_ENV + "}")
        .put("description", "Bench webhook " + w);
  }

  /** Writes the manifest to {@code dir/large.yaml} and returns the directory. */
  public Path write(Path dir) throws IOException {
    Files.createDirectories(dir);
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    yaml.writeValue(dir.resolve("large.yaml").toFile(), manifest());
    return dir;
  }
}
