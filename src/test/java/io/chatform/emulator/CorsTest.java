package io.chatform.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The cross-origin answers browsers need before and after the JS SDK's calls. */
class CorsTest {
  @Test
  void preflightIsOnlyForApiPathsAndEchoesRequestedHeaders() {
    assertThat(Cors.isPreflight("OPTIONS", "/v3.4/configuration/action/list_agents")).isTrue();
    assertThat(Cors.isPreflight("OPTIONS", "/__emulator/state")).isFalse();
    assertThat(Cors.isPreflight("POST", "/v3.4/configuration/action/list_agents")).isFalse();
    var echoed = Cors.preflight(Optional.of(" authorization,content-type,x-region "));
    assertThat(echoed.get("Access-Control-Allow-Headers"))
        .isEqualTo("authorization,content-type,x-region");
    assertThat(echoed.get("Access-Control-Allow-Origin")).isEqualTo("*");
    assertThat(echoed.get("Access-Control-Allow-Methods")).contains("GET", "POST");
    assertThat(Cors.preflight(Optional.empty()).get("Access-Control-Allow-Headers"))
        .contains("Authorization", "X-Region", "Content-Type");
  }

  @Test
  void actualAnswersCarryCorsHeadersOnlyForCrossOriginRequests() {
    assertThat(Cors.actual(Optional.empty())).isEmpty();
    var h = Cors.actual(Optional.of("https://app.example.com"));
    assertThat(h.get("Access-Control-Allow-Origin")).isEqualTo("*");
    assertThat(h.get("Access-Control-Expose-Headers")).contains("Retry-After", "Deprecation");
  }
}
