package org.backupcatalog.loader;

import java.util.List;

/**
 * A server or volume that a project backs up again and again; its backups share its id, name, zone
 * and disks, so that filtering by resource finds a realistic history.
 *
 * @param host the server's metadata, null for a volume
 */
record Resource(String id, String name, String az, List<Disk> disks, Host host) {

  static final String SERVER = "OS::Nova::Server";
  static final String VOLUME = "OS::Cinder::Volume";

  boolean isServer() {
    return host != null;
  }

  String type() {
    return isServer() ? SERVER : VOLUME;
  }
}
