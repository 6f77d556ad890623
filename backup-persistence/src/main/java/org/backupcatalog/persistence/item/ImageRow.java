package org.backupcatalog.persistence.item;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Lob;

/** One entry of an item's {@code os_images_data}. */
@Embeddable
@Access(AccessType.FIELD)
public class ImageRow {

  @Column(name = "image_id")
  String imageId;

  @Lob String extra;
}
