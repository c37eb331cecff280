package io.chatform.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatform.model.Json;
import io.chatform.model.Kind;
import io.chatform.model.Policy;
import io.chatform.model.Resource;
import io.chatform.model.SourceLocation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A group whose name came from {@code ${env:…}}: plans show the reference, still match the live
 * group by its value, link dependents to it, and policy globs match either form.
 */
class SecretIdentityPlanTest {
  static final String NAME = "Planted-Group-0b9e";

  private static Resource group(String lang) {
    return new Resource(
        Kind.GROUPS,
        Fixtures.json("{'name':'" + NAME + "','language_code':'" + lang + "'}"),
        new SourceLocation("m.yaml", 3, 5),
        Map.of("/name", "${env:G}"));
  }

  private static Resource agent() {
    return new Resource(
        Kind.AGENTS,
        Fixtures.json("{'id':'a@x.example','groups':[{'group':'" + NAME + "'}]}"),
        new SourceLocation("m.yaml", 5, 5),
        Map.of("/groups/0/group", "${env:G}"));
  }

  @Test
  void aNewSecretGroupIsCreatedFirstAndShownByItsReference() throws Exception {
    var d = new Fixtures.Desired().section(Kind.GROUPS, group("en")).section(Kind.AGENTS, agent());
    Plan p = Fixtures.plan(d.build(), Fixtures.liveState());
    assertThat(p.actions())
        .extracting(Action::id)
        .containsExactly("groups/${env:G}#create", "agents/a@x.example#create");
    assertThat(p.actions().get(1).dependsOn()).containsExactly("groups/${env:G}#create");
    String all =
        new TextRenderer(false).render(p)
            + new MarkdownRenderer().render(p)
            + Json.MAPPER.writeValueAsString(PlanJson.write(p));
    assertThat(all).doesNotContain(NAME);
  }

  @Test
  void theLiveGroupIsMatchedByValueAndProtectedByEitherForm() throws Exception {
    var live =
        Fixtures.liveState(
            Fixtures.live(Kind.GROUPS, "7", "{'name':'" + NAME + "','language_code':'en'}"));
    Plan update =
        Fixtures.plan(new Fixtures.Desired().section(Kind.GROUPS, group("fr")).build(), live);
    Action a = Fixtures.only(update);
    assertThat(a.id()).isEqualTo("groups/${env:G}#update");
    assertThat(update.fingerprints()).containsOnlyKeys("groups/${env:G}");
    assertThat(Json.MAPPER.writeValueAsString(PlanJson.write(update))).doesNotContain(NAME);
    for (String glob : List.of("groups/${env:G}", "groups/" + NAME)) {
      var protectedOne =
          new Fixtures.Desired()
              .section(Kind.GROUPS, group("fr"))
              .policy(new Policy(true, List.of(glob), List.of()))
              .build();
      Plan p = Fixtures.plan(protectedOne, live);
      assertThat(p.actions()).as(glob).isEmpty();
      assertThat(p.notices())
          .as(glob)
          .extracting(Notice::address)
          .containsExactly("groups/${env:G}");
    }
  }
}
