package io.chatform.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.chatform.model.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The --json output keeps its documented contract, schemas/plan.schema.json. */
class PlanSchemaTest {
  private static Schema schema() throws Exception {
    JsonNode schemaNode = Json.MAPPER.readTree(Path.of("schemas/plan.schema.json").toFile());
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(schemaNode);
  }

  @Test
  void routingOrderReasonsAndWarningsAreDocumented() throws Exception {
    Schema schema = schema();
    for (Plan p : new Plan[] {ReadablePlanTest.ruleReorder(), ReadablePlanTest.replaceReason()}) {
      assertThat(schema.validate(PlanJson.write(p))).isEmpty();
    }
    com.fasterxml.jackson.databind.node.ObjectNode plan =
        PlanJson.write(ReadablePlanTest.ruleReorder());
    assertThat(plan.path("routing_order")).hasSize(5);
    ((com.fasterxml.jackson.databind.node.ObjectNode) plan.path("routing_order").get(0))
        .put("status", "shuffled");
    assertThat(schema.validate(plan)).isNotEmpty();
  }

  @Test
  void planJsonMatchesTheSchema() throws Exception {
    Schema schema = schema();
    JsonNode plan = PlanJson.write(RenderersTest.samplePlan());
    assertThat(schema.validate(plan)).isEmpty();
    ((com.fasterxml.jackson.databind.node.ObjectNode) plan).remove("actions");
    assertThat(schema.validate(plan)).isNotEmpty();
  }
}
