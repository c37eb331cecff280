package io.chatform.plan;

import static io.chatform.plan.Fixtures.live;
import static io.chatform.plan.Fixtures.liveState;
import static io.chatform.plan.Fixtures.only;
import static io.chatform.plan.Fixtures.plan;
import static io.chatform.plan.Fixtures.res;
import static org.assertj.core.api.Assertions.assertThat;

import io.chatform.model.Kind;
import org.junit.jupiter.api.Test;

/**
 * A tag in no group cannot mark any chat (the docs: a tag and a thread must share a group): a plan
 * that creates one, or takes one down to no group, says so on that step; one with a group is quiet.
 */
class TagNoGroupTest {
  private static Plan planOf(String tag, Fixtures.Desired extra, io.chatform.kinds.LiveState l) {
    return plan(extra.section(Kind.TAGS, res(Kind.TAGS, tag)).build(), l);
  }

  @Test
  void aTagCreatedOrLeftInNoGroupIsNoted() {
    var empty = liveState();
    assertThat(only(planOf("{'name':'spam'}", new Fixtures.Desired(), empty)).notes())
        .singleElement()
        .asString()
        .startsWith("in no group: LiveChat lets a tag mark a chat only when both share a group");
    var inGeneral = liveState(live(Kind.TAGS, "spam", "{'name':'spam','groups':['General']}"));
    assertThat(only(planOf("{'name':'spam'}", new Fixtures.Desired(), inGeneral)).notes())
        .singleElement()
        .asString()
        .startsWith("in no group:");
    assertThat(
            only(planOf("{'name':'spam','groups':['General']}", new Fixtures.Desired(), empty))
                .notes())
        .isEmpty();
  }
}
