package org.backupcatalog.web.error;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Refuses request bodies over 1 MiB with 413 (CONTRACT section 5), when the resource reads them: a
 * body declared larger fails at its first read, a chunked one once it grows past the limit. Not at
 * once, because the resource authorizes the caller first: a forbidden call is 403 whatever it sends
 * (CONTRACT section 6).
 */
public class OversizedBodyFilter extends HttpFilter {

  public static final long LIMIT_BYTES = 1024 * 1024;

  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    long length = request.getContentLengthLong();
    // A declared length within the limit is enforced by the container; others need counting.
    chain.doFilter(
        length < 0 || length > LIMIT_BYTES ? new CountedRequest(request, length) : request,
        response);
  }

  /** A request whose body stream fails with 413 once it has delivered more than the limit. */
  private static final class CountedRequest extends HttpServletRequestWrapper {

    private final long declared;
    private ServletInputStream counted;

    CountedRequest(HttpServletRequest request, long declared) {
      super(request);
      this.declared = declared;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (counted == null) {
        counted = new CountedStream(super.getInputStream(), Math.max(0, declared));
      }
      return counted;
    }
  }

  private static final class CountedStream extends ServletInputStream {

    private final ServletInputStream body;
    private long read;

    /** {@code alreadyCounted}: a declared length over the limit fails the first read. */
    CountedStream(ServletInputStream body, long alreadyCounted) {
      this.body = body;
      this.read = alreadyCounted > LIMIT_BYTES ? alreadyCounted : 0;
    }

    @Override
    public int read() throws IOException {
      count(0);
      int b = body.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      count(0);
      int n = body.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) {
      read += n;
      if (read > LIMIT_BYTES) {
        throw ApiError.payloadTooLarge(LIMIT_BYTES);
      }
    }

    @Override
    public boolean isFinished() {
      return body.isFinished();
    }

    @Override
    public boolean isReady() {
      return body.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      body.setReadListener(listener);
    }

    @Override
    public void close() throws IOException {
      body.close();
    }
  }
}
