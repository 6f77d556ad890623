package org.backupcatalog.api;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The text handed to the UTF-8 generator encodes to the bytes the JDK's encoder makes of the
 * original (each unpaired surrogate as {@code ?}), and holds nothing the generator would refuse.
 */
class JsonValuesTest {

  @Provide
  Arbitrary<String> texts() {
    return ItemArbitraries.texts(24);
  }

  @Property(tries = 2000)
  void encodableTextIsWhatTheJdkEncodes(@ForAll("texts") String text) {
    String encodable = JsonValues.encodable(text);
    assertArrayEquals(text.getBytes(UTF_8), encodable.getBytes(UTF_8));
    // No unpaired surrogate left: it decodes back to itself.
    assertEquals(encodable, new String(encodable.getBytes(UTF_8), UTF_8));
  }

  @ParameterizedTest
  @CsvSource({
    "a\uD800b, a?b",
    "\uDC00\uD800, ??",
    "x\uD83D, x?",
    "\uD83D\uD83D\uDE00, ?\uD83D\uDE00",
    "\uDE00\uD83D\uDE00\uDE00, ?\uD83D\uDE00?"
  })
  void replacesEachUnpairedSurrogate(String text, String expected) {
    assertEquals(expected, JsonValues.encodable(text));
  }

  @ParameterizedTest
  @CsvSource({"plain", "\u00e4\u7fff", "\uD83D\uDE00", "a\uD83D\uDE00b\uDBFF\uDFFF"})
  void keepsATextWithoutOneAsItIs(String text) {
    assertSame(text, JsonValues.encodable(text));
  }
}
