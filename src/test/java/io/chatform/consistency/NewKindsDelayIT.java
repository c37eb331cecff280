package io.chatform.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatform.emulator.FaultConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The kinds added after the consistency work (tags, greetings, bot templates; canned responses and
 * allowed domains on 3.7) under lists that lag behind writes ({@code --consistency-delay-ms}) and
 * failing calls: reruns started at once converge, and nothing is ever created twice.
 */
class NewKindsDelayIT {
  private static final String V36 =
      """
      version: 1
      groups:
        - {name: Sales}
      tags:
        - {name: billing, groups: [Sales]}
        - {name: refund}
        - {name: vip, groups: [Sales]}
      greetings:
        - name: Checkout help
          group: Sales
          rules: [{condition: and, type: url_current, operator: contains, value: checkout}]
        - name: Pricing
          group: Sales
          rules: [{condition: and, type: url_current, operator: contains, value: pricing}]
      bot_templates:
        - {owner_client_id: CID, name: Concierge template}
        - {owner_client_id: CID, name: Night template}
      """
          .replace("CID", DelayedAccount.CID);

  private static final String V37 =
      """
      version: 1
      groups:
        - {name: Sales}
      canned_responses:
        - {group: Sales, tags: [hello], text: "Hi! How can I help?"}
        - {group: Sales, tags: [bye, thanks], text: "Thanks for chatting!"}
        - {tags: [hours], text: "We are open 9 to 5."}
      allowed_domains:
        - shop.example
        - "*.shop.example"
      """;

  @TempDir Path tmp;

  @ParameterizedTest(name = "API {0}")
  @ValueSource(strings = {"3.6", "3.7"})
  void rerunsUnderDelayAndFailuresConvergeWithEachObjectOnce(String version) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve(version));
    Path manifest = dir.resolve("chatform.yaml");
    Files.writeString(manifest, version.equals("3.6") ? V36 : V37);
    FaultConfig faults =
        FaultConfig.none().withSeed(11).withFailRate(0.3).withConsistencyDelayMs(1200);
    try (DelayedAccount a = DelayedAccount.open(dir, faults)) {
      String[] args = {
        "-f",
        manifest.toString(),
        "--api-version",
        version,
        "--json",
        "--lock-client-id",
        DelayedAccount.CID
      };
      DelayedAccount.Run last = a.apply(args);
      for (int i = 0; i < 8 && last.code() != 0; i++) {
        assertNoCopies(a, version);
        last = a.apply(args);
      }
      assertThat(last.code()).as(last.toString()).isZero();
      assertNoCopies(a, version);
      if (version.equals("3.6")) {
        assertThat(keys(a, "tags", "tags", t -> t.path("name").asText())).hasSize(3);
        assertThat(keys(a, "greetings", "greetings", g -> g.path("name").asText())).hasSize(2);
        assertThat(keys(a, "bot_templates", "templates", t -> t.path("name").asText())).hasSize(2);
      } else {
        assertThat(keys(a, "canned_responses", "canned_responses", NewKindsDelayIT::firstTag))
            .hasSize(3);
        assertThat(keys(a, "allowed_domains", "domains", d -> d.path("domain").asText()))
            .hasSize(2);
      }
    }
  }

  private static String firstTag(JsonNode response) {
    return response.path("tags").path(0).asText();
  }

  /** Each new kind's objects, by identity in the emulator's own state, at most once. */
  private static void assertNoCopies(DelayedAccount a, String version) {
    if (version.equals("3.6")) {
      assertThat(keys(a, "greetings", "greetings", g -> g.path("group").asText() + "/" + name(g)))
          .doesNotHaveDuplicates();
      assertThat(keys(a, "bot_templates", "templates", NewKindsDelayIT::name))
          .doesNotHaveDuplicates();
      assertThat(keys(a, "tags", "tags", NewKindsDelayIT::name)).doesNotHaveDuplicates();
    } else {
      assertThat(
              keys(
                  a,
                  "canned_responses",
                  "canned_responses",
                  r -> r.path("group_id").asText() + "/" + firstTag(r)))
          .doesNotHaveDuplicates();
      assertThat(keys(a, "allowed_domains", "domains", d -> d.path("domain").asText()))
          .doesNotHaveDuplicates();
    }
  }

  private static String name(JsonNode o) {
    return o.path("name").asText();
  }

  private static List<String> keys(
      DelayedAccount a, String module, String list, Function<JsonNode, String> key) {
    List<String> out = new ArrayList<>();
    a.emulator.state().path(module).path(list).forEach(o -> out.add(key.apply(o)));
    return out;
  }
}
