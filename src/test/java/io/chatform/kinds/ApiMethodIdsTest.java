package io.chatform.kinds;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatform.api.ApiMethod;
import io.chatform.api.IdShape;
import io.chatform.api.Lists;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every descriptor the kinds and {@link Lists} declare says how its answer's objects are identified
 * exactly as the table {@code api/AnswerChecks} kept by method name did before (issue #14), and
 * that class names no method any more.
 */
class ApiMethodIdsTest {
  /** The checked lists and integer-id creates as AnswerChecks' name table had them. */
  private static final Map<String, IdShape> BEFORE =
      Map.ofEntries(
          Map.entry("list_groups", IdShape.INTEGER_WITH_TEXT_NAME),
          Map.entry("list_greetings", IdShape.INTEGER),
          Map.entry("list_agents", IdShape.TEXT),
          Map.entry("list_bots", IdShape.TEXT),
          Map.entry("list_auto_accesses", IdShape.TEXT),
          Map.entry("list_webhooks", IdShape.TEXT),
          Map.entry("list_groups_properties", IdShape.INTEGER),
          Map.entry("list_canned_responses", IdShape.INTEGER),
          Map.entry("list_tags", IdShape.NAME),
          Map.entry("create_group", IdShape.INTEGER),
          Map.entry("create_greeting", IdShape.INTEGER),
          Map.entry("create_canned_response", IdShape.INTEGER));

  /** Every {@code static ApiMethod} field of the kind classes (and their bases) and of Lists. */
  private static List<ApiMethod<?>> descriptors() throws IllegalAccessException {
    Set<Class<?>> owners = new LinkedHashSet<>();
    owners.add(Lists.class);
    for (ResourceKind k : Kinds.all()) {
      for (Class<?> c = k.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
        owners.add(c);
      }
    }
    List<ApiMethod<?>> out = new ArrayList<>();
    for (Class<?> c : owners) {
      for (Field f : c.getDeclaredFields()) {
        if (Modifier.isStatic(f.getModifiers()) && f.getType() == ApiMethod.class) {
          f.setAccessible(true);
          out.add((ApiMethod<?>) f.get(null));
        }
      }
    }
    return out;
  }

  @Test
  void everyDescriptorDeclaresTheIdShapeTheNameTableHad() throws Exception {
    List<ApiMethod<?>> all = descriptors();
    assertThat(all.stream().map(ApiMethod::name)).containsAll(BEFORE.keySet());
    for (ApiMethod<?> m : all) {
      IdShape expected =
          BEFORE.getOrDefault(
              m.name(), m.retry() == ApiMethod.Retry.CREATE ? IdShape.TEXT : IdShape.UNCHECKED);
      assertThat(m.ids()).as(m.name()).isEqualTo(expected);
    }
  }

  @Test
  void theChecksNameNoMethod() throws IOException {
    String source = Files.readString(Path.of("src/main/java/io/chatform/api/AnswerChecks.java"));
    assertThat(source).doesNotContainPattern("\"(list|create|get|add|register)_[a-z_]*\"");
  }
}
