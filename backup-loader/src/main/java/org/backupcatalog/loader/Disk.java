package org.backupcatalog.loader;

/** One disk (Cinder volume) of a backed-up resource. */
record Disk(String id, String name, long sizeGb, boolean bootable) {}
