package io.chatform.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatform.model.ApiVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Objects declared twice are refused whatever their identity holds: a webhook's identity ends in
 * its URL ({@code https://…}), and descriptions and names may hold or end in a slash, which the
 * joined identity ({@code a/b/c}) also uses between its fields.
 */
class DuplicateIdentityTest {
  @TempDir Path dir;

  private List<String> messages(String yaml) throws IOException {
    Path f = dir.resolve("m.yaml");
    Files.writeString(f, yaml);
    return new ManifestLoader(n -> Optional.empty())
        .load(List.of(f), ApiVersion.V3_6).diagnostics().stream()
            .map(d -> d.format().replace(dir.toString() + "/", ""))
            .toList();
  }

  private static final String CID = "c0ffee00c0ffee00c0ffee00c0ffee00";

  @Test
  void twoWebhooksWithOneIdentityAreADuplicate() throws IOException {
    String hook =
        "  - {owner_client_id: "
            + CID
            + ", type: license, action: incoming_chat,"
            + " url: 'https://a.example/1', secret_key: k%s}\n";
    assertThat(
            messages(
                "version: 1\nwebhooks:\n"
                    + String.format(hook, "")
                    + String.format(hook, ", description: second")))
        .singleElement()
        .asString()
        .startsWith(
            "m.yaml:4:5: webhooks[1]: duplicate webhooks entry '"
                + CID
                + "/license/incoming_chat/https://a.example/1' (also declared at m.yaml:3:5)");
  }

  @Test
  void descriptionsAndNamesWithSlashesAreComparedAsWritten() throws IOException {
    assertThat(
            messages(
                "version: 1\ngroups:\n  - {name: S}\nauto_access:\n"
                    + "  - {description: 'https://a', groups: [S], conditions: {url: {values:"
                    + " [{value: /x, exact_match: true}]}}}\n"
                    + "  - {description: 'https://a', groups: [S], conditions: {url: {values:"
                    + " [{value: /y, exact_match: true}]}}}\n"
                    + "bots:\n  - {name: 'Helper/', owner_client_id: "
                    + CID
                    + "}\n  - {name: 'Helper/', owner_client_id: "
                    + CID
                    + "}\n"))
        .hasSize(2)
        .anySatisfy(m -> assertThat(m).contains("auto access description 'https://a' is repeated"))
        .anySatisfy(m -> assertThat(m).contains("duplicate bots entry '" + CID + "/Helper/'"));
  }

  @Test
  void identitiesThatOnlyJoinToTheSameAddressAreRefusedAsAmbiguous() throws IOException {
    // group "A/B" with name "c", and group "A" with name "B/c": both are greetings/A/B/c.
    String rules =
        ", rules: [{condition: and, type: visit_time_site, operator: greater_than, value: 30}]}\n";
    assertThat(
            messages(
                "version: 1\ngroups:\n  - {name: 'A/B'}\n  - {name: A}\ngreetings:\n"
                    + "  - {group: 'A/B', name: c"
                    + rules
                    + "  - {group: A, name: 'B/c'"
                    + rules))
        .containsExactly(
            "m.yaml:7:5: greetings[1]: greetings/A/B/c would name two objects: this one and the"
                + " one declared at m.yaml:6:5, whose group, name differ but read the same joined"
                + " with '/' (rename one of them so their addresses differ)");
  }

  @Test
  void anAgentIdOrTagNameWithAControlOrBidiCharacterIsRefused() throws IOException {
    // Listed back as the object's id, which the client refuses unless printable: once written,
    // the account could not be planned again.
    List<String> m =
        messages(
            "version: 1\nagents:\n  - {id: \"a\\u202e@x.example\", name: X}\ntags:\n"
                + "  - {name: \"tag\\a\"}\n");
    assertThat(m).hasSize(2);
    assertThat(m.get(0))
        .startsWith("m.yaml:3:10: agents[0].id: id holds a control or bidi character");
    assertThat(m.get(1)).startsWith("m.yaml:5:12: tags[0].name: name holds a control or bidi");
    assertThat(String.join("\n", m)).doesNotContain("\u202e").doesNotContain("\u0007");
  }
}
