package org.backupcatalog.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.RecyclerPool;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.lang.ref.SoftReference;
import java.util.Map;

/**
 * Jackson's generator set up to write the very text that JSON-P (Parsson) writes, so that a
 * streamed page and a tree written with {@code toString()} cannot be told apart: control characters
 * escaped with lower-case hex ({@code \u001f}), no other character escaped, numbers as JSON-P's
 * {@code toString()} spells them, and in UTF-8 each unpaired surrogate as {@code ?} ({@link
 * #encodable}), as a JSON-P text encoded by the JDK ({@code String.getBytes}, an {@code
 * OutputStreamWriter}) has it.
 */
final class JsonValues {

  static final JsonFactory GENERATORS =
      JsonFactory.builder()
          .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
          // A character beyond the BMP as its four UTF-8 bytes, as the JDK encodes it, not as two
          // escapes.
          .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
          // The container owns a response's stream; whoever created the target closes it.
          .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
          .recyclerPool(PageBuffers.POOL)
          .build();

  /**
   * Jackson's recycled buffers with a 64 KB output buffer instead of 8,000 bytes. Before each raw
   * copy of an item's stored lists the generator flushes unless three bytes per character still
   * fit: with 8,000 bytes that was every item or two, into a 16 KB buffer in front of the response,
   * two copies and a synchronised call per flush. With 64 KB a 100-item page leaves in a few writes
   * and a small one in one, straight to the response (docs/list-profile.md, "The page's output
   * buffer").
   */
  private static final class PageBuffers extends BufferRecycler {

    private static final int OUTPUT_BUFFER = 64 * 1024;

    /** One per request thread, as Jackson's default pool keeps its buffers. */
    private static final ThreadLocal<SoftReference<BufferRecycler>> OWN = new ThreadLocal<>();

    static final RecyclerPool<BufferRecycler> POOL =
        new RecyclerPool.ThreadLocalPoolBase<BufferRecycler>() {
          private static final long serialVersionUID = 1L;

          @Override
          public BufferRecycler acquirePooled() {
            SoftReference<BufferRecycler> held = OWN.get();
            BufferRecycler buffers = held == null ? null : held.get();
            if (buffers == null) {
              buffers = new PageBuffers();
              OWN.set(new SoftReference<>(buffers));
            }
            return buffers;
          }
        };

    @Override
    protected int byteBufferLength(int ix) {
      return ix == BYTE_WRITE_ENCODING_BUFFER ? OUTPUT_BUFFER : super.byteBufferLength(ix);
    }
  }

  private JsonValues() {}

  /**
   * {@code text} with each unpaired surrogate replaced by {@code ?}, as the JDK's UTF-8 encoder
   * replaces it; {@code text} itself when it has none. Jackson's UTF-8 generator would refuse such
   * a string half-way through a page, or escape it. One pass that allocates nothing for a text
   * without surrogates, which is cheaper than encoding every page through a {@code Writer}.
   */
  static String encodable(String text) {
    int length = text.length();
    int i = 0;
    while (i < length && !Character.isSurrogate(text.charAt(i))) {
      i++;
    }
    if (i == length) {
      return text;
    }
    StringBuilder replaced = null;
    for (; i < length; i++) {
      char c = text.charAt(i);
      if (!Character.isSurrogate(c)) {
        continue;
      }
      if (Character.isHighSurrogate(c)
          && i + 1 < length
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
        continue;
      }
      if (replaced == null) {
        replaced = new StringBuilder(text);
      }
      replaced.setCharAt(i, '?');
    }
    return replaced == null ? text : replaced.toString();
  }

  /** Writes a JSON-P value as JSON-P's generator would. */
  static void write(JsonGenerator out, JsonValue value) throws IOException {
    switch (value.getValueType()) {
      case OBJECT -> {
        out.writeStartObject();
        for (Map.Entry<String, JsonValue> member : value.asJsonObject().entrySet()) {
          out.writeFieldName(encodable(member.getKey()));
          write(out, member.getValue());
        }
        out.writeEndObject();
      }
      case ARRAY -> {
        out.writeStartArray();
        for (JsonValue element : value.asJsonArray()) {
          write(out, element);
        }
        out.writeEndArray();
      }
      case STRING -> out.writeString(encodable(((JsonString) value).getString()));
      // JSON-P writes a number as its toString(): 1.500 stays 1.500, 1E+3 stays 1E+3.
      case NUMBER -> out.writeNumber(value.toString());
      case TRUE -> out.writeBoolean(true);
      case FALSE -> out.writeBoolean(false);
      case NULL -> out.writeNull();
    }
  }
}
