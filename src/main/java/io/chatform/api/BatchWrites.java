package io.chatform.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.Kind;
import java.util.List;

/** Logs the creates and deletes of one batch call item by item, as the single calls do. */
final class BatchWrites {
  private BatchWrites() {}

  /** Before the call: one "started" per create item. */
  static void started(WriteLog writes, String method, List<ObjectNode> requests) {
    if (method.equals("batch_create_bots") || method.equals("batch_create_agents")) {
      Kind kind = method.endsWith("_bots") ? Kind.BOTS : Kind.AGENTS;
      requests.forEach(r -> writes.started(kind, kind.identity(r)));
    }
  }

  static void record(
      WriteLog writes, String method, List<ObjectNode> requests, List<BatchResult> results) {
    Kind kind = method.endsWith("_bots") ? Kind.BOTS : Kind.AGENTS;
    boolean create = method.startsWith("batch_create_");
    boolean delete = method.startsWith("batch_delete_");
    if (!(create || delete) || !(method.endsWith("_bots") || method.endsWith("_agents"))) {
      return;
    }
    for (int i = 0; i < results.size() && i < requests.size(); i++) {
      ObjectNode req = requests.get(i);
      BatchResult r = results.get(i);
      if (r instanceof BatchResult.Success ok) {
        String id =
            kind == Kind.AGENTS || ok.result().path("id").asText("").isEmpty()
                ? req.path("id").asText()
                : ok.result().path("id").asText();
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
