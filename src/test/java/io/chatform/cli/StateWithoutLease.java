package io.chatform.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.Json;
import io.chatform.model.LeaseNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An emulator state file as configuration, without the account lock's lease records: apply writes
 * its lease (docs/locking.md) before it proves a saved plan, so "nothing was applied" means the
 * state is unchanged except for that bookkeeping.
 */
final class StateWithoutLease {
  private StateWithoutLease() {}

  static String read(Path state) throws IOException {
    JsonNode root = Json.MAPPER.readTree(Files.readString(state));
    strip(root);
    return root.toString();
  }

  private static void strip(JsonNode node) {
    if (node instanceof ObjectNode obj) {
      List<String> drop = new ArrayList<>();
      obj.fieldNames()
          .forEachRemaining(
              f -> {
                if (LeaseNames.isLease(f)) {
                  drop.add(f);
                }
              });
      obj.remove(drop);
      obj.elements().forEachRemaining(StateWithoutLease::strip);
    } else if (node instanceof ArrayNode arr) {
      for (int i = arr.size() - 1; i >= 0; i--) {
        if (LeaseNames.isLease(arr.get(i).path("name").asText())) {
          arr.remove(i);
        } else {
          strip(arr.get(i));
        }
      }
    }
  }
}
