package io.chatform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.DesiredState;
import io.chatform.model.Json;
import io.chatform.model.Kind;
import io.chatform.model.Policy;
import io.chatform.model.Resource;
import io.chatform.model.SourceLocation;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every printed line loses the secret values it holds, even ones no renderer knew about. */
class SecretMaskTest {
  static final String AGENT = "planted-agent-77ab@x.example";

  private static SecretMask mask() {
    ObjectNode agent = Json.object().put("id", AGENT).put("job_title", "Boss \"quoted\" title");
    agent.put("language", "en");
    Resource r =
        new Resource(
            Kind.AGENTS,
            agent,
            SourceLocation.NONE,
            Map.of(
                "/id", "${env:AGENT_ID}",
                "/job_title", "${file:title.txt}",
                "/language", "${env:LANG}"));
    SecretMask m = new SecretMask();
    m.addAll(new DesiredState(Policy.DEFAULT, Map.of(Kind.AGENTS, List.of(r)), "h"));
    return m;
  }

  @Test
  void valuesAreReplacedByTheirReferenceInTextAndInJson() {
    SecretMask m = mask();
    assertThat(m.apply("Error: Agent `" + AGENT + "` already exists; en"))
        .isEqualTo("Error: Agent `${env:AGENT_ID}` already exists; en");
    assertThat(m.apply(Json.object().put("t", "Boss \"quoted\" title").toString()))
        .isEqualTo("{\"t\":\"${file:title.txt}\"}");
    assertThat(m.apply("nothing secret here")).isEqualTo("nothing secret here");
  }

  @Test
  void theWriterMasksWholeLinesAndPartialOnesOnFlush() {
    StringWriter sink = new StringWriter();
    PrintWriter w = new PrintWriter(new MaskingWriter(sink, mask()), true);
    w.print("id: planted-agent-");
    assertThat(sink.toString()).isEmpty(); // held until the line is complete
    w.println("77ab@x.example done");
    w.print("prompt " + AGENT);
    w.flush();
    assertThat(sink.toString())
        .isEqualTo("id: ${env:AGENT_ID} done" + System.lineSeparator() + "prompt ${env:AGENT_ID}")
        .doesNotContain(AGENT);
  }
}
