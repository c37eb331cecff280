package io.chatform.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatform.model.ApiVersion;
import io.chatform.model.Kind;
import io.chatform.model.Resource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 3.7 preview sections: canned responses (identity group/key with their defaults, schema,
 * sanitized-empty text, duplicates, group references) and allowed domains (strings or objects, 255
 * characters, host name syntax, case-only duplicates), both refused below 3.7 at the key.
 */
class CannedResponseManifestTest {
  @TempDir Path dir;

  private LoadResult load(ApiVersion version, String... files) throws IOException {
    List<Path> paths = new java.util.ArrayList<>();
    for (int i = 0; i < files.length; i++) {
      Path f = dir.resolve("m" + i + ".yaml");
      Files.writeString(f, files[i]);
      paths.add(f);
    }
    return new ManifestLoader(n -> Optional.empty()).load(paths, version);
  }

  private List<String> messages(ApiVersion version, String... files) throws IOException {
    return load(version, files).diagnostics().stream()
        .map(d -> d.format().replace(dir.toString() + "/", ""))
        .toList();
  }

  @Test
  void identityIsGroupAndKeyWithGeneralAndTheFirstTagAsDefaults() throws IOException {
    LoadResult r =
        load(
            ApiVersion.V3_7,
            """
            version: 1
            groups: [{name: Sales}]
            canned_responses:
              - {group: Sales, key: price, tags: [pricing], text: "See acme.example/pricing"}
              - {tags: [hello, greeting], text: "Hi!"}
            """);
    assertThat(r.diagnostics()).isEmpty();
    List<Resource> rs = r.state().orElseThrow().sections().get(Kind.CANNED_RESPONSES);
    assertThat(rs)
        .extracting(Resource::address)
        .containsExactly("canned_responses/Sales/price", "canned_responses/General/hello");
  }

  @Test
  void theSectionsExistOnlyFrom37AndSaySoAtTheKey() throws IOException {
    assertThat(
            messages(
                ApiVersion.V3_6,
                "version: 1\ncanned_responses:\n  - {tags: [a], text: x}\nallowed_domains: [a.io]\n"))
        .containsExactly(
            "m0.yaml:2:1: canned_responses: canned_responses exist only from API 3.7, not in 3.6"
                + " (remove the canned_responses section, or use --api-version 3.7 (a developer"
                + " preview, taken only when named))",
            "m0.yaml:4:1: allowed_domains: allowed_domains exist only from API 3.7, not in 3.6"
                + " (remove the allowed_domains section, or use --api-version 3.7 (a developer"
                + " preview, taken only when named))");
  }

  @Test
  void textThatSanitizingEmptiesIsRefusedWhereItIsWritten() throws IOException {
    assertThat(
            messages(
                ApiVersion.V3_7,
                "version: 1\ncanned_responses:\n  - tags: [a]\n    text: \"<b> </b>\"\n"))
        .containsExactly(
            "m0.yaml:4:11: canned_responses[0].text: canned response text is empty once LiveChat"
                + " sanitizes it (HTML tags removed); the API refuses it (write the answer as"
                + " text)");
  }

  @Test
  void twoResponsesWithOneKeyInOneGroupAreDuplicatesAndTagsAreRequired() throws IOException {
    List<String> m =
        messages(
            ApiVersion.V3_7,
            """
            version: 1
            canned_responses:
              - {tags: [hi, a], text: one}
              - {key: hi, tags: [b], text: two}
              - {text: three}
              - {tags: [], text: four}
            """);
    assertThat(m).hasSize(3);
    assertThat(m.get(0))
        .startsWith("m0.yaml:4:5: canned_responses[1]: duplicate")
        .contains("General/hi");
    assertThat(String.join("\n", m))
        .contains("canned_responses[2]")
        .contains("canned_responses[3]");
  }

  @Test
  void aResponseNamesADeclaredGroup() throws IOException {
    assertThat(
            messages(
                ApiVersion.V3_7,
                "version: 1\ngroups: [{name: Sales}]\ncanned_responses:\n"
                    + "  - {group: Sale, tags: [a], text: x}\n"))
        .singleElement()
        .asString()
        .startsWith("m0.yaml:4:13: canned_responses[0].group:")
        .contains("did you mean 'Sales'?");
  }

  @Test
  void domainsAreStringsOrObjectsAndHostNames() throws IOException {
    LoadResult ok =
        load(
            ApiVersion.V3_7,
            "version: 1\nallowed_domains:\n  - a.example\n  - {domain: b.example}\n");
    assertThat(ok.diagnostics()).isEmpty();
    assertThat(ok.state().orElseThrow().sections().get(Kind.ALLOWED_DOMAINS))
        .extracting(Resource::address)
        .containsExactly("allowed_domains/a.example", "allowed_domains/b.example");
    String tooLong = "a".repeat(250) + ".example";
    List<String> m =
        messages(
            ApiVersion.V3_7,
            "version: 1\nallowed_domains:\n  - https://shop.example/cart\n  - A.example\n"
                + "  - a.example\n  - "
                + tooLong
                + "\n");
    assertThat(m).hasSize(3);
    assertThat(m.get(0))
        .isEqualTo(
            "m0.yaml:3:5: allowed_domains[0].domain: 'https://shop.example/cart' is not a domain name"
                + " (write the host name only: shop.example)");
    assertThat(String.join("\n", m))
        .contains("allowed_domains[2]")
        .contains("allowed_domains[3]")
        .contains("255");
  }
}
