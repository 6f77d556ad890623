package org.backupcatalog.api;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * The item's {@code backup_data} dictionary (the server's metadata). Its JSON names do not follow
 * the component names: {@code __openstack_region_name}, {@code cloudservicetype}, {@code
 * imagetype}. {@code additional} keeps unknown keys verbatim and is never null.
 */
public record BackupData(
    String openstackRegionName,
    String cloudServiceType,
    Long disk,
    String imageType,
    Long ram,
    Long vcpus,
    String eip,
    String privateIp,
    JsonObject additional) {

  public BackupData {
    additional = additional == null ? JsonValue.EMPTY_JSON_OBJECT : additional;
  }
}
