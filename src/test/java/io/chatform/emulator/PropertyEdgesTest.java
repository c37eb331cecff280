package io.chatform.emulator;

import static io.chatform.emulator.KindsTestSupport.call;
import static io.chatform.emulator.KindsTestSupport.error;
import static io.chatform.emulator.KindsTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.chatform.model.ApiVersion;
import io.chatform.model.PredefinedNamespaces;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, properties: the {@code test} and predefined namespaces every license has, int32 values,
 * a user per access location, one-sided ranges — each as the public docs state it.
 */
class PropertyEdgesTest {
  private static final ApiVersion V = ApiVersion.V3_6;
  private final PropertiesModule module =
      new PropertiesModule(new KindsTestSupport.StubGroupsAccount(1));

  @Test
  void theTestNamespaceIsWritableEverywhereWithoutRegistering() {
    for (ApiVersion v : ApiVersion.values()) {
      call(
          module,
          v,
          "update_license_properties",
          "{'properties':{'test':{'bool_property':true,'int_property':1234,"
              + "'string_property':'Lorem','tokenized_string_property':'Lorem ipsum'}}}",
          "app");
    }
    call(
        module,
        V,
        "update_group_properties",
        "{'group_id':1,'properties':{'test':{'int_property':7}}}",
        "other-app");
    assertThat(call(module, V, "list_license_properties", "{'namespace':'test'}", "app"))
        .isEqualTo(
            json(
                "{'test':{'bool_property':true,'int_property':1234,'string_property':'Lorem',"
                    + "'tokenized_string_property':'Lorem ipsum'}}"));
    assertThat(call(module, V, "list_groups_properties", "{'group_ids':[1]}", "app").toString())
        .isEqualTo("[{\"id\":1,\"properties\":{\"test\":{\"int_property\":7}}}]");
    // Types still hold, and no property can be added to the namespace.
    assertThat(
            error(
                    module,
                    V,
                    "update_license_properties",
                    "{'properties':{'test':{'int_property':'x'}}}",
                    "app")
                .getMessage())
        .contains("properties.test.int_property must be of type int");
    assertThat(
            error(
                    module,
                    V,
                    "update_license_properties",
                    "{'properties':{'test':{'new_property':1}}}",
                    "app")
                .getMessage())
        .contains("predefined namespace");
    call(module, V, "delete_license_properties", "{'properties':{'test':['int_property']}}", "a");
    assertThat(call(module, V, "list_license_properties", "{'namespace':'test'}", "app"))
        .doesNotHaveToString("int_property");
    // They are nobody's registered definitions.
    assertThat(call(module, V, "list_properties", "{}", "app")).isEqualTo(json("{}"));
  }

  @Test
  void predefinedPublicNamespacesKeepTheirDocumentedAccess() {
    // core.transcript_emails: "rw for Agents in license".
    call(
        module,
        V,
        "update_license_properties",
        "{'properties':{'core':{'transcript_emails':'a@x.example'}}}",
        "app");
    // limits.*: "r for Agents in license" — readable, never writable or deletable.
    ApiError write =
        error(
            module,
            V,
            "update_license_properties",
            "{'properties':{'limits':{'agents.base':1}}}",
            "app");
    assertThat(write.type()).isEqualTo("authorization");
    assertThat(write.getMessage()).contains("limits.agents.base").contains("may not write");
    assertThat(
            error(
                    module,
                    V,
                    "delete_license_properties",
                    "{'properties':{'limits':['agents.base']}}",
                    "app")
                .type())
        .isEqualTo("authorization");
    // chats.queue.routing_priority lives at the group location only.
    call(
        module,
        V,
        "update_group_properties",
        "{'group_id':1,'properties':{'chats':{'queue.routing_priority':2}}}",
        "app");
    assertThat(
            error(
                    module,
                    V,
                    "update_license_properties",
                    "{'properties':{'chats':{'queue.routing_priority':2}}}",
                    "app")
                .getMessage())
        .contains("has no license location");
  }

  @Test
  void theEmulatorsNamespacesAreTheSharedDocumentedList() {
    assertThat(List.copyOf(PredefinedProperties.namespaces()))
        .containsExactlyInAnyOrderElementsOf(PredefinedNamespaces.ALL)
        .contains("test", "core", "chats", "limits");
  }

  @Test
  void intPropertiesAreInt32() {
    call(
        module,
        V,
        "register_property",
        "{'name':'n','type':'int','access':{'license':{'agent':['read','write']}}}",
        "app");
    call(module, V, "update_license_properties", "{'properties':{'app':{'n':2147483647}}}", "app");
    call(module, V, "update_license_properties", "{'properties':{'app':{'n':-2147483648}}}", "app");
    for (String tooBig : List.of("2147483648", "4294967296", "-2147483649")) {
      ApiError e =
          error(
              module,
              V,
              "update_license_properties",
              "{'properties':{'app':{'n':" + tooBig + "}}}",
              "app");
      assertThat(e.getMessage()).as(tooBig).contains("int32");
    }
    assertThat(
            error(
                    module,
                    V,
                    "update_license_properties",
                    "{'properties':{'test':{'int_property':4294967296}}}",
                    "app")
                .type())
        .isEqualTo("validation");
    assertThat(
            error(
                    module,
                    V,
                    "register_property",
                    "{'name':'m','type':'int','access':{'license':{'agent':['read']}},"
                        + "'default_value':4294967296}",
                    "app")
                .getMessage())
        .contains("default_value");
  }

  @Test
  void everyLocationNeedsAUser() {
    for (String location : List.of("chat", "thread", "event", "license", "group")) {
      ApiError e =
          error(
              module,
              V,
              "register_property",
              "{'name':'p','type':'bool','access':{'" + location + "':{}}}",
              "app");
      assertThat(e.type()).isEqualTo("validation");
      assertThat(e.getMessage()).contains("access." + location + " must name at least one user");
    }
  }

  @Test
  void rangeBoundsAreEachOptional() {
    call(
        module,
        V,
        "register_property",
        "{'name':'min','type':'int','access':{'license':{'agent':['read','write']}},"
            + "'range':{'from':5}}",
        "app");
    call(
        module,
        V,
        "register_property",
        "{'name':'max','type':'int','access':{'license':{'agent':['read','write']}},"
            + "'range':{'to':5},'default_value':-100}",
        "app");
    call(
        module,
        V,
        "update_license_properties",
        "{'properties':{'app':{'min':2000000000,'max':-2000000000}}}",
        "app");
    assertThat(
            error(module, V, "update_license_properties", "{'properties':{'app':{'min':4}}}", "app")
                .getMessage())
        .contains("outside the property's range 5..");
    assertThat(
            error(module, V, "update_license_properties", "{'properties':{'app':{'max':6}}}", "app")
                .getMessage())
        .contains("range ..5");
    assertThat(call(module, V, "list_properties", "{}", "app").path("min").path("range"))
        .isEqualTo(json("{'from':5}"));
  }
}
