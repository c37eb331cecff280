package io.chatform.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatform.api.ClientConfig;
import io.chatform.model.ApiVersion;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class TargetOptionsTest {
  @Command(name = "t")
  static final class Cmd {
    @Mixin TargetOptions target;
  }

  private static final Map<String, String> ENV = Map.of("LIVECHAT_ACCESS_TOKEN", "tok");

  private static TargetOptions parse(String... args) {
    Cmd cmd = new Cmd();
    new CommandLine(cmd).parseArgs(args);
    return cmd.target;
  }

  @Test
  void defaults() {
    ClientConfig c = parse().toClientConfig(ENV, new PrintWriter(new StringWriter()));
    assertThat(c.apiUrl()).isEqualTo("https://api.livechatinc.com");
    assertThat(c.version()).isEqualTo(ApiVersion.V3_6);
    assertThat(c.region()).isEmpty();
    assertThat(c.caCert()).isEmpty();
    assertThat(c.parallelism()).isEqualTo(8);
    assertThat(c.maxRps()).isEqualTo(250);
    assertThat(c.startRps()).isEqualTo(50);
    assertThat(c.batchSize()).isEqualTo(50);
    assertThat(c.debug()).isFalse();
  }

  @Test
  void everyOption() {
    StringWriter out = new StringWriter();
    ClientConfig c =
        parse(
                "--api-url",
                "http://127.0.0.1:8080/",
                "--api-version",
                "3.5",
                "--region",
                "dal",
                "--max-rps",
                "7.5",
                "--parallelism",
                "2",
                "--batch-size",
                "10",
                "--debug")
            .toClientConfig(ENV, new PrintWriter(out));
    assertThat(c.apiUrl()).isEqualTo("http://127.0.0.1:8080");
    assertThat(c.version()).isEqualTo(ApiVersion.V3_5);
    assertThat(c.region()).contains("dal");
    assertThat(c.maxRps()).isEqualTo(7.5);
    assertThat(c.startRps()).isEqualTo(7.5);
    assertThat(c.parallelism()).isEqualTo(2);
    assertThat(c.batchSize()).isEqualTo(10);
    assertThat(c.debug()).isTrue();
    c.debugSink().accept("hello");
    assertThat(out.toString()).contains("debug: hello");
  }

  @Test
  void badInputBecomesOneUserFacingLine() {
    assertThatThrownBy(
            () ->
                parse("--api-version", "3.4")
                    .toClientConfig(ENV, new PrintWriter(new StringWriter())))
        .isInstanceOf(UserException.class)
        .hasMessage("--api-version 3.4 is not supported; use 3.6 (stable) or 3.5");
    assertThatThrownBy(() -> parse().toClientConfig(Map.of(), new PrintWriter(new StringWriter())))
        .isInstanceOf(UserException.class)
        .hasMessageContaining("LIVECHAT_ACCESS_TOKEN");
    assertThatThrownBy(
            () ->
                parse("--ca-cert", "/no/such.pem")
                    .toClientConfig(ENV, new PrintWriter(new StringWriter())))
        .isInstanceOf(UserException.class)
        .hasMessageContaining("--ca-cert /no/such.pem");
  }

  @Test
  void transportLimitsHaveDocumentedDefaultsAndAreSettable() {
    ClientConfig d = parse().toClientConfig(ENV, new PrintWriter(new StringWriter()));
    assertThat(d.callTimeout()).isEqualTo(java.time.Duration.ofSeconds(60));
    assertThat(d.maxAnswerBytes()).isEqualTo(64L << 20);
    ClientConfig c =
        parse("--call-timeout", "2.5", "--max-answer-mib", "200", "--consistency-wait", "0")
            .toClientConfig(ENV, new PrintWriter(new StringWriter()));
    assertThat(c.callTimeout()).isEqualTo(java.time.Duration.ofMillis(2500));
    assertThat(c.maxAnswerBytes()).isEqualTo(200L << 20);
    assertThat(c.consistencyWait()).isZero();
  }

  @Test
  void meaninglessNumbersAreOneUsageLine() {
    for (String[] bad :
        new String[][] {
          {"--consistency-wait", "NaN"},
          {"--consistency-wait", "-0.5"},
          {"--call-timeout", "Infinity"},
          {"--call-timeout", "0"},
          {"--call-timeout", "1e9"},
          {"--max-answer-mib", "-1"},
          {"--max-rps", "NaN"},
          {"--parallelism", "0"},
          {"--batch-size", "0"}
        }) {
      assertThatThrownBy(() -> parse(bad).toClientConfig(ENV, new PrintWriter(new StringWriter())))
          .as(String.join(" ", bad))
          .isInstanceOf(UserException.class)
          .hasMessageStartingWith(bad[0])
          .hasMessageNotContaining("\n");
    }
  }
}
