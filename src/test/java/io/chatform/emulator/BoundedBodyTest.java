package io.chatform.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** A huge upload is refused after reading at most the limit, never buffered whole. */
class BoundedBodyTest {
  @Test
  void atTheLimitIsReadWhole() throws Exception {
    byte[] b = new byte[100];
    assertThat(Emulator.readBounded(new ByteArrayInputStream(b), 100))
        .hasValueSatisfying(r -> assertThat(r).hasSize(100));
    assertThat(Emulator.readBounded(new ByteArrayInputStream(new byte[0]), 100))
        .hasValueSatisfying(r -> assertThat(r).isEmpty());
  }

  @Test
  void aboveTheLimitIsEmptyAndStopsReading() throws Exception {
    // An endless stream: the read must stop just past the limit.
    InputStream endless =
        new InputStream() {
          long served;

          @Override
          public int read() {
            served++;
            return 'a';
          }
        };
    assertThat(Emulator.readBounded(endless, Emulator.MAX_BODY_BYTES)).isEmpty();
  }
}
