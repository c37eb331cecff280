package io.chatform.emulator;

import static io.chatform.emulator.KindsTestSupport.call;
import static io.chatform.emulator.KindsTestSupport.error;
import static io.chatform.emulator.KindsTestSupport.json;
import static io.chatform.emulator.KindsTestSupport.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;

import io.chatform.model.ApiVersion;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** License and group property values: checks against definitions, filters, versions. */
class PropertyValuesTest {
  private static final ApiVersion V36 = ApiVersion.V3_6;
  private static final ApiVersion V34 = ApiVersion.V3_4;
  private final KindsTestSupport.StubGroupsAccount account =
      new KindsTestSupport.StubGroupsAccount(1, 2);
  private final PropertiesModule module = new PropertiesModule(account);

  @BeforeEach
  void registerDefinitions() {
    call(
        module,
        V36,
        "register_property",
        "{'name':'tier','type':'string','access':{'license':{'agent':['read','write']},'group':{'agent':['read']}},'domain':['gold','silver']}",
        "app");
    call(
        module,
        V36,
        "register_property",
        "{'name':'seats','type':'int','access':{'license':{'agent':['read','write']}},'range':{'from':1,'to':10}}",
        "app");
    call(
        module,
        V36,
        "register_property",
        "{'name':'vip','type':'bool','access':{'group':{'agent':['read','write']}}}",
        "app");
    call(
        module,
        V36,
        "register_property",
        "{'name':'topic','type':'string','access':{'chat':{'agent':['read','write']}}}",
        "app");
    call(
        module,
        V36,
        "register_property",
        "{'name':'team','type':'tokenized_string','access':{'license':{'agent':['read']}}}",
        "other");
  }

  private void updateLicense(String properties) {
    call(module, V36, "update_license_properties", "{'properties':" + properties + "}", "app");
  }

  @Test
  void licenseValuesMergeAndListWithFilters() {
    updateLicense("{'app':{'tier':'gold'}}");
    updateLicense("{'app':{'seats':3},'other':{'team':'blue red'}}");
    assertThat(call(module, V36, "list_license_properties", "{}", "app"))
        .isEqualTo(json("{'app':{'seats':3,'tier':'gold'},'other':{'team':'blue red'}}"));
    assertThat(
            call(
                module,
                V36,
                "list_license_properties",
                "{'namespace':'app','name_prefix':'ti'}",
                "app"))
        .isEqualTo(json("{'app':{'tier':'gold'}}"));
    updateLicense("{'app':{'tier':'silver'}}");
    assertThat(
            call(module, V36, "list_license_properties", "{'namespace':'app'}", "app")
                .path("app")
                .path("tier")
                .asText())
        .isEqualTo("silver");
  }

  @Test
  void unknownFilterSpellingsAreIgnoredLikeTheRealService() {
    updateLicense("{'app':{'tier':'gold'},'other':{'team':'x'}}");
    // The JS SDK sends namespace_prefix: the service does not know it, so nothing is filtered.
    assertThat(call(module, V36, "list_license_properties", "{'namespace_prefix':'app'}", "app"))
        .isEqualTo(json("{'app':{'tier':'gold'},'other':{'team':'x'}}"));
  }

  @Test
  void valuesAreCheckedAgainstTypeDomainRangeLocationAndNamespace() {
    assertValueError("{'app':{'tier':'bronze'}}", "properties.app.tier", "domain");
    assertValueError("{'app':{'tier':5}}", "properties.app.tier", "type string");
    assertValueError("{'app':{'seats':11}}", "properties.app.seats", "range 1..10");
    assertValueError("{'app':{'seats':'3'}}", "properties.app.seats", "type int");
    assertValueError("{'app':{'seats':2.5}}", "properties.app.seats", "type int");
    assertValueError("{'app':{'vip':true}}", "properties.app.vip", "no license location");
    assertValueError("{'app':{'topic':'x'}}", "properties.app.topic", "no license location");
    assertValueError(
        "{'nobody':{'tier':'gold'}}",
        "properties.nobody.tier",
        "no property tier is registered by Client ID nobody");
    assertValueError("{'app':{'team':'x'}}", "properties.app.team", "Client ID app");
    assertValueError("{'app':'gold'}", "properties.app", "must be an object");
    // All or nothing: a bad value anywhere stores none of the request.
    assertValueError("{'app':{'seats':2,'tier':'bronze'}}", "properties.app.tier", "domain");
    assertThat(call(module, V36, "list_license_properties", "{}", "app")).isEqualTo(json("{}"));
  }

  private void assertValueError(String properties, String path, String messagePart) {
    ApiError e =
        error(module, V36, "update_license_properties", "{'properties':" + properties + "}", "app");
    assertThat(e.type()).as(properties).isEqualTo("validation");
    assertThat(e.getMessage()).as(properties).contains(path).contains(messagePart);
  }

