package org.backupcatalog.persistence.item;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Lob;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Selection;
import java.util.List;
import org.backupcatalog.api.BackupData;

/** The fields of an item's {@code backup_data}: the protected server as the engine saw it. */
@Embeddable
@Access(AccessType.FIELD)
public class BackupDataColumns {

  @Column(name = "region_name")
  String regionName;

  @Column(name = "cloud_service_type")
  String cloudServiceType;

  Long disk;

  @Column(name = "server_image_type")
  String imageType;

  Long ram;

  Long vcpus;

  String eip;

  @Column(name = "private_ip")
  String privateIp;

  @Lob
  @Column(name = "backup_data_extra")
  String extra;

  /** For JPA, and for a row whose backup_data columns are all NULL. */
  protected BackupDataColumns() {}

  /**
   * The columns a list page reads, in the order {@link #BackupDataColumns(SelectedColumns)} takes
   * them.
   */
  static List<Selection<?>> selection(Path<BackupDataColumns> b) {
    return List.of(
        b.get(BackupDataColumns_.regionName),
        b.get(BackupDataColumns_.cloudServiceType),
        b.get(BackupDataColumns_.disk),
        b.get(BackupDataColumns_.imageType),
        b.get(BackupDataColumns_.ram),
        b.get(BackupDataColumns_.vcpus),
        b.get(BackupDataColumns_.eip),
        b.get(BackupDataColumns_.privateIp),
        b.get(BackupDataColumns_.extra));
  }

  /** The columns {@link #selection} selected, read from {@code in}. */
  BackupDataColumns(SelectedColumns in) {
    regionName = in.next();
    cloudServiceType = in.next();
    disk = in.next();
    imageType = in.next();
    ram = in.next();
    vcpus = in.next();
    eip = in.next();
    privateIp = in.next();
    extra = in.next();
  }

  BackupDataColumns(BackupData b) {
    regionName = b.openstackRegionName();
    cloudServiceType = b.cloudServiceType();
    disk = b.disk();
    imageType = b.imageType();
    ram = b.ram();
    vcpus = b.vcpus();
    eip = b.eip();
    privateIp = b.privateIp();
    extra = ColumnForms.text(b.additional());
  }

  BackupData backupData() {
    return new BackupData(
        regionName,
        cloudServiceType,
        disk,
        imageType,
        ram,
        vcpus,
        eip,
        privateIp,
        ColumnForms.json(extra));
  }
}
