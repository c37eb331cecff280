package io.chatform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Option mistakes of {@code chatform emulator} are one clear line and exit 1, before binding. */
class EmulatorCommandTest {
  private record Run(int code, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(code, err.toString());
  }

  @Test
  void keystoreWithoutTlsIsRefused() {
    Run r = run("emulator", "--port", "0", "--tls-keystore", "k.p12", "--tls-password", "x");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("need --tls").doesNotContain("\tat ");
    assertThat(r.err().strip().lines()).hasSize(1);
  }

  @Test
  void missingSeedIsOneLine() {
    Run r = run("emulator", "--port", "0", "--seed", "/nonexistent/seed.json");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("/nonexistent/seed.json").contains("does not exist");
    assertThat(r.err().strip().lines()).hasSize(1);
  }

  @Test
  void nanProbabilitiesAreRefusedBeforeBinding() {
    for (String flag : new String[] {"--fail-rate", "--reset-after-write-rate"}) {
      Run r = run("emulator", "--port", "0", flag, "NaN");
      assertThat(r.code()).as(flag).isEqualTo(1);
      assertThat(r.err()).contains("between 0 and 1").doesNotContain("\tat ");
    }
  }
}
