package io.chatform.apply;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatform.model.ApiVersion;
import io.chatform.model.DesiredState;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bot's work schedule removed from its manifest: create_bot/update_bot require {@code
 * work_scheduler.timezone} (the emulator refuses an empty one for bots, as the docs read), so the
 * clear keeps the bot's time zone with no slots, and the next plan sees no change.
 */
class BotScheduleIT {
  @TempDir Path tmp;

  private static String bot(String schedule) {
    return "version: 1\nbots:\n  - {name: B, owner_client_id: "
        + Harness.CLIENT_ID
        + schedule
        + "}\n";
  }

  @Test
  void aClearedScheduleKeepsTheTimezoneAndConverges() {
    try (Harness h = Harness.start(ApiVersion.V3_6, tmp)) {
      DesiredState scheduled =
          h.yaml(
              bot(
                  ", work_scheduler: {timezone: Europe/Warsaw, schedule: [{day: monday, start:"
                      + " '09:00', end: '17:00'}]}"));
      h.apply(scheduled);
      h.assertConverged(scheduled);

      DesiredState none = h.yaml(bot(""));
      h.apply(none);
      h.assertConverged(none);
      JsonNode ws = h.item("bots", "bots", "name", "B").path("work_scheduler");
      assertThat(ws.path("schedule")).isEmpty();
      assertThat(ws.path("timezone").asText()).isEqualTo("Europe/Warsaw");
    }
  }
}
