package io.chatform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which --api-url values may carry the credentials, decided before any connection. */
class ApiUrlsTest {
  private static final Credentials PAT = new Credentials.Pat("acc", Secret.of("pat-XYZ-123456"));

  private static String url(String u) {
    return ClientConfig.builder(PAT).apiUrl(u).build().apiUrl();
  }

  @Test
  void plainHttpOnlyToLoopback() {
    for (String ok :
        List.of(
            "http://127.0.0.1:8080",
            "http://127.1.2.3:1/",
            "http://localhost:9",
            "http://LOCALHOST",
            "http://[::1]:8080",
            "https://api.livechatinc.com",
            "https://10.0.0.7:8443")) {
      assertThat(url(ok)).as(ok).doesNotEndWith("/");
    }
    for (String bad :
        List.of(
            "http://api.livechatinc.com",
            "http://10.0.0.7:8080",
            "http://localhost.evil.example",
            "http://127.0.0.1.nip.io",
            "http://128.0.0.1",
            "http://[::2]",
            "http://0.0.0.0:8080")) {
      assertThatThrownBy(() -> url(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("--api-url")
          .hasMessageContaining("plain http:// is allowed only to this machine")
          .hasMessageContaining("use https://");
    }
  }

  @Test
  void malformedHostsAreRefusedToo() {
    assertThatThrownBy(() -> url("http://127.0.0.999")).hasMessageContaining("--api-url");
  }

  @Test
  void userInfoIsRefusedWithoutEchoingIt() {
    for (String bad :
        List.of(
            "https://user:hunter2secret@api.livechatinc.com",
            "https://hunter2secret@api.livechatinc.com",
            "http://u:hunter2secret@127.0.0.1:8080")) {
      assertThatThrownBy(() -> url(bad))
          .as(bad)
          .hasMessageContaining("must not carry credentials")
          .hasMessageContaining("(sensitive)@")
          .hasMessageNotContaining("hunter2secret");
    }
    assertThatThrownBy(() -> url("ftp://u:hunter2secret@x"))
        .hasMessageContaining("is not an http(s) URL")
        .hasMessageNotContaining("hunter2secret");
  }

  @Test
  void redactorMasksUserInfoInAnyText() {
    Redactor r = new Redactor();
    assertThat(r.redact("redirect to https://bob:s3cr3t-pw@evil.example/x"))
        .isEqualTo("redirect to https://(sensitive)@evil.example/x");
  }
}
