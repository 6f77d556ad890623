package org.backupcatalog.persistence.unit;

import org.eclipse.persistence.mappings.converters.Converter;
import org.eclipse.persistence.sessions.Session;

/**
 * An attribute whose value passes unconverted, because the catalog's platform ({@link
 * UtcDerbyPlatform}, {@link UtcPostgreSQLPlatform}) already reads its column as the attribute's
 * type and binds that type. The only work left is to fail loudly if a column ever reaches the
 * attribute not read by the platform, rather than store a wrong value.
 */
abstract class AsThePlatformReadsIt implements Converter {

  private static final long serialVersionUID = 1L;

  private final Class<?> readAs;
  private final String column;

  /**
   * @param readAs the type the platform reads the column as
   * @param column how the column is named in the failure, e.g. {@code "A TIMESTAMP column"}
   */
  AsThePlatformReadsIt(Class<?> readAs, String column) {
    this.readAs = readAs;
    this.column = column;
  }

  @Override
  public final Object convertObjectValueToDataValue(Object objectValue, Session session) {
    return objectValue;
  }

  @Override
  public final Object convertDataValueToObjectValue(Object dataValue, Session session) {
    if (dataValue == null || readAs.isInstance(dataValue)) {
      return dataValue;
    }
    throw new IllegalStateException(
        column
            + " was read as "
            + dataValue.getClass().getName()
            + ", not by the catalog's platform (UtcPlatforms)");
  }

  @Override
  public final boolean isMutable() {
    return false;
  }
}
