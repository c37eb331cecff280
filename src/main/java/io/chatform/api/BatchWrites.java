package io.chatform.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.Kind;
import java.util.List;

/**
 * Logs the creates and deletes of one batch call item by item, as the single calls do, under the
 * kind the caller names.
 */
final class BatchWrites {
  private BatchWrites() {}

  private static boolean creates(String method) {
    return method.startsWith("batch_create_");
  }

  /** Before the call: one "started" per create item. */
  static void started(WriteLog writes, Kind kind, String method, List<ObjectNode> requests) {
    if (creates(method)) {
      requests.forEach(r -> writes.started(kind, kind.identity(r)));
    }
  }

  static void record(
      WriteLog writes,
      Kind kind,
      String method,
      List<ObjectNode> requests,
      List<BatchResult> results) {
    boolean create = creates(method);
    if (!create && !method.startsWith("batch_delete_")) {
      return;
    }
    for (int i = 0; i < results.size() && i < requests.size(); i++) {
      ObjectNode req = requests.get(i);
      BatchResult r = results.get(i);
      if (r instanceof BatchResult.Success ok) {
        // The id the answer gives (bots), else the one the request carried (agents: the e-mail).
        String answered = ok.result().path("id").asText("");
        String id = answered.isEmpty() ? req.path("id").asText() : answered;
        if (id.isEmpty()) {
          continue;
        }
        if (create) {
          writes.created(kind, id, kind.identity(req));
        } else {
          writes.deleted(kind, id, "");
        }
      } else if (create && r instanceof BatchResult.Failure f) {
        if (f.error().outcomeUnknown()) {
          writes.createUnknown(kind, kind.identity(req));
        } else {
          writes.notCreated(kind, kind.identity(req));
        }
      }
    }
  }
}
