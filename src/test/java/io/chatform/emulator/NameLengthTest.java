package io.chatform.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Issue 13: "Maximum: 180 characters" (group name) and "Maximum: 500 characters" (webhook url)
 * count Unicode code points, so 180 emoji (360 UTF-16 units) are a valid group name.
 */
class NameLengthTest {
  private static final String EMOJI = "\uD83D\uDE00"; // U+1F600, two UTF-16 units
  private final Api api = new Api();

  @Test
  void groupNamesCountCodePoints() {
    String name = EMOJI.repeat(180);
    assertThat(name.length()).isEqualTo(360);
    long id =
        api.call("create_group", "{'name':'" + name + "','agent_priorities':{}}")
            .path("id")
            .asLong();
    assertThat(api.call("get_group", "{'id':" + id + "}").path("name").asText()).isEqualTo(name);
    ApiError e =
        api.fails("update_group", "{'id':" + id + ",'name':'" + name + "x'}", "validation", "181");
    assertThat(e.getMessage()).contains("maximum is 180");
    api.fails(
        "create_group",
        "{'name':'" + "é".repeat(181) + "','agent_priorities':{}}",
        "validation",
        "181 characters");
  }

  @Test
  void webhookUrlsCountCodePoints() {
    String base = "https://h.example/";
    String url = base + EMOJI.repeat(500 - base.length());
    String body =
        "{'action':'incoming_chat','secret_key':'k','type':'license','url':'" + url + "'}";
    api.call("register_webhook", body);
    api.fails("register_webhook", body.replace(url, url + "x"), "validation", "501 characters");
  }
}
