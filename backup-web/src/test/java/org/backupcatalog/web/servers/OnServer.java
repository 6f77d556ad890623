package org.backupcatalog.web.servers;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.backupcatalog.web.testing.RunningCatalog.Server;

/** The server a {@link ServerSuite} runs its checks on. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface OnServer {
  Server value();
}
