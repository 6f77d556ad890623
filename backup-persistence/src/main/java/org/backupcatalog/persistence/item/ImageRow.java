package org.backupcatalog.persistence.item;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/** One entry of an item's {@code os_images_data}. */
@Entity
@Table(name = "os_image")
@IdClass(ChildRowKey.class)
@Access(AccessType.FIELD)
public class ImageRow {

  @Id
  @Column(name = "item_id")
  String itemId;

  @Id int position;

  /** The item's revision that wrote this row. */
  String revision;

  @Column(name = "image_id")
  String imageId;

  @Lob String extra;
}
