package io.chatform.emulator;

import static io.chatform.emulator.KindsTestSupport.call;
import static io.chatform.emulator.KindsTestSupport.callWithPat;
import static io.chatform.emulator.KindsTestSupport.error;
import static io.chatform.emulator.KindsTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatform.model.ApiVersion;
import org.junit.jupiter.api.Test;

/** Property definitions: registration rules, ownership, publishing. Values: PropertyValuesTest. */
class PropertiesModuleTest {
  private static final ApiVersion V = ApiVersion.V3_6;
  private static final String LICENSE_RW = "'access':{'license':{'agent':['read','write']}}";
  private final PropertiesModule module =
      new PropertiesModule(new KindsTestSupport.StubGroupsAccount(1));

  private void register(String body, String owner) {
    assertThat(call(module, V, "register_property", body, owner)).isEqualTo(json("{}"));
  }

  private ApiError registerError(String body) {
    return error(module, V, "register_property", body, "app");
  }

  @Test
  void registeredPropertyIsListedForItsOwnerOnly() {
    register(
        "{'name':'tier','type':'string','description':'Plan tier',"
            + "'access':{'license':{'agent':['write','read']},'chat':{'customer':['read']}},"
            + "'domain':['gold','silver'],'default_value':'silver'}",
        "app");
    JsonNode listed = call(module, V, "list_properties", "{}", "app");
    JsonNode tier = listed.path("tier");
    assertThat(tier.path("type").asText()).isEqualTo("string");
    assertThat(tier.path("description").asText()).isEqualTo("Plan tier");
    // Documented shape: keyed by name, no name/owner_client_id inside.
    assertThat(tier.has("owner_client_id")).isFalse();
    assertThat(tier.has("name")).isFalse();
    assertThat(tier.path("access"))
        .isEqualTo(json("{'license':{'agent':['read','write']},'chat':{'customer':['read']}}"));
    assertThat(tier.path("domain")).isEqualTo(json("{'d':['gold','silver']}").get("d"));
    assertThat(tier.path("default_value").asText()).isEqualTo("silver");
    assertThat(tier.has("public_access")).isFalse();
    assertThat(call(module, V, "list_properties", "{}", "other")).isEqualTo(json("{}"));
    // description is always listed, "" when none was registered.
    register("{'name':'bare','type':'bool','access':{'chat':{'agent':['read']}}}", "app");
    assertThat(call(module, V, "list_properties", "{}", "app").path("bare"))
        .isEqualTo(json("{'type':'bool','description':'','access':{'chat':{'agent':['read']}}}"));
  }

  @Test
  void ownerComesFromOwnerClientIdWithAPat() {
    callWithPat(
        module,
        V,
        "register_property",
        "{'name':'p','type':'bool','owner_client_id':'pat-app'," + LICENSE_RW + "}");
    assertThat(call(module, V, "list_properties", "{}", "pat-app").has("p")).isTrue();
    ApiError e =
        catchThrowableOfType(
            ApiError.class,
            () ->
                callWithPat(
                    module,
                    V,
                    "register_property",
                    "{'name':'q','type':'bool'," + LICENSE_RW + "}"));
    assertThat(e.type()).isEqualTo("validation");
    assertThat(e.getMessage()).contains("owner_client_id");
  }

  @Test
  void sameNameTwiceForOneOwnerIsAlreadyExistsButAnotherOwnerMayUseIt() {
    String body = "{'name':'p','type':'int'," + LICENSE_RW + "}";
    register(body, "app");
    ApiError e = registerError(body);
    assertThat(e.type()).isEqualTo("already_exists");
    assertThat(e.getMessage()).contains("p");
    register(body, "other");
  }