  @Test
  void deleteLicensePropertiesRemovesNamesAndToleratesUnsetOnes() {
    updateLicense("{'app':{'tier':'gold','seats':2}}");
    call(
        module,
        V36,
        "delete_license_properties",
        "{'properties':{'app':['tier','never_set']}}",
        "app");
    assertThat(call(module, V36, "list_license_properties", "{}", "app"))
        .isEqualTo(json("{'app':{'seats':2}}"));
    assertThat(
            error(module, V36, "delete_license_properties", "{'properties':{'app':'tier'}}", "app")
                .getMessage())
        .contains("properties.app");
  }

  @Test
  void groupValuesNeedAGroupLocationAndAnExistingGroup() {
    call(
        module,
        V36,
        "update_group_properties",
        "{'group_id':1,'properties':{'app':{'vip':true,'tier':'gold'}}}",
        "app");
    ApiError missing =
        error(
            module,
            V36,
            "update_group_properties",
            "{'group_id':9,'properties':{'app':{'vip':true}}}",
            "app");
    assertThat(missing.type()).isEqualTo("group_not_found");
    assertThat(missing.getMessage()).contains("group_id");
    ApiError location =
        error(
            module,
            V36,
            "update_group_properties",
            "{'group_id':1,'properties':{'app':{'seats':2}}}",
            "app");
    assertThat(location.getMessage())
        .contains("properties.app.seats")
        .contains("no group location");
    assertThat(
            error(module, V36, "update_group_properties", "{'properties':{}}", "app").getMessage())
        .contains("group_id is required");
  }

  @Test
  void listGroupsPropertiesIsFor35AndLaterAndEmptyIdsMeanAllGroups() {
    call(
        module,
        V36,
        "update_group_properties",
        "{'group_id':2,'properties':{'app':{'vip':true}}}",
        "app");
    call(
        module,
        V36,
        "update_group_properties",
        "{'group_id':1,'properties':{'app':{'tier':'gold','vip':false}}}",
        "app");
    assertThat(call(module, V36, "list_groups_properties", "{'group_ids':[]}", "app"))
        .isEqualTo(
            json("{'a':[{'id':1,'properties':{'app':{'tier':'gold','vip':false}}},{'id':2,'properties':{'app':{'vip':true}}}]}")
                .get("a"));
    assertThat(
            call(
                module,
                ApiVersion.V3_5,
                "list_groups_properties",
                "{'group_ids':[0,1],'name_prefix':'ti'}",
                "app"))
        .isEqualTo(
            json("{'a':[{'id':0,'properties':{}},{'id':1,'properties':{'app':{'tier':'gold'}}}]}")
                .get("a"));
    assertThat(error(module, V36, "list_groups_properties", "{}", "app").getMessage())
        .contains("group_ids is required");
    assertThat(error(module, V36, "list_groups_properties", "{'group_ids':[5]}", "app").type())
        .isEqualTo("group_not_found");
    ApiError old = error(module, V34, "list_groups_properties", "{'group_ids':[]}", "app");
    assertThat(old.type()).isEqualTo("not_found");
    assertThat(old.getMessage()).contains("list_groups_properties").contains("3.4");
    // A deleted group no longer shows up among "all groups".
    account.groups.remove(2L);
    assertThat(call(module, V36, "list_groups_properties", "{'group_ids':[]}", "app")).hasSize(1);
  }

  @Test
  void listGroupPropertiesIsFor34OnlyAndAcceptsQueryStringIds() {
    call(
        module,
        V34,
        "update_group_properties",
        "{'group_id':1,'properties':{'app':{'vip':true,'tier':'gold'}}}",
        "app");
    assertThat(
            call(
                module,
                V34,
                "list_group_properties",
                "{'id':1,'namespace':'app','name_prefix':'v'}",
                "app"))
        .isEqualTo(json("{'app':{'vip':true}}"));
    assertThat(
            call(
                module, V34, "list_group_properties", "{'id':'1','namespace_prefix':'zzz'}", "app"))
        .isEqualTo(json("{'app':{'tier':'gold','vip':true}}"));
    assertThat(error(module, ApiVersion.V3_5, "list_group_properties", "{'id':1}", "app").type())
        .isEqualTo("not_found");
    assertThat(error(module, V34, "list_group_properties", "{'id':'one'}", "app").getMessage())
        .contains("id must be an integer");
    call(module, V34, "delete_group_properties", "{'id':1,'properties':{'app':['vip']}}", "app");
    assertThat(call(module, V34, "list_group_properties", "{'id':1}", "app"))
        .isEqualTo(json("{'app':{'tier':'gold'}}"));
    assertThat(
            error(
                    module,
                    V34,
                    "delete_group_properties",
                    "{'id':4,'properties':{'app':['vip']}}",
                    "app")
                .type())
        .isEqualTo("group_not_found");
  }

