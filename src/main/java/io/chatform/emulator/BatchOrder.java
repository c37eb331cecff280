package io.chatform.emulator;

import java.util.Random;

/**
 * The order the items of one batch request run in. The docs ("Batch requests", 3.5–3.7) say the
 * items run concurrently, so no order is guaranteed (only the responses keep the requests' order);
 * the emulator served over HTTP runs them in a seeded-random order (the fault seed), so a client
 * that depends on the order fails in tests, reproducibly.
 */
@FunctionalInterface
public interface BatchOrder {
  /** As sent: what handler-level unit tests get. */
  BatchOrder AS_SENT =
      size -> {
        int[] out = new int[size];
        for (int i = 0; i < size; i++) {
          out[i] = i;
        }
        return out;
      };

  /** A permutation of {@code 0..size-1}: the indices of the items, in execution order. */
  int[] order(int size);

  /** A fresh permutation per batch, drawn from {@code random} (Fisher–Yates). */
  static BatchOrder shuffled(Random random) {
    return size -> {
      int[] out = AS_SENT.order(size);
      synchronized (random) {
        for (int i = size - 1; i > 0; i--) {
          int j = random.nextInt(i + 1);
          int t = out[i];
          out[i] = out[j];
          out[j] = t;
        }
      }
      return out;
    };
  }
}
