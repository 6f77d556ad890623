package org.backupcatalog.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.InputStream;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CheckpointItemJsonTest {

  /** Every known key, with values of the right type: the base that the strictness cases break. */
  private static final String FULL =
      """
      {
        "id": "item-1", "name": "backup_d32c", "description": "nightly", "status": "error",
        "resource_id": "f45c477a", "resource_type": "OS::Nova::Server", "checkpoint_id": "cp-1",
        "policy_id": "policy-1", "created_at": "2017-04-15T04:20:37.277880",
        "updated_at": "2017-04-15T04:25:38.680638", "protected_at": "2017-04-15T04:25:38.675478",
        "extend_info": {
          "auto_trigger": true, "average_speed": 17, "copy_from": "", "copy_status": "na",
          "fail_code": {"Code": "64006003", "Description": "snapshot failed"},
          "fail_op": "backup", "fail_reason": "disk gone", "image_type": "backup",
          "incremental": false, "progress": 100, "resource_az": "az1.dc1",
          "resource_name": "karbor_02", "resource_type": "OS::Nova::Server", "size": 40960,
          "space_saving_ratio": 3,
          "volume_backups": [
            {"average_speed": 0, "bootable": true, "id": "v-1", "image_type": "backup",
             "incremental": false, "name": "manualbk_1", "size": 0, "source_volume_id": "s-1",
             "source_volume_size": 20, "space_saving_ratio": 0, "status": "available",
             "source_volume_name": "karbor_xj_02", "snapshot_id": "snap-1"},
            {"average_speed": 5, "bootable": false, "id": "v-2", "image_type": "backup",
             "incremental": true, "name": "manualbk_2", "size": 12, "source_volume_id": "s-2",
             "source_volume_size": 40, "space_saving_ratio": 1, "status": "error",
             "source_volume_name": "karbor_01", "snapshot_id": "snap-2"}
          ],
          "finished_at": "2017-04-15T04:25:38.675478", "supported_restore_mode": "backup",
          "os_images_data": [{"image_id": "fe84dd80"}], "support_lld": false,
          "app_consistency": {"app_consistency": 1, "app_consistency_status": 2,
            "app_consistency_error_code": "E1", "app_consistency_error_message": "frozen"},
          "taskid": "task-1", "hypervisor_type": "QEMU"
        },
        "backup_data": {
          "__openstack_region_name": "eu-de", "cloudservicetype": "ecs", "disk": 40,
          "imagetype": "gold", "ram": 4096, "vcpus": 4, "eip": "80.158.1.2",
          "private_ip": "192.168.0.7"
        }
      }
      """;

  private static final List<String> ITEM_KEYS =
      List.of(
          "id",
          "name",
          "description",
          "status",
          "resource_id",
          "resource_type",
          "checkpoint_id",
          "policy_id",
          "created_at",
          "updated_at",
          "protected_at",
          "extend_info",
          "backup_data");

  private static final List<String> EXTEND_INFO_KEYS =
      List.of(
          "auto_trigger",
          "average_speed",
          "copy_from",
          "copy_status",
          "fail_code",
          "fail_op",
          "fail_reason",
          "image_type",
          "incremental",
          "progress",
          "resource_az",
          "resource_name",
          "resource_type",
          "size",
          "space_saving_ratio",
          "volume_backups",
          "finished_at",
          "supported_restore_mode",
          "os_images_data",
          "support_lld",
          "app_consistency",
          "taskid",
          "hypervisor_type");

  private static final List<String> BACKUP_DATA_KEYS =
      List.of(
          "__openstack_region_name",
          "cloudservicetype",
          "disk",
          "imagetype",
          "ram",
          "vcpus",
          "eip",
          "private_ip");

  private static final List<String> VOLUME_BACKUP_KEYS =
      List.of(
          "average_speed",
          "bootable",
          "id",
          "image_type",
          "incremental",
          "name",
          "size",
          "source_volume_id",
          "source_volume_size",
          "space_saving_ratio",
          "status",
          "source_volume_name",
          "snapshot_id");

  // --- the seed ---

  @Test
  void readsTheSeedsExample() {
    CheckpointItem item = CheckpointItemJson.read(seedItem());
    assertEquals("90c1d5fa-1b9f-4aeb-b2f4-81c806e98190", item.id());
    assertNull(item.projectId());
    assertEquals(BackupStatus.AVAILABLE, item.status());
    assertEquals(Instant.parse("2017-04-15T04:20:37.277880Z"), item.createdAt());
    assertNull(item.protectedAt());
    BackupData data = item.backupData();
    assertEquals("", data.openstackRegionName());
    assertEquals(4096L, data.ram());
    assertEquals(0L, data.disk());
    assertEquals(JsonValue.EMPTY_JSON_OBJECT, data.additional());
    ExtendInfo info = item.extendInfo();
    assertNull(info.failCode());
    assertNull(info.appConsistency());
    assertEquals(Boolean.FALSE, info.autoTrigger());
    assertEquals(100L, info.progress());
    assertEquals(Instant.parse("2017-04-15T04:25:38.675478Z"), info.finishedAt());
    assertEquals("e0a21692-2192-11e7-bf23-0242ac110007", info.taskid());
    assertEquals(2, info.volumeBackups().size());
    VolumeBackup second = info.volumeBackups().get(1);
    assertEquals("8eb98e91-8924-4d4b-b6d6-28fb7b751e9c", second.id());
    assertEquals("36f520e1-d2ea-4907-956a-3d9cd53e2d38", second.snapshotId());
    assertEquals(20L, second.sourceVolumeSize());
    assertEquals(
        List.of(new ImageData("fe84dd80-0229-4918-8d3d-cbb33154b565", null)), info.osImagesData());
    assertEquals(JsonValue.EMPTY_JSON_OBJECT, info.additional());
  }

  @Test
  void writesBackEveryValueOfTheSeed() {
    JsonObject seed = seedItem();
    JsonObject written = CheckpointItemJson.write(CheckpointItemJson.read(seed), false);
    assertContains("", seed, written);
    assertEquals(JsonValue.NULL, written.get("protected_at"));
    assertEquals(JsonValue.NULL, written.get("policy_id"));
    assertEquals(
        JsonValue.EMPTY_JSON_OBJECT, written.getJsonObject("extend_info").get("app_consistency"));
  }

  // --- writing ---

  @Test
  void writesKeysInTheContractsOrder() {
    CheckpointItem item = CheckpointItemJson.read(parse(FULL)).withProjectId("p-1");
    JsonObject written = CheckpointItemJson.write(item, false);
    assertEquals(ITEM_KEYS, new ArrayList<>(written.keySet()));
    assertEquals(EXTEND_INFO_KEYS, new ArrayList<>(written.getJsonObject("extend_info").keySet()));
    assertEquals(BACKUP_DATA_KEYS, new ArrayList<>(written.getJsonObject("backup_data").keySet()));
    JsonObject volume =
        written.getJsonObject("extend_info").getJsonArray("volume_backups").getJsonObject(1);
    assertEquals(VOLUME_BACKUP_KEYS, new ArrayList<>(volume.keySet()));
    JsonObject app = written.getJsonObject("extend_info").getJsonObject("app_consistency");
    assertEquals(
        List.of(
            "app_consistency",
            "app_consistency_status",
            "app_consistency_error_code",
            "app_consistency_error_message"),
        new ArrayList<>(app.keySet()));

    List<String> withProject = new ArrayList<>(ITEM_KEYS);
    withProject.add(11, "project_id");
    JsonObject all = CheckpointItemJson.write(item, true);
    assertEquals(withProject, new ArrayList<>(all.keySet()));
    assertEquals("p-1", all.getString("project_id"));
  }

  @Test
  void writesAnEmptyItemWithEveryKey() {
    CheckpointItem empty =
        new CheckpointItem(
            null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    String expected =
        """
        {"id":null,"name":null,"description":null,"status":null,"resource_id":null,
        "resource_type":null,"checkpoint_id":null,"policy_id":null,"created_at":null,
        "updated_at":null,"protected_at":null,"project_id":null,
        "extend_info":{"auto_trigger":null,"average_speed":null,"copy_from":null,
        "copy_status":null,"fail_code":{},"fail_op":null,"fail_reason":null,"image_type":null,
        "incremental":null,"progress":null,"resource_az":null,"resource_name":null,
        "resource_type":null,"size":null,"space_saving_ratio":null,"volume_backups":[],
        "finished_at":null,"supported_restore_mode":null,"os_images_data":[],"support_lld":null,
        "app_consistency":{},"taskid":null,"hypervisor_type":null},
        "backup_data":{"__openstack_region_name":null,"cloudservicetype":null,"disk":null,
        "imagetype":null,"ram":null,"vcpus":null,"eip":null,"private_ip":null}}
        """
            .replace("\n", "");
    assertEquals(expected, CheckpointItemJson.write(empty, true).toString());
  }

  @Test
  void writesIntegersAsJsonIntegersAndTimesCanonically() {
    JsonObject written =
        CheckpointItemJson.write(
            CheckpointItemJson.read(
                parse(
                    """
                    {"created_at": "2017-04-18T01:21:52.5+05:30",
                     "extend_info": {"size": 0, "progress": 100, "finished_at": "2017-04-18T01:21:52Z",
                       "fail_code": {"Code": 1234}},
                     "backup_data": {"ram": 9223372036854775807, "disk": -1}}
                    """)),
            false);
    String text = written.toString();
    assertTrue(text.contains("\"size\":0,"), text);
    assertTrue(text.contains("\"ram\":9223372036854775807,"), text);
    assertTrue(text.contains("\"disk\":-1,"), text);
    assertFalse(text.contains(".0,"), text);
    JsonNumber size = written.getJsonObject("extend_info").getJsonNumber("size");
    assertTrue(size.isIntegral());
    assertEquals("2017-04-17T19:51:52.500000", written.getString("created_at"));
    assertEquals(
        "2017-04-18T01:21:52.000000",
        written.getJsonObject("extend_info").getString("finished_at"));
    assertEquals(
        "{\"Code\":\"1234\",\"Description\":null}",
        written.getJsonObject("extend_info").getJsonObject("fail_code").toString());
  }

  @Test
  void keepsUnknownKeysOfTheDictionariesAfterTheKnownOnes() {
    JsonObject body =
        parse(
            """
            {"id": "i", "project_id": "someone-else", "unknown_top": 1,
             "extend_info": {"replication_records": [{"region": "eu-nl"}], "size": 5,
               "volume_backups": [{"id": "v", "encrypted": true}],
               "os_images_data": [{"image_id": "img", "min_disk": 40}]},
             "backup_data": {"flavor": {"id": "s3.large"}, "ram": 1}}
            """);
    CheckpointItem item = CheckpointItemJson.read(body);
    assertNull(item.projectId());
    assertEquals(
        parse("{\"replication_records\": [{\"region\": \"eu-nl\"}]}"),
        item.extendInfo().additional());
    assertEquals(parse("{\"flavor\": {\"id\": \"s3.large\"}}"), item.backupData().additional());
    assertEquals(
        parse("{\"encrypted\": true}"), item.extendInfo().volumeBackups().get(0).additional());
    assertEquals(parse("{\"min_disk\": 40}"), item.extendInfo().osImagesData().get(0).additional());

    JsonObject written = CheckpointItemJson.write(item, false);
    assertFalse(written.containsKey("unknown_top"));
    assertFalse(written.containsKey("project_id"));
    List<String> extendKeys = new ArrayList<>(written.getJsonObject("extend_info").keySet());
    assertEquals("replication_records", extendKeys.get(extendKeys.size() - 1));
    assertEquals(EXTEND_INFO_KEYS, extendKeys.subList(0, extendKeys.size() - 1));
    assertEquals(
        "{\"image_id\":\"img\",\"min_disk\":40}",
        written
            .getJsonObject("extend_info")
            .getJsonArray("os_images_data")
            .getJsonObject(0)
            .toString());
  }

  @Test
  void anAdditionalKeyNeverOverridesAKnownOne() {
    BackupData data =
        new BackupData(
            null, null, null, null, 1L, null, null, null, parse("{\"ram\": \"lots\", \"x\": 2}"));
    JsonObject written = FieldWriter.object(data, BackupDataJson::write);
    assertEquals(1, written.getInt("ram"));
    assertEquals(2, written.getInt("x"));
  }

  @Test
  void unsetListsAreWrittenEmptyAndEmptyListsStayEmpty() {
    CheckpointItem unset = CheckpointItemJson.read(parse("{\"extend_info\": {}}"));
    assertNull(unset.extendInfo().volumeBackups());
    assertNull(unset.backupData());
    JsonObject written = CheckpointItemJson.write(unset, false);
    assertEquals(
        JsonValue.EMPTY_JSON_ARRAY, written.getJsonObject("extend_info").get("volume_backups"));
    CheckpointItem empty =
        CheckpointItemJson.read(parse("{\"extend_info\": {\"volume_backups\": []}}"));
    assertEquals(List.of(), empty.extendInfo().volumeBackups());
  }

  // --- fail_code and app_consistency ---

  @Test
  void failCodeCodeIsReadFromANumberOrAString() {
    assertEquals(new FailCode("1234", "d"), failCode("{\"Code\": 1234, \"Description\": \"d\"}"));
    assertEquals(new FailCode("-7", null), failCode("{\"Code\": -7}"));
    assertEquals(
        new FailCode("123456789012345678901234567890", null),
        failCode("{\"Code\": 123456789012345678901234567890}"));
    assertEquals(
        new FailCode("CSBS.1234", null),
        failCode("{\"Code\": \"CSBS.1234\", \"Description\": null}"));
    assertEquals(new FailCode(null, "only text"), failCode("{\"Description\": \"only text\"}"));
    assertNull(failCode("{}"));
    assertNull(failCode("null"));
  }

  @Test
  void failCodeIsWrittenAsStrings() {
    assertEquals(
        "{\"Code\":\"1234\",\"Description\":\"d\"}",
        FieldWriter.object(new FailCode("1234", "d"), FailCodeJson::write).toString());
    assertEquals("{}", FieldWriter.object((FailCode) null, FailCodeJson::write).toString());
  }

  @Test
  void appConsistencyIsEmptyOrComplete() {
    assertNull(appConsistency("{}"));
    assertNull(appConsistency("null"));
    AppConsistency partial = appConsistency("{\"app_consistency\": 2}");
    assertEquals(new AppConsistency(2L, null, null, null), partial);
    assertEquals(
        "{\"app_consistency\":2,\"app_consistency_status\":null,"
            + "\"app_consistency_error_code\":null,\"app_consistency_error_message\":null}",
        FieldWriter.object(partial, AppConsistencyJson::write).toString());
  }

  // --- strictness ---

  static Stream<Arguments> wronglyTyped() {
    return Stream.of(
        wrong("/id", "7", "id", "must be a string"),
        wrong("/name", "true", "name", "must be a string"),
        wrong("/description", "[]", "description", "must be a string"),
        wrong("/status", "\"AVAILABLE\"", "status", "must be one of waiting_protect,"),
        wrong("/status", "\"unknown\"", "status", "must be one of"),
        wrong("/status", "3", "status", "must be a string"),
        wrong("/resource_id", "{}", "resource_id", "must be a string"),
        wrong("/created_at", "\"2017-04-18 01:21:52\"", "created_at", "must be a date-time"),
        wrong("/updated_at", "1492478512", "updated_at", "must be a string"),
        wrong("/protected_at", "\"2023-02-30T00:00:00\"", "protected_at", "must be a date-time"),
        wrong("/extend_info", "\"x\"", "extend_info", "must be an object"),
        wrong("/extend_info", "[]", "extend_info", "must be an object"),
        wrong("/extend_info/auto_trigger", "\"true\"", "extend_info.auto_trigger", "must be true"),
        wrong("/extend_info/auto_trigger", "1", "extend_info.auto_trigger", "must be true"),
        wrong(
            "/extend_info/average_speed", "1.5", "extend_info.average_speed", "must be an integer"),
        wrong(
            "/extend_info/average_speed", "2.0", "extend_info.average_speed", "must be an integer"),
        wrong(
            "/extend_info/average_speed", "1e3", "extend_info.average_speed", "must be an integer"),
        wrong("/extend_info/progress", "\"100\"", "extend_info.progress", "must be an integer"),
        wrong(
            "/extend_info/size",
            "9223372036854775808",
            "extend_info.size",
            "must be an integer from -9223372036854775808 to 9223372036854775807"),
        wrong("/extend_info/copy_status", "false", "extend_info.copy_status", "must be a string"),
        wrong("/extend_info/fail_code", "\"x\"", "extend_info.fail_code", "must be an object"),
        wrong(
            "/extend_info/fail_code/Code",
            "1.5",
            "extend_info.fail_code.Code",
            "must be a string or an integer"),
        wrong(
            "/extend_info/fail_code/Code",
            "true",
            "extend_info.fail_code.Code",
            "must be a string or an integer"),
        wrong(
            "/extend_info/fail_code/Description",
            "3",
            "extend_info.fail_code.Description",
            "must be a string"),
        wrong(
            "/extend_info/volume_backups", "{}", "extend_info.volume_backups", "must be an array"),
        wrong(
            "/extend_info/volume_backups/1",
            "\"v\"",
            "extend_info.volume_backups[1]",
            "must be an object"),
        wrong(
            "/extend_info/volume_backups/0",
            "null",
            "extend_info.volume_backups[0]",
            "must be an object"),
        wrong(
            "/extend_info/volume_backups/1/size",
            "\"0\"",
            "extend_info.volume_backups[1].size",
            "must be an integer"),
        wrong(
            "/extend_info/volume_backups/1/bootable",
            "\"yes\"",
            "extend_info.volume_backups[1].bootable",
            "must be true"),
        wrong(
            "/extend_info/volume_backups/0/snapshot_id",
            "1",
            "extend_info.volume_backups[0].snapshot_id",
            "must be a string"),
        wrong(
            "/extend_info/finished_at",
            "\"2017-04-15T04:25:38.6754781\"",
            "extend_info.finished_at",
            "must be a date-time"),
        wrong(
            "/extend_info/os_images_data",
            "\"img\"",
            "extend_info.os_images_data",
            "must be an array"),
        wrong(
            "/extend_info/os_images_data/0/image_id",
            "7",
            "extend_info.os_images_data[0].image_id",
            "must be a string"),
        wrong("/extend_info/support_lld", "0", "extend_info.support_lld", "must be true"),
        wrong(
            "/extend_info/app_consistency",
            "1",
            "extend_info.app_consistency",
            "must be an object"),
        wrong(
            "/extend_info/app_consistency/app_consistency",
            "\"1\"",
            "extend_info.app_consistency.app_consistency",
            "must be an integer"),
        wrong(
            "/extend_info/app_consistency/app_consistency_status",
            "2.5",
            "extend_info.app_consistency.app_consistency_status",
            "must be an integer"),
        wrong(
            "/extend_info/app_consistency/app_consistency_error_code",
            "5",
            "extend_info.app_consistency.app_consistency_error_code",
            "must be a string"),
        wrong("/extend_info/taskid", "{}", "extend_info.taskid", "must be a string"),
        wrong("/backup_data", "\"x\"", "backup_data", "must be an object"),
        wrong(
            "/backup_data/__openstack_region_name",
            "false",
            "backup_data.__openstack_region_name",
            "must be a string"),
        wrong("/backup_data/ram", "4096.5", "backup_data.ram", "must be an integer"),
        wrong("/backup_data/vcpus", "\"4\"", "backup_data.vcpus", "must be an integer"),
        wrong(
            "/backup_data/private_ip",
            "[\"10.0.0.1\"]",
            "backup_data.private_ip",
            "must be a string"));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("wronglyTyped")
  void refusesAWrongTypeNamingItsPath(String pointer, String value, String field, String problem) {
    JsonObject body = replace(parse(FULL), pointer, value);
    InvalidFieldException e =
        assertThrows(InvalidFieldException.class, () -> CheckpointItemJson.read(body));
    assertEquals(field, e.field());
    assertTrue(e.problem().startsWith(problem), e.problem());
    assertEquals(field + ": " + e.problem(), e.getMessage());
  }

  @Test
  void theFullExampleIsValidAndNullMeansUnset() {
    CheckpointItem item = CheckpointItemJson.read(parse(FULL));
    assertEquals(new FailCode("64006003", "snapshot failed"), item.extendInfo().failCode());
    assertEquals(new AppConsistency(1L, 2L, "E1", "frozen"), item.extendInfo().appConsistency());
    CheckpointItem nulled =
        CheckpointItemJson.read(replace(parse(FULL), "/extend_info/size", "null"));
    assertNull(nulled.extendInfo().size());
  }

  @Test
  void acceptsTheWholeLongRange() {
    JsonObject min = replace(parse(FULL), "/backup_data/ram", "-9223372036854775808");
    assertEquals(Long.MIN_VALUE, CheckpointItemJson.read(min).backupData().ram());
    JsonObject max = replace(parse(FULL), "/backup_data/ram", "9223372036854775807");
    assertEquals(Long.MAX_VALUE, CheckpointItemJson.read(max).backupData().ram());
  }

  // --- helpers ---

  private static Arguments wrong(String pointer, String value, String field, String problem) {
    return Arguments.of(pointer, value, field, problem);
  }

  private static FailCode failCode(String json) {
    return CheckpointItemJson.read(replace(parse(FULL), "/extend_info/fail_code", json))
        .extendInfo()
        .failCode();
  }

  private static AppConsistency appConsistency(String json) {
    return CheckpointItemJson.read(replace(parse(FULL), "/extend_info/app_consistency", json))
        .extendInfo()
        .appConsistency();
  }

  private static JsonObject replace(JsonObject object, String pointer, String json) {
    JsonValue value = Json.createReader(new StringReader("[" + json + "]")).readArray().get(0);
    return Json.createPointer(pointer).replace(object, value);
  }

  private static JsonObject parse(String json) {
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }

  private static JsonObject seedItem() {
    try (InputStream in = CheckpointItemJsonTest.class.getResourceAsStream("seed-response.json");
        JsonReader reader = Json.createReader(in)) {
      return reader.readObject().getJsonArray("checkpoint_items").getJsonObject(0);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Every member of {@code expected}, recursively, is in {@code actual} with the same value. */
  private static void assertContains(String path, JsonValue expected, JsonValue actual) {
    if (expected instanceof JsonObject object) {
      assertTrue(actual instanceof JsonObject, path);
      for (Map.Entry<String, JsonValue> member : object.entrySet()) {
        String memberPath = path + "/" + member.getKey();
        assertTrue(actual.asJsonObject().containsKey(member.getKey()), memberPath);
        assertContains(memberPath, member.getValue(), actual.asJsonObject().get(member.getKey()));
      }
    } else if (expected instanceof JsonArray array) {
      assertEquals(array.size(), actual.asJsonArray().size(), path);
      for (int i = 0; i < array.size(); i++) {
        assertContains(path + "/" + i, array.get(i), actual.asJsonArray().get(i));
      }
    } else {
      assertEquals(expected, actual, path);
    }
  }
}
