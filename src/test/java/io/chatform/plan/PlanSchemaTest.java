package io.chatform.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.chatform.kinds.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The --json output keeps its documented contract, schemas/plan.schema.json. */
class PlanSchemaTest {
  @Test
  void planJsonMatchesTheSchema() throws Exception {
    JsonNode schemaNode = Json.MAPPER.readTree(Path.of("schemas/plan.schema.json").toFile());
    Schema schema =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schemaNode);
    JsonNode plan = PlanJson.write(RenderersTest.samplePlan());
    assertThat(schema.validate(plan)).isEmpty();
    ((com.fasterxml.jackson.databind.node.ObjectNode) plan).remove("actions");
    assertThat(schema.validate(plan)).isNotEmpty();
  }
}
