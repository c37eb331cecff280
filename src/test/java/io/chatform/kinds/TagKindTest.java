package io.chatform.kinds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.Json;
import io.chatform.model.Kind;
import org.junit.jupiter.api.Test;

/** Shaping and normalising tags: runtime data dropped, group ids named, groups as a set. */
class TagKindTest {
  private static ObjectNode json(String text) throws Exception {
    return (ObjectNode) Json.MAPPER.readTree(text.replace('\'', '"'));
  }

  @Test
  void shapeNamesGroupsAndDropsAuthorAndCreationTime() throws Exception {
    Names names = new Names();
    names.group(3, "Sales");
    LiveObject o =
        TagKind.shape(
            json(
                "{'name':'vip','group_ids':[3,9],'author_id':'a@x.io',"
                    + "'created_at':'2026-01-01T00:00:00Z'}"),
            names);
    assertThat(o.liveId()).isEqualTo("vip");
    assertThat(o.address()).isEqualTo("tags/vip");
    assertThat(o.spec()).isEqualTo(json("{'name':'vip','groups':['Sales','#9']}"));
  }

  @Test
  void normalisingSortsGroupsWithoutTouchingTheInput() throws Exception {
    ResourceKind k = Kinds.of(Kind.TAGS);
    ObjectNode spec = json("{'name':'vip','groups':['b','a']}");
    assertThat(k.normalize(spec)).isEqualTo(json("{'name':'vip','groups':['a','b']}"));
    assertThat(spec.get("groups").get(0).asText()).isEqualTo("b");
  }

  @Test
  void createMatchesNamesIgnoringCaseButTheKeyDoesNot() throws Exception {
    ResourceKind k = Kinds.of(Kind.TAGS);
    assertThat(k.createKey(json("{'name':'Billing'}")))
        .isEqualTo(k.createKey(json("{'name':'billing'}")));
    assertThat(k.key(json("{'name':'Billing'}"))).isNotEqualTo(k.key(json("{'name':'billing'}")));
    ResourceKind groups = Kinds.of(Kind.GROUPS);
    assertThat(groups.createKey(json("{'name':'Sales'}")))
        .isNotEqualTo(groups.createKey(json("{'name':'sales'}")));
  }

  @Test
  void tagsAreUpdatedInPlaceDeletedAndNameGroups() {
    ResourceKind k = Kinds.of(Kind.TAGS);
    assertThat(k).isInstanceOf(Updater.class).isInstanceOf(Deleter.class);
    assertThat(k.replaces("groups")).isFalse();
    assertThat(k.references()).singleElement().extracting(r -> r.section()).isEqualTo("groups");
  }
}
