package org.backupcatalog.loader;

import java.util.List;

/** A cloud region and its availability zones; each project lives in one. */
record Region(String name, List<String> zones) {

  static final List<Region> ALL =
      List.of(
          new Region("eu-de", List.of("eu-de-01", "eu-de-02", "eu-de-03")),
          new Region("eu-nl", List.of("eu-nl-01", "eu-nl-02", "eu-nl-03")),
          new Region("ap-southeast-1", List.of("ap-southeast-1a", "ap-southeast-1b")),
          new Region("cn-north-4", List.of("cn-north-4a", "cn-north-4b", "cn-north-4c")),
          new Region("dc1", List.of("az1.dc1", "az2.dc1")));

  static Region of(int projectIndex) {
    return ALL.get(projectIndex % ALL.size());
  }

  /** Where replicas of this region's backups come from: any other region. */
  String otherThan(int choice) {
    List<Region> others = ALL.stream().filter(r -> r != this).toList();
    return others.get(Math.floorMod(choice, others.size())).name();
  }
}
