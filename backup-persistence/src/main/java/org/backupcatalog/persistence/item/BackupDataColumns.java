package org.backupcatalog.persistence.item;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Lob;
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