  @Test
  void unregisteringDropsTheValuesEverywhere() {
    updateLicense("{'app':{'tier':'gold','seats':4}}");
    call(
        module,
        V36,
        "update_group_properties",
        "{'group_id':1,'properties':{'app':{'tier':'gold'}}}",
        "app");
    call(module, V36, "unregister_property", "{'name':'tier'}", "app");
    assertThat(call(module, V36, "list_license_properties", "{}", "app"))
        .isEqualTo(json("{'app':{'seats':4}}"));
    assertThat(
            call(module, V36, "list_groups_properties", "{'group_ids':[1]}", "app")
                .get(0)
                .path("properties"))
        .isEqualTo(json("{}"));
  }

  @Test
  void stateRoundTripKeepsDefinitionsPublishingAndValues() {
    call(module, V36, "publish_property", "{'name':'seats','access_type':['read']}", "app");
    updateLicense("{'app':{'seats':4}}");
    call(
        module,
        V36,
        "update_group_properties",
        "{'group_id':2,'properties':{'app':{'vip':true}}}",
        "app");
    PropertiesModule fresh = new PropertiesModule(account);
    roundTrip(module, fresh);
    for (String owner : new String[] {"app", "other"}) {
      assertThat(call(fresh, V36, "list_properties", "{}", owner))
          .isEqualTo(call(module, V36, "list_properties", "{}", owner));
    }
    assertThat(call(fresh, V36, "list_license_properties", "{}", "app"))
        .isEqualTo(json("{'app':{'seats':4}}"));
    assertThat(call(fresh, V36, "list_groups_properties", "{'group_ids':[]}", "app"))
        .isEqualTo(call(module, V36, "list_groups_properties", "{'group_ids':[]}", "app"));
    assertThat(error(fresh, V36, "unregister_property", "{'name':'seats'}", "app").getMessage())
        .contains("published");
    assertThat(
            error(
                    fresh,
                    V36,
                    "update_license_properties",
                    "{'properties':{'app':{'seats':40}}}",
                    "app")
                .getMessage())
        .contains("range");
    fresh.reset();
    assertThat(call(fresh, V36, "list_properties", "{}", "app")).isEqualTo(json("{}"));
  }

  @Test
  void listingsShowDefaultValuesUntilAValueIsSet() {
    PropertiesModule module = new PropertiesModule(account, true);
    call(
        module,
        V36,
        "register_property",
        "{'name':'plan','type':'string','access':{'license':{'agent':['read']},'group':{'agent':['read']}},'default_value':'basic'}",
        "app");
    // Documented: properties without an explicit value list their default value.
    assertThat(call(module, V36, "list_license_properties", "{'namespace':'app'}", "app"))
        .isEqualTo(json("{'app':{'plan':'basic'}}"));
    assertThat(call(module, V36, "list_license_properties", "{'namespace':'other'}", "app"))
        .isEqualTo(json("{}"));
    assertThat(call(module, V36, "list_license_properties", "{'name_prefix':'ti'}", "app"))
        .isEqualTo(json("{}"));
    call(module, V36, "update_license_properties", "{'properties':{'app':{'plan':'pro'}}}", "app");
    assertThat(call(module, V36, "list_license_properties", "{}", "app"))
        .isEqualTo(json("{'app':{'plan':'pro'}}"));
    call(module, V36, "delete_license_properties", "{'properties':{'app':['plan']}}", "app");
    assertThat(call(module, V36, "list_license_properties", "{}", "app"))
        .isEqualTo(json("{'app':{'plan':'basic'}}"));
    // Groups: each group without its own value shows the default; [] means every group.
    call(
        module,
        V36,
        "update_group_properties",
        "{'group_id':1,'properties':{'app':{'plan':'gold'}}}",
        "app");
    assertThat(call(module, V36, "list_groups_properties", "{'group_ids':[]}", "app"))
        .isEqualTo(
            json("{'a':[{'id':0,'properties':{'app':{'plan':'basic'}}},{'id':1,'properties':{'app':{'plan':'gold'}}},{'id':2,'properties':{'app':{'plan':'basic'}}}]}")
                .get("a"));
    assertThat(call(module, V34, "list_group_properties", "{'id':2}", "app"))
        .isEqualTo(json("{'app':{'plan':'basic'}}"));
  }

  @Test
  void defaultValuesAreListedOnlyWhenSwitchedOn() {
    PropertiesModule quiet = new PropertiesModule(account, false);
    call(
        quiet,
        V36,
        "register_property",
        "{'name':'plan','type':'string','access':{'license':{'agent':['read']}},'default_value':'basic'}",
        "app");
    assertThat(call(quiet, V36, "list_license_properties", "{}", "app")).isEqualTo(json("{}"));
  }
}
