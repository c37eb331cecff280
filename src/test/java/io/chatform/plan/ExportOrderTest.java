package io.chatform.plan;

import static io.chatform.plan.Fixtures.live;
import static io.chatform.plan.Fixtures.liveState;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatform.kinds.Exporter;
import io.chatform.model.Kind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An export lists each section sorted by identity, except auto access rules (their order counts).
 */
class ExportOrderTest {
  private static List<String> texts(JsonNode list, String field) {
    List<String> out = new ArrayList<>();
    list.forEach(o -> out.add(o.path(field).asText()));
    return out;
  }

  @Test
  void sectionsAreSortedByIdentityWhateverTheOrderTheApiListedThemIn() {
    var live =
        liveState(
            live(Kind.AGENTS, "zed@x.example", "{'id':'zed@x.example','name':'Zed'}"),
            live(Kind.AGENTS, "ann@x.example", "{'id':'ann@x.example','name':'Ann'}"),
            live(Kind.AGENTS, "max@x.example", "{'id':'max@x.example','name':'Max'}"),
            live(Kind.GROUPS, "2", "{'name':'Support','language_code':'en'}"),
            live(Kind.GROUPS, "1", "{'name':'Billing','language_code':'en'}"),
            live(Kind.AUTO_ACCESS, "r1", "{'description':'second by name, first in order'}"),
            live(Kind.AUTO_ACCESS, "r2", "{'description':'a rule listed after it'}"));
    JsonNode doc = Exporter.document(live);
    assertThat(texts(doc.path("agents"), "id"))
        .containsExactly("ann@x.example", "max@x.example", "zed@x.example");
    assertThat(texts(doc.path("groups"), "name")).containsExactly("Billing", "Support");
    assertThat(texts(doc.path("auto_access"), "description"))
        .containsExactly("second by name, first in order", "a rule listed after it");
  }
}
