package org.backupcatalog.api;

import java.util.Set;

/** {@code backup_data}, whose names the seed spells its own way. */
final class BackupDataJson {

  static final String OPENSTACK_REGION_NAME = "__openstack_region_name";
  static final String CLOUD_SERVICE_TYPE = "cloudservicetype";
  static final String DISK = "disk";
  static final String IMAGE_TYPE = "imagetype";
  static final String RAM = "ram";
  static final String VCPUS = "vcpus";
  static final String EIP = "eip";
  static final String PRIVATE_IP = "private_ip";
  static final Set<String> KNOWN =
      Set.of(
          OPENSTACK_REGION_NAME, CLOUD_SERVICE_TYPE, DISK, IMAGE_TYPE, RAM, VCPUS, EIP, PRIVATE_IP);

  /** What an unset {@code backup_data} is written as: every known key, all null. */
  static final BackupData UNSET =
      new BackupData(null, null, null, null, null, null, null, null, null);

  private BackupDataJson() {}

  static BackupData read(FieldReader in) {
    return new BackupData(
        in.string(OPENSTACK_REGION_NAME),
        in.string(CLOUD_SERVICE_TYPE),
        in.integer(DISK),
        in.string(IMAGE_TYPE),
        in.integer(RAM),
        in.integer(VCPUS),
        in.string(EIP),
        in.string(PRIVATE_IP),
        in.additional(KNOWN));
  }

  static void write(FieldWriter out, BackupData data) {
    BackupData d = data == null ? UNSET : data;
    out.string(OPENSTACK_REGION_NAME, d.openstackRegionName())
        .string(CLOUD_SERVICE_TYPE, d.cloudServiceType())
        .integer(DISK, d.disk())
        .string(IMAGE_TYPE, d.imageType())
        .integer(RAM, d.ram())
        .integer(VCPUS, d.vcpus())
        .string(EIP, d.eip())
        .string(PRIVATE_IP, d.privateIp())
        .additional(d.additional(), KNOWN);
  }
}
