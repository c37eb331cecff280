package io.chatform.api;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;
import okio.Source;

/**
 * Caps every answer body at {@code --max-answer-mib} while it streams (after decompression, so a
 * gzip bomb counts at its real size): a broken or hostile server sending gigabytes gets cut off
 * with one clear error instead of exhausting memory. Retrofit buffers error bodies itself, so the
 * cap has to sit below it, in OkHttp.
 */
final class AnswerLimit implements Interceptor {
  /** The answer was longer than the cap; the engine turns it into a located error. */
  static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    TooLarge(long limit) {
      super("the answer is larger than " + describe(limit));
    }
  }

  private final long limit;

  AnswerLimit(long limit) {
    this.limit = limit;
  }

  /** {@code 64 MiB}, or bytes when it is not a whole number of MiB. */
  static String describe(long bytes) {
    return bytes % (1 << 20) == 0 ? (bytes >> 20) + " MiB" : bytes + " bytes";
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Response r = chain.proceed(chain.request());
    ResponseBody body = r.body();
    if (body == null) {
      return r;
    }
    if (body.contentLength() > limit) {
      r.close(); // refuse before reading a byte of it
      throw new TooLarge(limit);
    }
    return r.newBuilder().body(new Capped(body, limit)).build();
  }

  /** A body whose source fails once more than {@code limit} bytes were read. */
  private static final class Capped extends ResponseBody {
    private final ResponseBody delegate;
    private final BufferedSource source;

    Capped(ResponseBody delegate, long limit) {
      this.delegate = delegate;
      Source counting =
          new ForwardingSource(delegate.source()) {
            private long total;

            @Override
            public long read(Buffer sink, long byteCount) throws IOException {
              long n = super.read(sink, byteCount);
              if (n > 0) {
                total += n;
                if (total > limit) {
                  throw new TooLarge(limit);
                }
              }
              return n;
            }
          };
      this.source = Okio.buffer(counting);
    }

    @Override
    public MediaType contentType() {
      return delegate.contentType();
    }

    @Override
    public long contentLength() {
      return delegate.contentLength();
    }

    @Override
    public BufferedSource source() {
      return source;
    }

    @Override
    public void close() {
      delegate.close();
    }
  }
}