  @Test
  void registrationValidationNamesTheField() {
    assertValidation("{'type':'int'," + LICENSE_RW + "}", "name is required");
    assertValidation("{'name':'p'," + LICENSE_RW + "}", "type is required");
    assertValidation("{'name':'p','type':'float'," + LICENSE_RW + "}", "type must be one of");
    assertValidation("{'name':'p','type':'int'}", "access is required");
    assertValidation(
        "{'name':'p','type':'int','access':{}}", "access must name at least one location");
    assertValidation(
        "{'name':'p','type':'int','access':{'agent':{}}}", "access.agent is not a location");
    assertValidation(
        "{'name':'p','type':'int','access':{'chat':{'bot':['read']}}}", "access.chat.bot");
    assertValidation(
        "{'name':'p','type':'int','access':{'chat':{'agent':['delete']}}}", "access.chat.agent[0]");
    assertValidation(
        "{'name':'p','type':'int'," + LICENSE_RW + ",'domain':[1],'range':{'from':0,'to':3}}",
        "mutually exclusive");
    assertValidation(
        "{'name':'p','type':'int'," + LICENSE_RW + ",'domain':[1,'two']}", "domain[1]");
    assertValidation("{'name':'p','type':'int'," + LICENSE_RW + ",'domain':[]}", "domain");
    assertValidation(
        "{'name':'p','type':'string'," + LICENSE_RW + ",'range':{'from':0,'to':3}}",
        "range is only allowed for type int");
    assertValidation(
        "{'name':'p','type':'int'," + LICENSE_RW + ",'range':{'from':5,'to':3}}", "range.from");
    // Issue 13: range.from/range.to are each optional (a one-sided range registers, see
    // PropertyEdgesTest); a bound must be an int32, and a location needs at least one user.
    assertValidation(
        "{'name':'p','type':'int'," + LICENSE_RW + ",'range':{'from':2147483648}}",
        "range.from must be an int32");
    assertValidation(
        "{'name':'p','type':'int','access':{'license':{}}}", "access.license must name at least");
    assertValidation(
        "{'name':'p','type':'int','access':{'chat':{'agent':['read']}},'default_value':1}",
        "default_value is only allowed");
    assertValidation(
        "{'name':'p','type':'int'," + LICENSE_RW + ",'default_value':'1'}",
        "default_value must be of type int");
    assertValidation(
        "{'name':'p','type':'int'," + LICENSE_RW + ",'range':{'from':0,'to':3},'default_value':4}",
        "default_value");
    assertValidation(
        "{'name':'p','type':'string'," + LICENSE_RW + ",'domain':['a'],'default_value':'b'}",
        "not in the property's domain");
    assertThat(call(module, V, "list_properties", "{}", "app")).isEqualTo(json("{}"));
  }

  @Test
  void defaultValueIsAcceptedForAGroupLocationWithinRange() {
    register(
        "{'name':'p','type':'int','access':{'group':{'agent':['read']}},'range':{'from':0,'to':3},'default_value':3}",
        "app");
    assertThat(call(module, V, "list_properties", "{}", "app").path("p").path("range"))
        .isEqualTo(json("{'from':0,'to':3}"));
  }

  private void assertValidation(String body, String messagePart) {
    ApiError e = registerError(body);
    assertThat(e.type()).as(body).isEqualTo("validation");
    assertThat(e.getMessage()).as(body).contains(messagePart);
  }

  @Test
  void publishingIsIrreversibleAndBlocksUnregistering() {
    register("{'name':'p','type':'int'," + LICENSE_RW + "}", "app");
    call(module, V, "publish_property", "{'name':'p','access_type':['read']}", "app");
    call(module, V, "publish_property", "{'name':'p','access_type':['write']}", "app");
    JsonNode p = call(module, V, "list_properties", "{}", "app").path("p");
    assertThat(p.path("public_access")).isEqualTo(json("{'a':['read','write']}").get("a"));
    ApiError e = error(module, V, "unregister_property", "{'name':'p'}", "app");
    assertThat(e.type()).isEqualTo("validation");
    assertThat(e.getMessage()).contains("published").contains("never be unregistered");
    assertThat(call(module, V, "list_properties", "{}", "app").has("p")).isTrue();
  }

  @Test
  void publishValidatesAccessTypeAndName() {
    register("{'name':'p','type':'int'," + LICENSE_RW + "}", "app");
    assertThat(
            error(module, V, "publish_property", "{'name':'p','access_type':[]}", "app")
                .getMessage())
        .contains("access_type");
    assertThat(
            error(module, V, "publish_property", "{'name':'p','access_type':['own']}", "app")
                .getMessage())
        .contains("access_type[0]");
    assertThat(error(module, V, "publish_property", "{'name':'p'}", "app").getMessage())
        .contains("access_type is required");
    assertThat(
            error(module, V, "publish_property", "{'name':'q','access_type':['read']}", "app")
                .type())
        .isEqualTo("not_found");
    assertThat(
            error(module, V, "publish_property", "{'name':'p','access_type':['read']}", "other")
                .type())
        .isEqualTo("not_found");
  }

  @Test
  void unregisterRemovesTheDefinitionAndOnlyTheOwnerCanDoIt() {
    register("{'name':'p','type':'int'," + LICENSE_RW + "}", "app");
    assertThat(error(module, V, "unregister_property", "{'name':'p'}", "other").type())
        .isEqualTo("not_found");
    call(module, V, "unregister_property", "{'name':'p'}", "app");
    assertThat(call(module, V, "list_properties", "{}", "app")).isEqualTo(json("{}"));
    assertThat(error(module, V, "unregister_property", "{'name':'p'}", "app").type())
        .isEqualTo("not_found");
    register("{'name':'p','type':'string'," + LICENSE_RW + "}", "app");
  }

  @Test
  void thereIsNoUpdateMethod() {
    assertThat(module.methods()).doesNotContainKeys("update_property", "update_properties");
  }
}
