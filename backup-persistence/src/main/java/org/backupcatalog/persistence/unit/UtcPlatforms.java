package org.backupcatalog.persistence.unit;

import java.time.LocalDateTime;
import java.util.Locale;
import org.eclipse.persistence.descriptors.ClassDescriptor;
import org.eclipse.persistence.internal.databaseaccess.DatabasePlatform;
import org.eclipse.persistence.mappings.DatabaseMapping;
import org.eclipse.persistence.mappings.converters.TypeConversionConverter;
import org.eclipse.persistence.mappings.foundation.AbstractDirectMapping;
import org.eclipse.persistence.sessions.DatasourceLogin;
import org.eclipse.persistence.sessions.Session;

/**
 * The platform for each database the catalog supports: EclipseLink's own, except that times pass
 * between {@link LocalDateTime} attributes and TIMESTAMP columns as UTC wall clocks whatever the
 * JVM's time zone. The catalog never sets that zone: it may be any.
 */
final class UtcPlatforms {

  private UtcPlatforms() {}

  /**
   * Gives the session the platform for {@code productName}, and every {@code LocalDateTime}
   * attribute a {@link UtcWallClock} converter, so that the platform reads those columns: without a
   * converter EclipseLink reads them with {@code ResultSet.getTimestamp(column)} itself, in the
   * JVM's zone. A {@code @Lob String} attribute gets a {@link LobText} instead of its type
   * conversion.
   */
  static void install(Session session, DatasourceLogin login, String productName) {
    login.usePlatform(of(productName));
    for (ClassDescriptor descriptor : session.getDescriptors().values()) {
      for (DatabaseMapping mapping : descriptor.getMappings()) {
        if (mapping instanceof AbstractDirectMapping direct) {
          Class<?> type = attributeType(descriptor.getJavaClass(), direct.getAttributeName());
          if (!direct.hasConverter() && type == LocalDateTime.class) {
            direct.setConverter(new UtcWallClock());
          } else if (direct.getConverter() instanceof TypeConversionConverter
              && type == String.class) {
            direct.setConverter(new LobText());
          }
        }
      }
    }
  }

  /** The platform for a database, by its JDBC product name. */
  static DatabasePlatform of(String productName) {
    String product = productName.toLowerCase(Locale.ROOT);
    if (product.contains("derby")) {
      return new UtcDerbyPlatform();
    }
    if (product.contains("postgres")) {
      return new UtcPostgreSQLPlatform();
    }
    throw new IllegalStateException(
        "The catalog runs on Derby or PostgreSQL, not on " + productName);
  }

  /** The type of the attribute (a field: the catalog maps fields), or null if none is declared. */
  private static Class<?> attributeType(Class<?> type, String attribute) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      try {
        return c.getDeclaredField(attribute).getType();
      } catch (NoSuchFieldException e) {
        // declared further up, if anywhere
      }
    }
    return null;
  }
}
