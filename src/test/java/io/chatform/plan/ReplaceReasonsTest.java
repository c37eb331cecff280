package io.chatform.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatform.model.Kind;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReplaceReasonsTest {
  private static Action action(
      ActionType type, Kind kind, List<FieldChange> changes, boolean irreversible, List<String> n) {
    return Steps.of(
        type,
        "x",
        kind,
        kind.section() + "/x",
        "1",
        io.chatform.model.Json.object(),
        io.chatform.model.Json.object(),
        changes,
        List.of(),
        irreversible,
        n);
  }

  private static FieldChange change(String field) {
    return new FieldChange(field, Optional.empty(), Optional.empty(), false);
  }

  @Test
  void aReplaceNamesOnlyTheFieldsItsKindCannotUpdate() {
    Action property =
        action(
            ActionType.REPLACE,
            Kind.PROPERTIES,
            List.of(change("publish"), change("description")),
            true,
            List.of("replacing a property deletes its values"));
    assertThat(ReplaceReasons.forcing(property)).containsExactly("description");
    assertThat(
            ReplaceReasons.forcing(
                action(
                    ActionType.UPDATE,
                    Kind.PROPERTIES,
                    List.of(change("description")),
                    false,
                    List.of())))
        .isEmpty();
  }

  @Test
  void everyWarningSaysWhy() {
    Action publish =
        action(
            ActionType.CREATE,
            Kind.PROPERTIES,
            List.of(),
            true,
            List.of("publishing is irreversible"));
    assertThat(ReplaceReasons.warning(publish)).contains("publishing is irreversible");
    assertThat(ReplaceReasons.otherNotes(publish)).isEmpty();
    Action requested =
        action(
            ActionType.REPLACE, Kind.WEBHOOKS, List.of(), true, List.of(ReplaceReasons.REQUESTED));
    assertThat(ReplaceReasons.warning(requested))
        .isPresent()
        .get()
        .asString()
        .contains("delete + create");
    assertThat(ReplaceReasons.otherNotes(requested)).containsExactly(ReplaceReasons.REQUESTED);
    assertThat(
            ReplaceReasons.warning(
                action(ActionType.UPDATE, Kind.GROUPS, List.of(), false, List.of())))
        .isEmpty();
  }
}
