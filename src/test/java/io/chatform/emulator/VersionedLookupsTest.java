package io.chatform.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: get_license_id/get_organization_id exist in 3.4 only (changelog v3.5: "removed"), and
 * list_bots with {@code all: false} lists only the requester's bots (list_bots, note 1).
 */
class VersionedLookupsTest {
  private final Api api = new Api();

  @Test
  void licenseLookUpsAreServedOn34Only() {
    api.v("3.4");
    assertThat(
            api.call("get_organization_id", "{'license_id':" + LicenseModule.LICENSE_ID + "}")
                .path("organization_id")
                .asText())
        .isEqualTo(LicenseModule.ORGANIZATION_ID);
    assertThat(
            api.call(
                    "get_license_id", "{'organization_id':'" + LicenseModule.ORGANIZATION_ID + "'}")
                .path("license_id")
                .asLong())
        .isEqualTo(LicenseModule.LICENSE_ID);
    for (String v : new String[] {"3.5", "3.6"}) {
      api.v(v);
      ApiError e =
          api.fails(
              "get_license_id",
              "{'organization_id':'" + LicenseModule.ORGANIZATION_ID + "'}",
              "not_found",
              "get_license_id");
      assertThat(e.status()).isEqualTo(404);
      api.fails(
          "get_organization_id",
          "{'license_id':" + LicenseModule.LICENSE_ID + "}",
          "not_found",
          "get_organization_id");
    }
  }

  @Test
  void listBotsWithoutAllListsOnlyTheRequestersBots() {
    String app = EmulatorConfig.SANDBOX_CLIENT_ID;
    api.clientId = Optional.empty(); // an agent with a PAT
    api.call("create_bot", "{'name':'ByPat','owner_client_id':'" + app + "'}");
    api.clientId = Optional.of(app); // the app's Bearer token
    api.call("create_bot", "{'name':'ByApp'}");
    api.clientId = Optional.of("another-app");
    api.call("create_bot", "{'name':'ByOther'}");

    api.clientId = Optional.of(app);
    assertThat(api.call("list_bots", "{}").findValuesAsText("name")).containsExactly("ByApp");
    assertThat(api.call("list_bots", "{'all':false}").findValuesAsText("name"))
        .containsExactly("ByApp");
    assertThat(api.call("list_bots", "{'all':true}").findValuesAsText("name"))
        .containsExactly("ByPat", "ByApp", "ByOther");
    // PAT callers see the bots created with PATs; owner_client_id is no list_bots parameter.
    api.clientId = Optional.empty();
    assertThat(api.call("list_bots", "{}").findValuesAsText("name")).containsExactly("ByPat");
    assertThat(api.call("list_bots", "{'owner_client_id':'another-app'}").findValuesAsText("name"))
        .containsExactly("ByPat");
    assertThat(api.call("list_bots", "{'all':true}")).hasSize(3);
    // The internal mark never shows.
    assertThat(api.call("list_bots", "{'all':true}").toString())
        .doesNotContain(BotsModule.CREATED_WITH_PAT);
  }
}
