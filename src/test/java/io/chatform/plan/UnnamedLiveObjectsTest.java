package io.chatform.plan;

import static io.chatform.plan.Fixtures.live;
import static io.chatform.plan.Fixtures.liveState;
import static io.chatform.plan.Fixtures.plan;
import static io.chatform.plan.Fixtures.res;
import static org.assertj.core.api.Assertions.assertThat;

import io.chatform.kinds.Exporter;
import io.chatform.model.Kind;
import org.junit.jupiter.api.Test;

/**
 * A live auto access rule without a description (optional to add_auto_access) has no identity a
 * manifest can name: plans never delete it (with a notice), exports leave it out and say so.
 */
class UnnamedLiveObjectsTest {
  private static final String RULE =
      "{%s'groups':['S'],'conditions':{'url':{'values':[{'value':'/a','exact_match':true}]}}}";

  @Test
  void aRuleWithoutADescriptionIsNeverDeletedAndNeverExported() {
    var l =
        liveState(
            live(Kind.AUTO_ACCESS, "r1", String.format(RULE, "'description':'kept',")),
            live(Kind.AUTO_ACCESS, "r2", String.format(RULE, "")));
    var d =
        new Fixtures.Desired()
            .section(
                Kind.AUTO_ACCESS,
                res(Kind.AUTO_ACCESS, String.format(RULE, "'description':'kept',")))
            .build();
    Plan p = plan(d, l);
    assertThat(p.actions()).isEmpty();
    assertThat(p.notices())
        .singleElement()
        .asString()
        .contains("not deleted: a rule without a description cannot be named in a manifest");

    var doc = Exporter.document(l);
    assertThat(doc.path("auto_access")).hasSize(1);
    assertThat(doc.at("/auto_access/0/description").asText()).isEqualTo("kept");
    assertThat(Exporter.unnamed(l)).containsExactly("auto_access (id r2)");
  }
}
