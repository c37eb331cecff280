package io.chatform.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatform.emulator.TestClient.Reply;
import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;

/**
 * Requests shaped exactly as the official JS SDK ({@code @livechat/lc-sdk-js} 4.x) sends them, so
 * its interop with the emulator is guarded without node: version 3.4 hard-coded, Bearer token,
 * {@code X-Region}, {@code Content-Type: application/json} on every call, {@code User-Agent: JS SDK
 * Application <client id>}, GET with the payload both as axios query parameters and as a JSON body
 * for the property-listing methods, and its known bugs behaving as on the real service.
 */
class JsSdkInteropIT {
  private static final String CID = EmulatorConfig.SANDBOX_CLIENT_ID;

  /** One SDK call: the SDK's headers on POST (or GET with query + the same JSON as a body). */
  private static Reply sdk(
      TestClient c, String httpMethod, String action, String query, String json) {
    String url =
        c.base() + "/v3.4/configuration/action/" + action + (query.isEmpty() ? "" : "?" + query);
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .header("X-Region", "dal")
            .header("User-Agent", "JS SDK Application " + CID)
            .method(httpMethod, HttpRequest.BodyPublishers.ofString(json));
    return c.send(b);
  }

  private static JsonNode ok(Reply r) {
    assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
    return r.body();
  }

  @Test
  void propertyListingViaGetWithQueryAndBodyAndTheNamespacePrefixBug() throws Exception {
    try (Emulator e = Emulator.start(EmulatorConfig.defaults())) {
      TestClient c = new TestClient(e);
      long g =
          ok(sdk(
                  c,
                  "POST",
                  "create_group",
                  "",
                  "{\"name\":\"S\",\"agent_priorities\":{\""
                      + EmulatorConfig.SANDBOX_OWNER
                      + "\":\"normal\"}}"))
              .get("id")
              .asLong();
      ok(
          sdk(
              c,
              "POST",
              "register_property",
              "",
              "{\"name\":\"sdk_prop\",\"owner_client_id\":\""
                  + CID
                  + "\",\"type\":\"string\","
                  + "\"access\":{\"license\":{\"agent\":[\"read\",\"write\"]},"
                  + "\"group\":{\"agent\":[\"read\",\"write\"]}}}"));
      ok(
          sdk(
              c,
              "POST",
              "update_license_properties",
              "",
              "{\"properties\":{\"" + CID + "\":{\"sdk_prop\":\"v1\"}}}"));
      ok(
          sdk(
              c,
              "POST",
              "update_group_properties",
              "",
              "{\"group_id\":" + g + ",\"properties\":{\"" + CID + "\":{\"sdk_prop\":\"gv\"}}}"));

      // listLicenseProperties("zzz", "sdk"): axios puts the payload in the query AND the body.
      JsonNode license =
          ok(
              sdk(
                  c,
                  "GET",
                  "list_license_properties",
                  "namespace_prefix=zzz&name_prefix=sdk",
                  "{\"namespace_prefix\":\"zzz\",\"name_prefix\":\"sdk\"}"));
      // namespace_prefix is unknown to the service: ignored, so nothing is filtered out.
      assertThat(license.at("/" + CID + "/sdk_prop").asText()).isEqualTo("v1");
      // The documented spelling does filter.
      assertThat(
              ok(
                  sdk(
                      c,
                      "GET",
                      "list_license_properties",
                      "namespace=zzz",
                      "{\"namespace\":\"zzz\"}")))
          .isEmpty();
      assertThat(ok(sdk(c, "GET", "list_license_properties", "name_prefix=nomatch", "{}")))
          .isEmpty();

      // listGroupProperties(g, ns, "sdk"): the id arrives as a query string and is a number.
      JsonNode group =
          ok(
              sdk(
                  c,
                  "GET",
                  "list_group_properties",
                  "id=" + g + "&namespace_prefix=zzz&name_prefix=sdk",
                  "{\"id\":" + g + ",\"namespace_prefix\":\"zzz\",\"name_prefix\":\"sdk\"}"));
      assertThat(group.at("/" + CID + "/sdk_prop").asText()).isEqualTo("gv");
      // axios encodes spaces as '+', and keeps '[' ']' unescaped.
      assertThat(ok(sdk(c, "GET", "list_license_properties", "name_prefix=a+[b]", "{}"))).isEmpty();
    }
  }

  @Test
  void updateGroupCallsCreateGroupAndTheIdIsIgnored() throws Exception {
    try (Emulator e = Emulator.start(EmulatorConfig.defaults())) {
      TestClient c = new TestClient(e);
      String members = "{\"" + EmulatorConfig.SANDBOX_OWNER + "\":\"normal\"}";
      long g =
          ok(sdk(
                  c,
                  "POST",
                  "create_group",
                  "",
                  "{\"name\":\"Old\",\"agent_priorities\":" + members + "}"))
              .get("id")
              .asLong();
      // The SDK's updateGroup(g, "New", ...) posts to create_group: a second group appears.
      long created =
          ok(sdk(
                  c,
                  "POST",
                  "create_group",
                  "",
                  "{\"id\":"
                      + g
                      + ",\"name\":\"New\",\"agent_priorities\":"
                      + members
                      + ",\"language_code\":\"en\"}"))
              .get("id")
              .asLong();
      assertThat(created).isNotEqualTo(g);
      assertThat(ok(sdk(c, "POST", "get_group", "", "{\"id\":" + g + "}")).get("name").asText())
          .isEqualTo("Old");
    }
  }

