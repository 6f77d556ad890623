package org.backupcatalog.loader;

/** What a backup records of a server (the item's backup_data); volumes have none. */
record Host(
    String cloudServiceType,
    long systemDiskGb,
    String imageType,
    long ramMb,
    long vcpus,
    String eip,
    String privateIp) {}
