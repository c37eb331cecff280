package io.chatform.kinds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.Json;
import io.chatform.model.Kind;
import org.junit.jupiter.api.Test;

/**
 * Shaping and normalising the 3.7 preview kinds: a canned response's first tag is its key, tags
 * compare as a set with the key among them, privacy defaults to false, runtime data is dropped;
 * allowed domains match ignoring case and export as plain strings.
 */
class CannedResponseKindTest {
  private static ObjectNode json(String text) throws Exception {
    return (ObjectNode) Json.MAPPER.readTree(text.replace('\'', '"'));
  }

  private final ResourceKind canned = Kinds.of(Kind.CANNED_RESPONSES);

  @Test
  void shapeNamesTheGroupTakesTheFirstTagAsKeyAndDropsRuntimeData() throws Exception {
    Names names = new Names();
    names.group(3, "Sales");
    LiveObject o =
        CannedResponseKind.shape(
            json(
                "{'id':12,'text':'Hi','tags':['hello','greeting'],'group_id':3,'is_private':true,"
                    + "'author_id':'a@x.io','created_at':'2025-10-17T08:16:45Z'}"),
            names);
    assertThat(o.liveId()).isEqualTo("12");
    assertThat(o.address()).isEqualTo("canned_responses/Sales/hello");
    assertThat(o.spec())
        .isEqualTo(
            json(
                "{'group':'Sales','key':'hello','tags':['hello','greeting'],'text':'Hi',"
                    + "'is_private':true}"));
  }

  @Test
  void aManifestKeyIsSentFirstAndTagsCompareAsASet() throws Exception {
    ObjectNode desired = json("{'group':'Sales','key':'hello','tags':['greeting'],'text':'Hi'}");
    assertThat(CannedResponseKind.tags(desired)).containsExactly("hello", "greeting");
    ObjectNode live =
        json(
            "{'group':'Sales','key':'hello','tags':['hello','greeting'],'text':'Hi',"
                + "'is_private':false}");
    assertThat(canned.normalize(desired)).isEqualTo(canned.normalize(live));
    assertThat(canned.normalize(desired).get("is_private").asBoolean()).isFalse();
    assertThat(desired.has("is_private")).as("the input is not modified").isFalse();
    ObjectNode changed = live.deepCopy().put("text", "Hello");
    assertThat(canned.normalize(changed)).isNotEqualTo(canned.normalize(desired));
  }

  @Test
  void exportLeavesOutTheKeyAndAPublicResponsesPrivacy() throws Exception {
    ObjectNode live =
        json(
            "{'group':'Sales','key':'hello','tags':['hello','greeting'],'text':'Hi',"
                + "'is_private':false}");
    assertThat(canned.exportForm(live))
        .isEqualTo(json("{'group':'Sales','tags':['hello','greeting'],'text':'Hi'}"));
  }

  @Test
  void domainsMatchIgnoringCaseAndExportAsStrings() throws Exception {
    ResourceKind domains = Kinds.of(Kind.ALLOWED_DOMAINS);
    assertThat(domains.key(json("{'domain':'Shop.Example'}")))
        .isEqualTo(domains.key(json("{'domain':'shop.example'}")));
    assertThat(domains).isNotInstanceOf(Updater.class);
    ObjectNode doc = Json.object();
    domains.export(doc, java.util.List.of(AllowedDomainKind.shape("a.example")));
    assertThat(doc).isEqualTo(json("{'allowed_domains':['a.example']}"));
  }

  @Test
  void fillsInGroupAndKeyOwnsPrivacyAndProbesByGroupIdAndFirstTag() throws Exception {
    ObjectNode spec = json("{'tags':['refund','money'],'text':'Sorry'}");
    canned.fillIn(spec);
    assertThat(spec.path("group").asText()).isEqualTo("General");
    assertThat(spec.path("key").asText()).isEqualTo("refund");
    ObjectNode keyed = json("{'group':'Sales','key':'hi','tags':['a'],'text':'x'}");
    canned.fillIn(keyed);
    assertThat(keyed.path("group").asText()).isEqualTo("Sales");
    assertThat(keyed.path("key").asText()).isEqualTo("hi");
    assertThat(Kinds.rules(Kind.CANNED_RESPONSES).ownedFields(io.chatform.model.ApiVersion.V3_7))
        .containsOnlyKeys("is_private")
        .containsEntry("is_private", com.fasterxml.jackson.databind.node.BooleanNode.FALSE);
    assertThat(CannedResponseKind.cannedKey(json("{'group_id':3,'tags':['hi','x']}")))
        .isEqualTo("3/hi");
    assertThat(CannedResponseKind.CREATE.probe().orElseThrow().search(json("{'group_id':3}")))
        .as("without a first tag the create is sent at most once")
        .isEmpty();
    assertThat(
            CannedResponseKind.CREATE
                .probe()
                .orElseThrow()
                .search(json("{'group_id':3,'tags':['hi']}"))
                .orElseThrow()
                .match()
                .test(json("{'id':9,'group_id':3,'tags':['hi','other']}")))
        .isTrue();
  }
}
