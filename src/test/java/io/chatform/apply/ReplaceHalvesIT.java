package io.chatform.apply;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.kinds.LiveReader;
import io.chatform.kinds.Names;
import io.chatform.kinds.WebhookKind;
import io.chatform.kinds.WriteContext;
import io.chatform.model.ApiVersion;
import io.chatform.model.Json;
import io.chatform.model.Kind;
import io.chatform.plan.Action;
import io.chatform.plan.Plan;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A replace whose create is refused says that the old object is already gone, and is not done. */
class ReplaceHalvesIT {
  @TempDir Path tmp;

  private static ObjectNode hook(String type) {
    return Json.object()
        .put("owner_client_id", Harness.CLIENT_ID)
        .put("type", type)
        .put("action", "incoming_chat")
        .put("url", "https://h.example/x")
        .put("secret_key", Harness.SECRET);
  }

  @Test
  void aRefusedCreateAfterTheDeleteSaysTheOldOneIsAlreadyDeleted() {
    try (Harness h = Harness.start(ApiVersion.V3_6, tmp)) {
      String old = WebhookKind.registerWebhook(h.client, hook("license"));
      Action replace =
          new Action.Replace(
              new Action.Head(
                  "webhooks/x#replace",
                  Kind.WEBHOOKS,
                  "webhooks/x",
                  List.of(),
                  false,
                  Map.of(),
                  List.of()),
              // the API refuses this type: the create half fails
              new Action.Write(old, hook("bogus"), hook("license"), List.of()),
              Action.Reason.CANNOT_UPDATE,
              Optional.empty());
      Plan plan =
          new Plan(Plan.FORMAT_VERSION, h.target(), "h", List.of(replace), Map.of(), List.of());
      WriteContext ctx =
          WriteContext.of(
              h.client,
              new LiveReader.Snapshot(
                  new io.chatform.kinds.LiveState(Map.of(), Optional.empty()), new Names()));
      ApplyReport report =
          new Executor(new ClientRunner(ctx), 2, false, Progress.NONE, () -> false).execute(plan);
      ActionResult r = report.results().get(0);
      assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
      assertThat(r.errorType()).contains("validation");
      assertThat(r.message().orElseThrow())
          .contains("the old one (id " + old + ") is already deleted")
          .contains("the new one was not created");
      assertThat(h.items("webhooks", "webhooks")).isEmpty();
      assertThat(report.text()).doesNotContain("converges without duplicates");
    }
  }
}
