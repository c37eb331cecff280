package io.chatform.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One account of a {@link ProjectFile}: which environment variables hold its credentials (never the
 * credentials themselves), its region and API version, its manifests and its variables.
 */
record ProjectAccount(
    String name,
    Map<String, String> credentialVars,
    Optional<String> region,
    Optional<String> apiVersion,
    List<String> manifests,
    Map<String, Object> variables) {
  /** Credential keys and the variable chatform reads each from. */
  static final Map<String, String> CREDENTIALS =
      Map.of(
          "account_id", "LIVECHAT_ACCOUNT_ID",
          "pat", "LIVECHAT_PAT",
          "access_token", "LIVECHAT_ACCESS_TOKEN");

  private static final Pattern ENV_NAME = Pattern.compile("[A-Z_][A-Z0-9_]*");
  private static final Set<String> REGIONS = Set.of("dal", "fra");

  /** What {@code --api-version} and {@code CHATFORM_API_VERSION} take, the preview 3.7 too. */
  private static final List<String> VERSIONS =
      io.chatform.model.ApiVersion.ACCEPTED.stream()
          .map(io.chatform.model.ApiVersion::label)
          .toList();

  static Optional<ProjectAccount> parse(
      String name, JsonNode node, String at, List<String> problems) {
    int before = problems.size();
    Map<String, String> creds = new LinkedHashMap<>();
    JsonNode c = node.path("credentials");
    if (!c.isMissingNode()) {
      if (!c.isObject()) {
        problems.add(at + ".credentials: a mapping such as {account_id: VAR, pat: VAR}");
      } else {
        c.properties()
            .forEach(
                e -> {
                  String where = at + ".credentials." + e.getKey();
                  if (!CREDENTIALS.containsKey(e.getKey())) {
                    problems.add(where + ": unknown key (account_id, pat or access_token)");
                  } else if (!e.getValue().isTextual()
                      || !ENV_NAME.matcher(e.getValue().asText()).matches()) {
                    problems.add(
                        where
                            + ": the name of an environment variable (e.g. STAGING_LIVECHAT_PAT),"
                            + " never the secret itself");
                  } else {
                    creds.put(e.getKey(), e.getValue().asText());
                  }
                });
        if (c.has("pat") != c.has("account_id")) {
          problems.add(at + ".credentials: pat and account_id go together");
        }
      }
    }
    Optional<String> region = text(node, "region", at, problems);
    region
        .filter(r -> !REGIONS.contains(r))
        .ifPresent(r -> problems.add(at + ".region: dal or fra, not " + r));
    Optional<String> version = text(node, "api_version", at, problems);
    version
        .filter(v -> !VERSIONS.contains(v))
        .ifPresent(
            v ->
                problems.add(
                    at
                        + ".api_version: "
                        + io.chatform.model.ApiVersion.either(VERSIONS)
                        + " (quoted), not "
                        + v));
    List<String> manifests = new ArrayList<>();
    JsonNode m = node.path("manifests");
    if (m.isTextual()) {
      manifests.add(m.asText());
    } else if (m.isArray() && !m.isEmpty()) {
      m.forEach(
          p -> {
            if (p.isTextual() && !p.asText().isBlank()) {
              manifests.add(p.asText());
            } else {
              problems.add(at + ".manifests: each entry is a file or directory path");
            }
          });
    } else {
      problems.add(at + ".manifests: required, a path or a list of paths (files or directories)");
    }
    Map<String, Object> variables = variables(node.path("variables"), at, problems);
    if (problems.size() > before) {
      return Optional.empty();
    }
    return Optional.of(
        new ProjectAccount(
            name,
            Map.copyOf(creds),
            region,
            version,
            List.copyOf(manifests),
            java.util.Collections.unmodifiableMap(variables)));
  }

  /**
   * A {@code variables:} mapping (an account's, or the project-wide defaults) as name → String,
   * Boolean or Number, in the order written; problems are added by key path.
   */
  static Map<String, Object> variables(JsonNode v, String at, List<String> problems) {
    Map<String, Object> variables = new LinkedHashMap<>();
    if (v.isMissingNode()) {
      return variables;
    }
    String here = at.isEmpty() ? "variables" : at + ".variables";
    if (!v.isObject()) {
      problems.add(here + ": a mapping of names to strings, numbers or booleans");
      return variables;
    }
    v.properties()
        .forEach(
            e -> {
              JsonNode x = e.getValue();
              java.util.Optional<String> problem =
                  io.chatform.manifest.Variables.problem(e.getKey(), x);
              if (problem.isPresent()) {
                problems.add(here + "." + e.getKey() + ": " + problem.get());
              } else {
                variables.put(
                    e.getKey(),
                    x.isTextual()
                        ? x.asText()
                        : x.isBoolean() ? (Object) x.asBoolean() : x.numberValue());
              }
            });
    return variables;
  }

  /** This account with {@code defaults} under its own variables (its own win). */
  ProjectAccount withDefaults(Map<String, Object> defaults) {
    if (defaults.isEmpty()) {
      return this;
    }
    Map<String, Object> all = new LinkedHashMap<>(defaults);
    all.putAll(variables);
    return new ProjectAccount(
        name,
        credentialVars,
        region,
        apiVersion,
        manifests,
        java.util.Collections.unmodifiableMap(all));
  }

  private static Optional<String> text(
      JsonNode node, String key, String at, List<String> problems) {
    JsonNode n = node.get(key);
    if (n == null || n.isNull()) {
      return Optional.empty();
    }
    if (!n.isValueNode() || n.isBoolean()) {
      problems.add(at + "." + key + ": a single value");
      return Optional.empty();
    }
    return Optional.of(n.asText());
  }
}
