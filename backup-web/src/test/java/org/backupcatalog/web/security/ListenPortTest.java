package org.backupcatalog.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ListenPortTest {

  @Test
  void wildFlysHttpPortPropertyNamesThePort() {
    assertEquals(18080, ListenPort.wildFly("18080"));
    assertEquals(1, ListenPort.wildFly("1"));
    assertEquals(65535, ListenPort.wildFly("65535"));
  }

  @Test
  void anythingElseIsTheDefault() {
    assertEquals(ListenPort.DEFAULT, ListenPort.wildFly(null));
    assertEquals(ListenPort.DEFAULT, ListenPort.wildFly(""));
    assertEquals(ListenPort.DEFAULT, ListenPort.wildFly("0"));
    assertEquals(ListenPort.DEFAULT, ListenPort.wildFly("65536"));
    assertEquals(ListenPort.DEFAULT, ListenPort.wildFly("${jboss.http.port}"));
    assertEquals(ListenPort.DEFAULT, ListenPort.wildFly("-1"));
  }

  @Test
  void outsidePayaraMicroTheGuessFollowsTheProperty() {
    String before = System.getProperty("jboss.http.port");
    try {
      System.setProperty("jboss.http.port", "18123");
      assertEquals(18123, ListenPort.guess());
      System.clearProperty("jboss.http.port");
      assertEquals(ListenPort.DEFAULT, ListenPort.guess());
    } finally {
      if (before != null) {
        System.setProperty("jboss.http.port", before);
      }
    }
  }
}
