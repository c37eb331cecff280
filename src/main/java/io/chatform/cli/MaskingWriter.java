package io.chatform.cli;

import java.io.IOException;
import java.io.Writer;

/**
 * A line-buffered writer that passes each line through a {@link SecretMask} before it reaches the
 * real stream, so no command can print a secret value by accident. A partial line goes out on
 * {@link #flush} (a prompt, a progress line redrawn with a carriage return).
 */
final class MaskingWriter extends Writer {
  private final Writer target;
  private final SecretMask mask;
  private final StringBuilder pending = new StringBuilder();

  MaskingWriter(Writer target, SecretMask mask) {
    this.target = target;
    this.mask = mask;
  }

  @Override
  public synchronized void write(char[] buf, int off, int len) throws IOException {
    pending.append(buf, off, len);
    int end = pending.lastIndexOf("\n");
    if (end >= 0) {
      target.write(mask.apply(pending.substring(0, end + 1)));
      pending.delete(0, end + 1);
    }
  }

  @Override
  public synchronized void flush() throws IOException {
    if (pending.length() > 0) {
      target.write(mask.apply(pending.toString()));
      pending.setLength(0);
    }
    target.flush();
  }

  @Override
  public synchronized void close() throws IOException {
    flush();
    target.close();
  }
}
