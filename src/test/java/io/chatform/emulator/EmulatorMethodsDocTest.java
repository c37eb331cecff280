package io.chatform.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatform.model.ApiVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * docs/emulator.md's "Methods per version" table says, per documented method and version, whether
 * the emulator serves it; this test holds the table to the emulator's real method table, and says
 * every method the emulator has is in it.
 */
class EmulatorMethodsDocTest {
  private static final List<String> COLUMNS = List.of("3.4", "3.5", "3.6", "3.7");

  private record Row(String method, List<String> cells) {}

  private static List<Row> table() throws IOException {
    List<Row> rows = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of("docs/emulator.md"))) {
      if (!line.startsWith("| `")) {
        continue;
      }
      String[] cells = line.split("\\|");
      if (cells.length != 6 || !cells[1].trim().matches("`[a-z_]+`")) {
        continue;
      }
      List<String> values = new ArrayList<>();
      for (int i = 2; i < 6; i++) {
        values.add(cells[i].trim());
      }
      rows.add(new Row(cells[1].trim().replace("`", ""), values));
    }
    return rows;
  }

  /** Served: the method exists and does not answer "not available in" for {@code v}. */
  private static boolean served(String method, ApiVersion v) {
    AccountState s = new AccountState("acc", "owner@x.example");
    Optional<Handler> h = s.handler(method);
    if (h.isEmpty()) {
      return false;
    }
    try {
      h.get().handle(new Call(v, method, Params.object(), Optional.of("c")));
      return true;
    } catch (ApiError e) {
      return !e.getMessage().contains("is not available in");
    } catch (RuntimeException e) {
      return true; // it ran: the empty body was just not enough
    }
  }

  @Test
  void theTableMatchesWhatTheEmulatorServes() throws IOException {
    List<Row> rows = table();
    assertThat(rows).hasSizeGreaterThan(80);
    List<String> wrong = new ArrayList<>();
    for (Row r : rows) {
      for (int i = 0; i < COLUMNS.size(); i++) {
        String cell = r.cells().get(i);
        assertThat(cell).as(r.method() + " " + COLUMNS.get(i)).isIn("yes", "no", "—");
        Optional<ApiVersion> v = ApiVersion.fromAnyLabel(COLUMNS.get(i));
        boolean actual = v.isPresent() && served(r.method(), v.get());
        if (actual != cell.equals("yes")) {
          wrong.add(r.method() + " " + COLUMNS.get(i) + ": table says " + cell);
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void everyMethodTheEmulatorHasIsInTheTable() throws IOException {
    Set<String> listed = new TreeSet<>();
    table().forEach(r -> listed.add(r.method()));
    Set<String> missing = new TreeSet<>();
    for (Module m : EmulatorModules.modules(new Roster("acc", "owner@x.example"))) {
      m.methods().keySet().stream().filter(k -> !listed.contains(k)).forEach(missing::add);
    }
    assertThat(missing).isEmpty();
  }
}
