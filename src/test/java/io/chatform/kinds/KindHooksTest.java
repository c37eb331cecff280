package io.chatform.kinds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import io.chatform.model.Kind;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Facts and hooks that shared code reads instead of naming kinds. */
class KindHooksTest {
  @Test
  void routingKindsAndTheirRoles() {
    assertThat(Kinds.routing())
        .isEqualTo(EnumSet.of(Kind.GROUPS, Kind.AGENTS, Kind.BOTS, Kind.AUTO_ACCESS));
    assertThat(Kinds.routing(Routing.RULE)).isEqualTo(Kind.AUTO_ACCESS);
    assertThat(Kinds.routing(Routing.GROUP)).isEqualTo(Kind.GROUPS);
    assertThat(Kinds.routing(Routing.AGENT)).isEqualTo(Kind.AGENTS);
    assertThat(Kinds.routing(Routing.BOT)).isEqualTo(Kind.BOTS);
  }

  @Test
  void onlyBotsNameTheApps() {
    assertThat(Kinds.all().stream().filter(ResourceKind::namesApps).map(ResourceKind::kind))
        .containsExactly(Kind.BOTS);
  }

  @Test
  void mapShapedSections() {
    assertThat(Kinds.all().stream().filter(k -> k.mapForm().isPresent()).map(k -> k.kind()))
        .containsExactlyInAnyOrder(
            Kind.LICENSE_PROPERTIES, Kind.GROUP_PROPERTIES, Kind.LICENSE_WEBHOOKS);
    Kind.MapForm webhooks = Kinds.of(Kind.LICENSE_WEBHOOKS).mapForm().orElseThrow();
    assertThat(webhooks.valueField()).isEqualTo("enabled");
    assertThat(webhooks.value().apply(TextNode.valueOf("disabled")).orElseThrow().asBoolean())
        .isFalse();
    assertThat(webhooks.value().apply(TextNode.valueOf("on"))).isEmpty();
  }

  @Test
  void duplicatesDifferingOnlyInCaseAreWordedByTheKind() {
    Optional<ManifestCheck.Wording> tag =
        Kinds.of(Kind.TAGS).duplicate("Vip", "vip", "a.yaml:3:5", true);
    assertThat(tag.orElseThrow().message())
        .isEqualTo(
            "tag 'Vip' is the same tag as 'vip' (declared at a.yaml:3:5): LiveChat matches tag"
                + " names ignoring letter case");
    assertThat(Kinds.of(Kind.TAGS).duplicate("vip", "vip", "a.yaml:3:5", false)).isEmpty();
    assertThat(Kinds.of(Kind.GROUPS).duplicate("Sales", "Sales", "a.yaml:1:3", false)).isEmpty();
  }
}
