package org.backupcatalog.persistence.unit;

import java.sql.Clob;
import org.eclipse.persistence.mappings.DatabaseMapping;
import org.eclipse.persistence.mappings.foundation.AbstractDirectMapping;
import org.eclipse.persistence.sessions.Session;

/**
 * A {@code @Lob String} attribute as it is: the platforms read a CLOB column as a {@code String}
 * already ({@link UtcDerbyPlatform}; PostgreSQL's text is one), and bind a {@code String}. It
 * replaces the type conversion that {@code @Lob} gives the mapping, which converted each value to
 * {@code Clob} and back to {@code String}, both no-ops, through the conversion manager for every
 * row a list page reads. The field keeps {@code Clob} as its type, so that a NULL is bound as
 * before.
 */
final class LobText extends AsThePlatformReadsIt {

  private static final long serialVersionUID = 1L;

  LobText() {
    super(String.class, "A CLOB column");
  }

  @Override
  public void initialize(DatabaseMapping mapping, Session session) {
    AbstractDirectMapping direct = (AbstractDirectMapping) mapping;
    if (direct.getFieldClassification() == null) {
      direct.setFieldClassification(Clob.class);
    }
  }
}
