package org.backupcatalog.web.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The environment of the catalog that {@link CatalogExtension} gives a test class, as {@code
 * NAME=value} entries, added to (or replacing) the default {@code BACKUP_AUTH_HS256_SECRET} of
 * {@link TestTokens}. Test classes with the same entries share one running catalog.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
public @interface CatalogEnvironment {
  String[] value();
}
