package io.chatform.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The optional project file ({@code chatform.yaml} with an {@code accounts:} section) that names
 * the accounts one repository manages, so pipelines select one with {@code --account NAME}.
 */
record ProjectFile(Path file, Map<String, ProjectAccount> accounts) {
  static final String NAME = "chatform.yaml";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Pattern ACCOUNT = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,62}");
  private static final Set<String> ACCOUNT_KEYS =
      Set.of("credentials", "region", "api_version", "manifests", "variables", "description");

  /**
   * The project file to use: {@code given} (from --project or CHATFORM_PROJECT), else a {@code
   * chatform.yaml} in {@code dir} that has an {@code accounts:} section (a manifest of that name,
   * which has none, is not a project file).
   */
  static Optional<ProjectFile> find(Optional<Path> given, Path dir) {
    if (given.isPresent()) {
      if (!Files.isRegularFile(given.get())) {
        throw new UserException(
            "project file " + given.get() + ": no such file (give --project FILE or unset it)");
      }
      return Optional.of(read(given.get()));
    }
    Path candidate = dir.resolve(NAME);
    if (!Files.isRegularFile(candidate)) {
      return Optional.empty();
    }
    try {
      JsonNode root = YAML.readTree(candidate.toFile());
      return root != null && root.has("accounts") ? Optional.of(read(candidate)) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty(); // not readable as a project: it is some manifest's business
    }
  }

  /** Reads and checks a project file; every problem is reported in one error, by its key path. */
  static ProjectFile read(Path file) {
    JsonNode root;
    try {
      root = YAML.readTree(file.toFile());
    } catch (IOException e) {
      throw new UserException(file + ": not readable YAML: " + firstLine(e.getMessage()));
    }
    List<String> problems = new ArrayList<>();
    Map<String, ProjectAccount> accounts = new LinkedHashMap<>();
    JsonNode all = root == null ? null : root.get("accounts");
    // Project-wide variables: defaults every account shares, each account's own win.
    Map<String, Object> defaults =
        root == null ? Map.of() : ProjectAccount.variables(root.path("variables"), "", problems);
    if (all == null || !all.isObject() || all.isEmpty()) {
      problems.add("accounts: a mapping of account names to their settings is required");
    } else {
      root.fieldNames()
          .forEachRemaining(
              k -> {
                if (!k.equals("accounts") && !k.equals("variables") && !k.startsWith("x-")) {
                  problems.add(
                      k + ": unknown key (only accounts, variables, or x-… extension keys)");
                }
              });
      all.properties()
          .forEach(
              e -> {
                String at = "accounts." + e.getKey();
                if (!ACCOUNT.matcher(e.getKey()).matches()) {
                  problems.add(
                      at + ": account names are lower-case letters, digits, '.', '_' and '-'");
                }
                if (!e.getValue().isObject()) {
                  problems.add(at + ": must be a mapping (credentials, region, manifests, …)");
                  return;
                }
                e.getValue()
                    .fieldNames()
                    .forEachRemaining(
                        k -> {
                          if (!ACCOUNT_KEYS.contains(k)) {
                            problems.add(
                                at
                                    + "."
                                    + k
                                    + ": unknown key (one of "
                                    + sorted(ACCOUNT_KEYS)
                                    + ")");
                          }
                        });
                ProjectAccount.parse(e.getKey(), e.getValue(), at, problems)
                    .ifPresent(a -> accounts.put(a.name(), a.withDefaults(defaults)));
              });
    }
    if (!problems.isEmpty()) {
      throw new UserException(
          "project file "
              + file
              + " is invalid ("
              + problems.size()
              + (problems.size() == 1 ? " problem" : " problems")
              + "):\n  "
              + String.join("\n  ", problems));
    }
    return new ProjectFile(file, Map.copyOf(accounts));
  }

  /** The account called {@code name}, or an error listing the known ones. */
  ProjectAccount account(String name) {
    ProjectAccount a = accounts.get(name);
    if (a == null) {
      throw new UserException(
          "no account '"
              + name
              + "' in "
              + file
              + "; its accounts are: "
              + sorted(accounts.keySet()));
    }
    return a;
  }

  /** The accounts in name order. */
  List<ProjectAccount> sortedAccounts() {
    return accounts.values().stream()
        .sorted(java.util.Comparator.comparing(ProjectAccount::name))
        .toList();
  }

  private static String sorted(Set<String> names) {
    return String.join(", ", new java.util.TreeSet<>(names));
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("");
  }
}
