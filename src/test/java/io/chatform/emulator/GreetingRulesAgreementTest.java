package io.chatform.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.manifest.ManifestLoader;
import io.chatform.model.ApiVersion;
import io.chatform.model.GreetingRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code validate} and the emulator agree on every greeting rule of a grid: each rule type with and
 * without each of operator (fitting or not), value (in range, at and past the edges, text, empty),
 * urls (text or number operator) and session_field (a known or unknown ad network) is refused
 * offline exactly when {@code create_greeting} would refuse it.
 */
class GreetingRulesAgreementTest {
  @TempDir Path dir;

  private static final List<String> OPERATORS =
      java.util.Arrays.asList(null, "equals", "contains", "greater_than");
  private static final List<String> VALUES =
      java.util.Arrays.asList(null, "0", "900", "901", "abc", "");
  private static final List<String> URLS = java.util.Arrays.asList(null, "contains", "lower_than");
  private static final List<String> SESSIONS = java.util.Arrays.asList(null, "google", "bing");

  @Test
  void validateRefusesExactlyWhatTheEmulatorRefuses() throws Exception {
    List<ObjectNode> rules = new ArrayList<>();
    for (String type : GreetingRules.ruleTypes()) {
      for (String op : OPERATORS) {
        for (String value : VALUES) {
          for (String url : URLS) {
            for (String session : SESSIONS) {
              ObjectNode r = Params.object().put("condition", "and").put("type", type);
              if (op != null) {
                r.put("operator", op);
              }
              if (value != null) {
                r.put("value", value);
              }
              if (url != null) {
                r.putArray("urls").addObject().put("url", "/a").put("operator", url);
              }
              if (session != null) {
                r.putObject("session_field").put(session, "x");
              }
              rules.add(r);
            }
          }
        }
      }
    }
    // One manifest per rule: validate reports similar problems of many objects as one line.
    ManifestLoader loader = new ManifestLoader(n -> Optional.empty());
    Path f = dir.resolve("m.yaml");
    Set<Integer> emulatorRefuses = new TreeSet<>();
    Set<Integer> validateRefuses = new TreeSet<>();
    for (int i = 0; i < rules.size(); i++) {
      try {
        GreetingValidator.rules(Params.array().add(rules.get(i)));
      } catch (ApiError e) {
        emulatorRefuses.add(i);
      }
      Files.writeString(
          f,
          "version: 1\ngreetings:\n  - name: g\n    group: General\n    rules:\n      - "
              + Params.JSON.writeValueAsString(rules.get(i))
              + "\n");
      if (!loader.load(List.of(f), ApiVersion.V3_6).diagnostics().isEmpty()) {
        validateRefuses.add(i);
      }
    }
    assertThat(rules).hasSizeGreaterThan(2000);
    assertThat(emulatorRefuses).isNotEmpty().hasSizeLessThan(rules.size());
    Set<Integer> onlyValidate = new TreeSet<>(validateRefuses);
    onlyValidate.removeAll(emulatorRefuses);
    Set<Integer> onlyEmulator = new TreeSet<>(emulatorRefuses);
    onlyEmulator.removeAll(validateRefuses);
    assertThat(onlyValidate.stream().map(rules::get).toList())
        .as("refused by validate, accepted by the emulator")
        .isEmpty();
    assertThat(onlyEmulator.stream().map(rules::get).toList())
        .as("accepted by validate, refused by the emulator")
        .isEmpty();
  }
}
