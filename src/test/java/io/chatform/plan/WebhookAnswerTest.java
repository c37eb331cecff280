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
 * Webhooks as the documented list answer gives them (listWebhooks.json: no additional_data): a
 * field the answer does not carry is not replaced on every run; one it carries is compared.
 */
class WebhookAnswerTest {
  private static final String HOOK =
      "{'owner_client_id':'c1','type':'license','action':'incoming_chat','url':'https://h/a'%s}";

  private static Fixtures.Desired declaring(String extra) {
    return new Fixtures.Desired()
        .section(Kind.WEBHOOKS, res(Kind.WEBHOOKS, String.format(HOOK, extra)));
  }

  @Test
  void additionalDataTheAnswerLacksPlansNoReplace() {
    var d = declaring(",'additional_data':['chat_properties']").build();
    assertThat(plan(d, liveState(live(Kind.WEBHOOKS, "w1", String.format(HOOK, "")))).actions())
        .isEmpty();
  }

  @Test
  void additionalDataTheAnswerCarriesIsCompared() {
    var d = declaring(",'additional_data':['chat_properties']").build();
    var l =
        liveState(
            live(
                Kind.WEBHOOKS,
                "w1",
                String.format(HOOK, ",'additional_data':['chat_presence_user_ids']")));
    assertThat(only(plan(d, l)).changes())
        .extracting(FieldChange::field)
        .containsExactly("additional_data");
  }
}
