package io.chatform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.ApiVersion;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Allowed domains (3.7 only): the domains that may embed the chat widget. Domains are host names,
 * so they match case-insensitively; adding one twice answers {@code already_exists}.
 */
public final class AllowedDomainsModule implements Module {
  static final int MAX_CHARS = 255;

  /** Labels of letters, digits and hyphens, dot-separated; an optional leading {@code *.}. */
  private static final Pattern HOST =
      Pattern.compile(
          "(\\*\\.)?[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?"
              + "(?:\\.[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?)*");

  /** Lower-cased domain → the domain as added, in the order added. */
  private final Map<String, String> domains = new LinkedHashMap<>();

  @Override
  public String name() {
    return "allowed_domains";
  }

  @Override
  public Map<String, Handler> methods() {
    Map<String, Handler> m = new LinkedHashMap<>();
    m.put("add_allowed_domain", Methods.since(ApiVersion.V3_7, this::add));
    m.put("list_allowed_domains", Methods.since(ApiVersion.V3_7, this::list));
    m.put("delete_allowed_domain", Methods.since(ApiVersion.V3_7, this::delete));
    return m;
  }

  private static String domain(Call call) {
    return BodyFields.requiredString(call.body(), "", "domain");
  }

  private static String key(String domain) {
    return domain.toLowerCase(Locale.ROOT);
  }

  private JsonNode add(Call call) {
    String d = domain(call);
    if (d.codePointCount(0, d.length()) > MAX_CHARS) {
      throw ApiError.validation("domain must be at most " + MAX_CHARS + " characters");
    }
    if (!HOST.matcher(d).matches()) {
      throw ApiError.validation(
          "domain `" + d + "` is not a domain name (no scheme, path, port or spaces)");
    }
    if (domains.containsKey(key(d))) {
      throw ApiError.alreadyExists("domain `" + domains.get(key(d)) + "` is already allowed");
    }
    domains.put(key(d), d);
    return Methods.empty();
  }

  private JsonNode list(Call call) {
    ObjectNode out = Params.object();
    ArrayNode list = out.putArray("domains");
    domains.values().forEach(list::add);
    return out;
  }

  private JsonNode delete(Call call) {
    String d = domain(call);
    if (domains.remove(key(d)) == null) {
      throw ApiError.notFound("domain `" + d + "` is not an allowed domain");
    }
    return Methods.empty();
  }

  /** Stored as objects: state sections hold arrays of objects only ({@link StateDocument}). */
  @Override
  public void writeState(ObjectNode into) {
    ArrayNode list = into.putArray("domains");
    domains.values().forEach(d -> list.addObject().put("domain", d));
  }

  @Override
  public void readState(JsonNode from) {
    domains.clear();
    for (JsonNode d : from.path("domains")) {
      String domain = d.path("domain").asText("");
      if (domain.isEmpty()) {
        throw new IllegalArgumentException("`allowed_domains.domains[].domain` is required");
      }
      domains.put(key(domain), domain);
    }
  }

  @Override
  public void reset() {
    domains.clear();
  }
}
