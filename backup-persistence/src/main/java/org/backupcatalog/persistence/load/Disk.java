package org.backupcatalog.persistence.load;

/** One disk (Cinder volume) of a backed-up resource. */
record Disk(String id, String name, long sizeGb, boolean bootable) {}
