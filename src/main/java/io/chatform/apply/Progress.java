package io.chatform.apply;

/** Hears about an apply as it runs, for the live progress line or plain CI lines. */
public interface Progress {
  void start(int total);

  void finished(ActionResult result);

  Progress NONE =
      new Progress() {
        @Override
        public void start(int total) {}

        @Override
        public void finished(ActionResult result) {}
      };
}