  @Test
  void licenseWebhookStateWithTheClientIdBug() throws Exception {
    try (Emulator e = Emulator.start(EmulatorConfig.defaults())) {
      TestClient c = new TestClient(e);
      String buggy = "{\"client_id\":\"someone-else\"}";
      // With a Bearer token (all the SDK supports) the token's Client ID is the owner.
      ok(sdk(c, "POST", "enable_license_webhooks", "", buggy));
      assertThat(
              ok(sdk(c, "POST", "get_license_webhooks_state", "", buggy))
                  .get("license_webhooks_enabled")
                  .asBoolean())
          .isTrue();
      // With a PAT the unknown client_id does not stand in for owner_client_id.
      c.auth = TestClient.BASIC;
      Reply pat = sdk(c, "POST", "get_license_webhooks_state", "", buggy);
      assertThat(pat.errorType()).isEqualTo("validation");
      assertThat(pat.raw().body()).contains("owner_client_id");
    }
  }

  @Test
  void browserPreflightAndCorsHeaders() throws Exception {
    try (Emulator e = Emulator.start(EmulatorConfig.defaults())) {
      TestClient c = new TestClient(e);
      c.auth = null; // a preflight never carries credentials
      Reply pre =
          c.send(
              HttpRequest.newBuilder(
                      URI.create(c.base() + "/v3.4/configuration/action/list_agents"))
                  .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                  .header("Origin", "https://app.example.com")
                  .header("Access-Control-Request-Method", "POST")
                  .header("Access-Control-Request-Headers", "authorization,content-type,x-region"));
      assertThat(pre.status()).isEqualTo(204);
      var h = pre.raw().headers();
      assertThat(h.firstValue("Access-Control-Allow-Origin")).hasValue("*");
      assertThat(h.firstValue("Access-Control-Allow-Methods").orElse("")).contains("POST", "GET");
      assertThat(h.firstValue("Access-Control-Allow-Headers").orElse(""))
          .contains("authorization", "x-region");

      c.auth = TestClient.BEARER;
      Reply real =
          c.send(
              HttpRequest.newBuilder(
                      URI.create(c.base() + "/v3.4/configuration/action/list_agents"))
                  .header("Origin", "https://app.example.com")
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString("{\"filters\":{}}")));
      assertThat(real.status()).isEqualTo(200);
      assertThat(real.raw().headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
      assertThat(real.raw().headers().firstValue("Access-Control-Expose-Headers").orElse(""))
          .contains("Deprecation");
      // Errors are readable cross-origin too (the SDK throws the body's `error`).
      c.auth = "Bearer nope";
      Reply denied =
          c.send(
              HttpRequest.newBuilder(
                      URI.create(c.base() + "/v3.4/configuration/action/list_agents"))
                  .header("Origin", "https://app.example.com")
                  .POST(HttpRequest.BodyPublishers.ofString("{}")));
      assertThat(denied.errorType()).isEqualTo("authentication");
      assertThat(denied.raw().headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
      // Same-origin / server-side callers get no CORS headers.
      c.auth = TestClient.BEARER;
      assertThat(
              c.version("v3.4")
                  .call("list_agents", "{}")
                  .raw()
                  .headers()
                  .firstValue("Access-Control-Allow-Origin"))
          .isEmpty();
    }
  }

  @Test
  void licenseAndOrganizationLookUpsViaGet() throws Exception {
    try (Emulator e = Emulator.start(EmulatorConfig.defaults())) {
      TestClient c = new TestClient(e);
      JsonNode org =
          ok(
              sdk(
                  c,
                  "GET",
                  "get_organization_id",
                  "license_id=" + LicenseModule.LICENSE_ID,
                  "{\"license_id\":" + LicenseModule.LICENSE_ID + "}"));
      assertThat(org.get("organization_id").asText()).isEqualTo(LicenseModule.ORGANIZATION_ID);
      JsonNode license =
          ok(
              sdk(
                  c,
                  "GET",
                  "get_license_id",
                  "organization_id=" + LicenseModule.ORGANIZATION_ID,
                  "{}"));
      assertThat(license.get("license_id").asLong()).isEqualTo(LicenseModule.LICENSE_ID);
      Reply unknown = sdk(c, "GET", "get_organization_id", "license_id=42", "{}");
      assertThat(unknown.status()).isEqualTo(404);
      assertThat(unknown.errorType()).isEqualTo("not_found");
    }
  }
}
