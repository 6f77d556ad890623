package org.backupcatalog.web.operations;

import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Notes when a request enters the application, before authentication runs, so that the duration of
 * a request refused by the authentication mechanism is measured too.
 */
@WebListener
public class RequestStartListener implements ServletRequestListener {

  @Override
  public void requestInitialized(ServletRequestEvent event) {
    if (event.getServletRequest() instanceof HttpServletRequest request) {
      RequestLog.started(request);
    }
  }
}
