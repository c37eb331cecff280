package io.chatform.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** list_tags answers are checked before planning: names are the tags' identity. */
class TagAnswerChecksTest {
  private static Optional<String> problem(String... items) throws Exception {
    List<ObjectNode> list = new ArrayList<>();
    for (String i : items) {
      list.add((ObjectNode) WireMapper.MAPPER.readTree(i.replace('\'', '"')));
    }
    return AnswerChecks.problem(Lists.TAGS.ids(), list);
  }

  @Test
  void wellFormedTagsPass() throws Exception {
    assertThat(problem("{'name':'vip','group_ids':[0,3],'author_id':'a','created_at':'t'}"))
        .isEmpty();
  }

  @Test
  void aMissingRepeatedOrUnprintableNameIsRefused() throws Exception {
    assertThat(problem("{'group_ids':[]}"))
        .contains("item 0 has name (none), which is not printable text");
    assertThat(problem("{'name':'a'}", "{'name':'a'}"))
        .contains("tag name \"a\" appears twice (item 1)");
    assertThat(problem("{'name':'a\\u202e'}")).get().asString().contains("not printable text");
  }

  @Test
  void groupIdsMustBeWholeNumbers() throws Exception {
    assertThat(problem("{'name':'a','group_ids':['seven']}"))
        .contains("item 0 names group id \"seven\", which is not a whole number");
    assertThat(problem("{'name':'a','group_ids':3}"))
        .contains("item 0 has group_ids that are not a list");
  }
}
