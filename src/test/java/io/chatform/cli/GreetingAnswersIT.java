package io.chatform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * list_greetings answers from a server that cannot be trusted: the reader follows next_page_id to
 * the end, but refuses a page id it was given before (an endless loop) and a greeting whose group
 * is not an integer id (it must never be read as General), naming the method.
 */
class GreetingAnswersIT {
  @TempDir Path tmp;

  private static final String MANIFEST =
      "version: 1\ngreetings:\n  - name: Hi\n    group: General\n    rules:\n"
          + "      - {condition: and, type: geolocation, operator: equals, value: PL}\n";

  private static final String GREETING =
      "{\"id\":%d,\"name\":\"g%d\",\"group\":%s,\"type\":\"normal\",\"active\":true,\"rules\":[]}";

  private Hostile.Run plan(Map<String, HostileServer.Answer> answers) throws Exception {
    Hostile h = new Hostile(tmp);
    Path m = h.write("m.yaml", MANIFEST);
    try (HostileServer server = new HostileServer(answers)) {
      return h.run("plan", "-f", m.toString(), "--api-url", server.url(), "--no-color");
    }
  }

  @Test
  void aPageIdGivenTwiceIsRefusedNotLoopedOn() throws Exception {
    String page =
        "{\"greetings\":["
            + String.format(GREETING, 1, 1, "0")
            + "],\"found_greetings\":9,\"next_page_id\":\"same\"}";
    Hostile.Run r = plan(Map.of("list_greetings", new HostileServer.Json(page)));
    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.ERROR);
    assertThat(r.all())
        .contains("unexpected answer from the API to list_greetings")
        .contains("a new next_page_id on every page");
  }

  @Test
  void aGroupThatIsNotAnIntegerIdIsRefused() throws Exception {
    for (String group : List.of("\"0\"", "null", "1.5")) {
      String page = "{\"greetings\":[" + String.format(GREETING, 1, 1, group) + "]}";
      Hostile.Run r = plan(Map.of("list_greetings", new HostileServer.Json(page)));
      assertThat(r.code()).as(group + ": " + r).isEqualTo(ExitCodes.ERROR);
      assertThat(r.all()).contains("list_greetings").contains("integer group id");
    }
  }
}
