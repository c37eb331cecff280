package io.chatform.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.Kind;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How a kind's create probe is built from the fields that identify what it creates. */
class CreateProbeFieldsTest {
  private static final CreateProbe BY_NAME_AND_APP =
      CreateProbe.byFields(
          Kind.BOTS,
          Lists.BOTS,
          CreateProbe::sameApp,
          List.of("name"),
          List.of("owner_client_id"),
          false);

  private static ObjectNode obj(String json) throws Exception {
    return (ObjectNode) WireMapper.MAPPER.readTree(json);
  }

  @Test
  void withoutARequiredFieldThereIsNothingToLookFor() throws Exception {
    assertThat(BY_NAME_AND_APP.search(obj("{\"owner_client_id\":\"c1\"}"))).isEmpty();
    assertThat(BY_NAME_AND_APP.search(obj("{\"name\":null}"))).isEmpty();
  }

  @Test
  void requiredFieldsMustBeEqualAndGivenOnesToo() throws Exception {
    CreateProbe.Search s =
        BY_NAME_AND_APP.search(obj("{\"name\":\"B\",\"owner_client_id\":\"c1\"}")).orElseThrow();
    assertThat(s.kind()).isEqualTo(Kind.BOTS);
    assertThat(s.list().name()).isEqualTo("list_bots");
    assertThat(s.listBody().toString()).isEqualTo("{\"owner_client_id\":\"c1\"}");
    assertThat(s.match().test(obj("{\"name\":\"B\",\"owner_client_id\":\"c1\"}"))).isTrue();
    assertThat(s.match().test(obj("{\"name\":\"B\",\"owner_client_id\":\"c2\"}"))).isFalse();
    assertThat(s.match().test(obj("{\"name\":\"b\",\"owner_client_id\":\"c1\"}"))).isFalse();
    assertThat(s.uniqueAtWrite()).isFalse();
    assertThat(s.withoutId()).isEmpty();
  }

  @Test
  void aFieldTheBodyLeavesOutMatchesAnyValue() throws Exception {
    CreateProbe.Search s = BY_NAME_AND_APP.search(obj("{\"name\":\"B\"}")).orElseThrow();
    assertThat(s.listBody().size()).isZero();
    assertThat(s.match().test(obj("{\"name\":\"B\",\"owner_client_id\":\"c9\"}"))).isTrue();
  }

  @Test
  void descriptorsDeclareTheirRetrySafety() {
    assertThat(ApiMethod.update("update_group").retry()).isEqualTo(ApiMethod.Retry.IDEMPOTENT);
    assertThat(ApiMethod.delete("delete_group").retry()).isEqualTo(ApiMethod.Retry.DELETE);
    ApiMethod<Created> create =
        ApiMethod.create("create_bot", BY_NAME_AND_APP, AnswerReader.CREATED_ID);
    assertThat(create.retry()).isEqualTo(ApiMethod.Retry.CREATE);
    assertThat(create.probe()).isEqualTo(Optional.of(BY_NAME_AND_APP));
  }
}
