package io.chatform.apply;

import java.time.Instant;
import java.util.List;

/**
 * A source of an account's recent writes that does not depend on the account's lagging lists: the
 * local {@link WriteJournal} (reruns on one machine or in one CI job), and later an account lease
 * that records when the last apply ended. Reading back through lists cannot be such a source: they
 * lag by the very delay in question.
 */
public interface RecentWrites {
  /** The writes made at or after {@code since}, oldest first. */
  List<RecentWrite> since(Instant since);

  /** Where the writes are known from, for messages (e.g. the journal's path). */
  String source();

  /** Every write any of {@code sources} knows of (e.g. the journal and an account lease). */
  static RecentWrites all(List<RecentWrites> sources) {
    return new RecentWrites() {
      @Override
      public List<RecentWrite> since(Instant since) {
        return sources.stream()
            .flatMap(s -> s.since(since).stream())
            .sorted(java.util.Comparator.comparing(RecentWrite::at))
            .toList();
      }

      @Override
      public String source() {
        return String.join(" and ", sources.stream().map(RecentWrites::source).toList());
      }
    };
  }

  /** No source: nothing is known. */
  RecentWrites NONE =
      new RecentWrites() {
        @Override
        public List<RecentWrite> since(Instant since) {
          return List.of();
        }

        @Override
        public String source() {
          return "nothing";
        }
      };
}
