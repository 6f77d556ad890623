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
import org.backupcatalog.web.request.RequestIds;

/**
 * Refuses request bodies over 1 MiB with 413 (CONTRACT section 5): at once when the Content-Length
 * says so, and while reading when a chunked body grows past the limit.
 */
public class OversizedBodyFilter extends HttpFilter {

  static final long LIMIT_BYTES = 1024 * 1024;

  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    long length = request.getContentLengthLong();
    if (length > LIMIT_BYTES) {
      ErrorJson.write(
          response, ApiError.payloadTooLarge(LIMIT_BYTES), RequestIds.ensure(request, response));
      return;
    }
    // A declared length is enforced by the container; only a body of unknown length needs counting.
    chain.doFilter(length < 0 ? new CountedRequest(request) : request, response);
  }

  /** A request whose body stream fails with 413 once it has delivered more than the limit. */
  private static final class CountedRequest extends HttpServletRequestWrapper {

    private ServletInputStream counted;

    CountedRequest(HttpServletRequest request) {
      super(request);
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (counted == null) {
        counted = new CountedStream(super.getInputStream());
      }
      return counted;
    }
  }

  private static final class CountedStream extends ServletInputStream {

    private final ServletInputStream body;
    private long read;

    CountedStream(ServletInputStream body) {
      this.body = body;
    }

    @Override
    public int read() throws IOException {
      int b = body.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
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
