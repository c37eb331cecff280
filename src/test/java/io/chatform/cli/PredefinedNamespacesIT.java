package io.chatform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.emulator.Emulator;
import io.chatform.emulator.EmulatorConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13: values in the {@code test} and predefined namespaces every license has (set by other
 * tools, or by LiveChat itself) are never exported, never pruned, and never make a diff; license
 * webhooks that are on by default plan no spurious enable.
 */
class PredefinedNamespacesIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path tmp;

  @Test
  void exportValidatePlanIgnoresPredefinedNamespaces() throws Exception {
    try (Emulator e = Emulator.start(EmulatorConfig.defaults())) {
      post(
          e,
          "update_license_properties",
          "{\"properties\":{\"test\":{\"int_property\":5,\"string_property\":\"x\"},"
              + "\"core\":{\"transcript_emails\":\"a@x.example\"}}}");
      post(
          e,
          "update_group_properties",
          "{\"group_id\":0,\"properties\":{\"test\":{\"bool_property\":true}}}");
      // Read-only limits values, as LiveChat itself keeps them on a license.
      ObjectNode state = e.state();
      ((ObjectNode) state.path("properties").path("values"))
          .putObject("license")
          .setAll(
              (ObjectNode)
                  JSON.readTree(
                      "{\"test\":{\"int_property\":5,\"string_property\":\"x\"},"
                          + "\"core\":{\"transcript_emails\":\"a@x.example\"},"
                          + "\"limits\":{\"agents.base\":400}}"));
      e.replaceState(state);
      String listed = post(e, "list_license_properties", "{}");
      assertThat(listed).contains("limits").contains("test").contains("core");

      Cli cli = new Cli(tmp);
      cli.env.put("LIVECHAT_ACCOUNT_ID", EmulatorConfig.SANDBOX_ACCOUNT_ID);
      cli.env.put("LIVECHAT_PAT", EmulatorConfig.SANDBOX_PAT);
      Path exported = tmp.resolve("export.yaml");
      Cli.Result export =
          cli.run(
              "export",
              "--api-url",
              e.baseUrl(),
              "--client-id",
              Cli.CID,
              "-o",
              exported.toString());
      assertThat(export.code()).as(export.toString()).isZero();
      String yaml = Files.readString(exported);
      assertThat(yaml)
          .doesNotContain("int_property")
          .doesNotContain("bool_property")
          .doesNotContain("transcript_emails")
          .doesNotContain("agents.base")
          .contains("license_webhooks");
      Path withSecret = tmp.resolve("with-secret.yaml");
      Files.writeString(withSecret, yaml.replace("${env:LC_WEBHOOK_SECRET}", "any"));
      Cli.Result valid = cli.run("validate", "-f", withSecret.toString());
      assertThat(valid.code()).as(valid.toString()).isZero();
      Cli.Result plan =
          cli.run(
              "plan", "-f", withSecret.toString(), "--api-url", e.baseUrl(), "--detailed-exitcode");
      assertThat(plan.code()).as(plan.toString()).isZero();
      assertThat(plan.out()).contains("No changes.");

      // A manifest managing the same sections with its own app's values prunes nothing else.
      String own =
          cli.write(
              "own.yaml",
              """
              version: 1
              properties:
                - {owner_client_id: CID, name: tier, type: string, access: {license: {agent: [read, write]}, group: {agent: [read, write]}}}
              license_properties:
                CID: {tier: gold}
              group_properties:
                General: {CID: {tier: gold}}
              license_webhooks:
                CID: enabled
              """);
      Cli.Result applied = cli.run("apply", "-f", own, "--api-url", e.baseUrl(), "--auto-approve");
      assertThat(applied.code()).as(applied.toString()).isZero();
      assertThat(applied.out())
          .doesNotContain("license_webhooks/")
          .doesNotContain("test/")
          .doesNotContain("limits/");
      String after = post(e, "list_license_properties", "{}");
      assertThat(after).contains("\"int_property\":5").contains("\"agents.base\":400");
      assertThat(post(e, "list_groups_properties", "{\"group_ids\":[0]}"))
          .contains("\"bool_property\":true");
      Cli.Result again =
          cli.run("plan", "-f", own, "--api-url", e.baseUrl(), "--detailed-exitcode");
      assertThat(again.code()).as(again.toString()).isZero();
      assertThat(again.out()).contains("No changes.");
    }
  }

  @Test
  void licenseWebhooksOnByDefaultPlanNoEnable() throws Exception {
    Cli cli = new Cli(tmp);
    String m =
        cli.write(
            "hooks.yaml",
            """
            version: 1
            license_webhooks:
              CID: enabled
            """);
    Cli.Result plan = cli.sandbox("plan", "-f", m, "--detailed-exitcode");
    assertThat(plan.code()).as(plan.toString()).isZero();
    assertThat(plan.out()).contains("No changes.");
    String off = cli.write("off.yaml", "version: 1\nlicense_webhooks:\n  CID: disabled\n");
    Cli.Result disable = cli.sandbox("plan", "-f", off, "--detailed-exitcode");
    assertThat(disable.code()).as(disable.toString()).isEqualTo(2);
    assertThat(disable.out()).contains("license_webhooks/" + Cli.CID);
  }

  private static String post(Emulator e, String method, String body) throws Exception {
    String auth =
        Base64.getEncoder()
            .encodeToString(
                (EmulatorConfig.SANDBOX_ACCOUNT_ID + ":" + EmulatorConfig.SANDBOX_PAT)
                    .getBytes(StandardCharsets.UTF_8));
    HttpRequest req =
        HttpRequest.newBuilder(URI.create(e.baseUrl() + "/v3.6/configuration/action/" + method))
            .header("Authorization", "Basic " + auth)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> r =
        HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(method + " " + r.body()).isEqualTo(200);
    return r.body();
  }
}
