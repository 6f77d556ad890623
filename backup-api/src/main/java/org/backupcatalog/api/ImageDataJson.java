package org.backupcatalog.api;

import java.util.Set;

/** One {@code os_images_data} entry. */
final class ImageDataJson {

  static final String IMAGE_ID = "image_id";
  static final Set<String> KNOWN = Set.of(IMAGE_ID);

  private ImageDataJson() {}

  static ImageData read(FieldReader in) {
    return new ImageData(in.string(IMAGE_ID), in.additional(KNOWN));
  }

  static void write(FieldWriter out, ImageData image) {
    out.string(IMAGE_ID, image.imageId()).additional(image.additional(), KNOWN);
  }
}
