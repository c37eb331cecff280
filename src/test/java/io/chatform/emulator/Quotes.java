package io.chatform.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** Test bodies written with single quotes, e.g. {@code j("{'name':'x'}")}, for readability. */
final class Quotes {
  private Quotes() {}

  static String j(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }

  /** Each body (single-quoted) answers 400 {@code validation}. */
  static void eachRefused(TestClient c, String method, List<String> bodies) {
    for (String bad : bodies) {
      TestClient.Reply r = c.call(method, j(bad));
      assertThat(r.status()).as(bad).isEqualTo(400);
      assertThat(r.errorType()).as(bad).isEqualTo("validation");
    }
  }

  /** Each method, on each of {@code versions} ("v3.4"), answers 404 "not available in" it. */
  static void notIn(Emulator e, List<String> versions, List<String> methods, String body) {
    for (String v : versions) {
      TestClient old = new TestClient(e).version(v);
      for (String m : methods) {
        TestClient.Reply r = old.call(m, body);
        assertThat(r.status()).as(v + " " + m).isEqualTo(404);
        assertThat(r.errorType()).isEqualTo("not_found");
        assertThat(r.body().at("/error/message").asText()).contains("not available in " + v);
      }
    }
  }

  /** Each method answers {@code status} with error {@code type} to {@code body}. */
  static void eachAnswers(
      TestClient c, List<String> methods, String body, int status, String type) {
    for (String m : methods) {
      TestClient.Reply r = c.call(m, body);
      assertThat(r.status()).as(m).isEqualTo(status);
      assertThat(r.errorType()).as(m).isEqualTo(type);
    }
  }
}
