package io.chatform.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatform.model.ApiVersion;
import io.chatform.model.DesiredState;
import io.chatform.plan.ActionType;
import io.chatform.plan.Plan;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replacing a property definition loses its values; the same apply must set them again. */
class PropertyReplaceIT {
  private static final String NOTE =
      "written again: replacing the property definition deletes its values";

  @TempDir Path tmp;

  static final String BASE =
      """
      version: 1
      groups:
        - {name: Support}
      properties:
        - owner_client_id: CID
          name: tier
          type: string
          access: {license: {agent: [read, write]}, group: {agent: [read]}}
          description: DESC
      license_properties:
        CID: {tier: gold}
      group_properties:
        Support: {CID: {tier: silver}}
      """
          .replace("CID", Harness.CLIENT_ID);

  @Test
  void unchangedValuesOfAReplacedDefinitionAreWrittenAgain() {
    try (Harness h = Harness.start(ApiVersion.V3_6, tmp)) {
      h.apply(h.yaml(BASE.replace("DESC", "before")));
      DesiredState changed = h.yaml(BASE.replace("DESC", "after"));
      Plan p = h.plan(changed).plan();
      assertThat(p.count(ActionType.REPLACE)).isEqualTo(1);
      assertThat(p.actions().stream().filter(a -> a.type() == ActionType.UPDATE))
          .extracting(a -> a.address() + " " + a.notes())
          .containsExactlyInAnyOrder(
              "license_properties/" + Harness.CLIENT_ID + "/tier [" + NOTE + "]",
              "group_properties/Support/" + Harness.CLIENT_ID + "/tier [" + NOTE + "]");
      h.apply(changed);
      h.assertConverged(changed);
      var values = h.state().path("properties").path("values");
      assertThat(values.path("license").path(Harness.CLIENT_ID).path("tier").asText())
          .isEqualTo("gold");
      assertThat(values.path("groups").findValuesAsText("tier")).containsExactly("silver");
    }
  }
}
