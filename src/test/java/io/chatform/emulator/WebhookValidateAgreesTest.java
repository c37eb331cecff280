package io.chatform.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.manifest.Diagnostic;
import io.chatform.manifest.LoadResult;
import io.chatform.manifest.ManifestLoader;
import io.chatform.model.ApiVersion;
import io.chatform.model.WebhookActions;
import io.chatform.model.WebhookFilters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, "valid means it will apply" for webhook filters: for every action of every version and
 * every filter (and additional data), validate accepts the manifest exactly when register_webhook
 * accepts what chatform sends. One manifest per version, one webhook per case (each its own Client
 * ID, so the 3-per-action limit never interferes).
 */
class WebhookValidateAgreesTest {
  private static final Map<String, String> SAMPLE =
      Map.of(
          "author_type", "customer",
          "only_my_chats", "true",
          "chat_presence", "{my_bots: true}",
          "source_type", "[my_client]",
          "agent_ids", "[a@x.example]");
  private static final Pattern INDEX = Pattern.compile("^webhooks\\[(\\d+)]");

  @TempDir Path dir;

  private record Case(String action, String field, String yaml, String json) {}

  @Test
  void validateAndRegisterAgreeOnEveryActionAndFilter() throws Exception {
    int compared = 0;
    for (ApiVersion v : ApiVersion.values()) {
      List<Case> cases = new ArrayList<>();
      for (String action : WebhookActions.forVersion(v)) {
        for (String f : WebhookFilters.ALL) {
          cases.add(
              new Case(
                  action,
                  f,
                  "filters: {" + f + ": " + SAMPLE.get(f) + "}",
                  "\"filters\":{\"" + f + "\":" + json(SAMPLE.get(f)) + "}"));
        }
        cases.add(
            new Case(
                action,
                "additional_data",
                "additional_data: [chat_properties]",
                "\"additional_data\":[\"chat_properties\"]"));
      }
      StringBuilder yaml = new StringBuilder("version: 1\nwebhooks:\n");
      for (int i = 0; i < cases.size(); i++) {
        yaml.append("  - {owner_client_id: '")
            .append(String.format("%032x", i))
            .append("', type: license, url: 'https://h.example/x', secret_key: k, action: ")
            .append(cases.get(i).action())
            .append(", ")
            .append(cases.get(i).yaml())
            .append("}\n");
      }
      Path f = dir.resolve("w" + v.label() + ".yaml");
      Files.writeString(f, yaml.toString());
      LoadResult r = new ManifestLoader(n -> Optional.empty()).load(List.of(f), v);
      Set<Integer> refused = new TreeSet<>();
      for (Diagnostic d : r.diagnostics()) {
        Matcher m = INDEX.matcher(d.path());
        assertThat(m.find()).as(d.format()).isTrue();
        refused.add(Integer.parseInt(m.group(1)));
      }
      WebhooksModule module = new WebhooksModule();
      Handler register = module.methods().get("register_webhook");
      for (int i = 0; i < cases.size(); i++) {
        Case c = cases.get(i);
        boolean inert =
            c.field().equals("author_type") && !WebhookActions.acceptsAuthorType(c.action());
        if (inert) {
          // Accepted in manifests and left out of the call (docs/manifests.md).
          assertThat(refused).as(v + " " + c).doesNotContain(i);
          continue;
        }
        ObjectNode body =
            (ObjectNode)
                Params.JSON.readTree(
                    "{\"action\":\""
                        + c.action()
                        + "\",\"secret_key\":\"k\",\"url\":\"https://h.example/x\","
                        + "\"type\":\"license\",\"owner_client_id\":\""
                        + String.format("%032x", i)
                        + "\","
                        + c.json()
                        + "}");
        boolean accepted;
        try {
          register.handle(new Call(v, "register_webhook", body, Optional.empty()));
          accepted = true;
        } catch (ApiError e) {
          accepted = false;
        }
        assertThat(!refused.contains(i)).as(v + " " + c).isEqualTo(accepted);
        compared++;
      }
    }
    assertThat(compared).isGreaterThan(300);
  }

  private static String json(String yamlFlow) {
    return switch (yamlFlow) {
      case "customer" -> "\"customer\"";
      case "true" -> "true";
      case "{my_bots: true}" -> "{\"my_bots\":true}";
      case "[my_client]" -> "[\"my_client\"]";
      case "[a@x.example]" -> "[\"a@x.example\"]";
      default -> throw new IllegalArgumentException(yamlFlow);
    };
  }
}
