package io.chatform.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chatform.model.UserFacingException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The non-timing parts of the JS SDK yardstick: what it checks, writes and runs. */
class JsSdkBaselineTest {
  @TempDir Path work;

  @Test
  void refusesADirectoryWithoutTheInstalledSdk() throws Exception {
    Files.writeString(work.resolve("sequential-apply.js"), "");
    assertThatThrownBy(() -> new JsSdkBaseline(work, 20, work))
        .isInstanceOf(UserFacingException.class)
        .hasMessageContaining("npm ci");
  }

  @Test
  void bothSidesGetTheSameAccountAndTheSameTlsEmulator() throws Exception {
    Path sdk = work.resolve("sdk");
    Files.createDirectories(sdk.resolve("node_modules/@livechat/lc-sdk-js"));
    Files.writeString(sdk.resolve("sequential-apply.js"), "");
    try (JsSdkBaseline b = new JsSdkBaseline(sdk, 20, work)) {
      JsonNode json = new ObjectMapper().readTree(work.resolve("medium-3.4.json").toFile());
      int objects =
          json.get("groups").size()
              + json.get("agents").size()
              + json.get("auto_access").size()
              + json.get("webhooks").size();
      assertThat(objects).isEqualTo(b.objects()).isEqualTo(220);
      ProcessBench.Workload apply = b.chatformApply();
      assertThat(apply.objects()).isEqualTo(220);
      String url = apply.args().get(apply.args().indexOf("--api-url") + 1);
      String host = b.nodeEnv().get("CHATFORM_BENCH_API");
      assertThat(url).isEqualTo("https://" + host);
      assertThat(apply.args()).contains("--ca-cert", b.nodeEnv().get("NODE_EXTRA_CA_CERTS"));
      assertThat(Path.of(b.nodeEnv().get("NODE_EXTRA_CA_CERTS"))).content().contains("CERTIFICATE");
      assertThat(b.nodeCommand())
          .containsExactly(
              "node",
              sdk.resolve("sequential-apply.js").toString(),
              work.resolve("medium-3.4.json").toString());
      apply.before().run(); // empties the account; must not throw
    }
  }
}
