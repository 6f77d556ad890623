-- A reader takes an item's row and its child rows in two statements. A write committed between
-- them would pair one revision's fields with another's volume backups. Each child row now names
-- the revision that wrote it, and the item its number of children, so that a reader can tell and
-- read again. NULL (rows of the bulk loader, which no one writes concurrently) means "not known".
ALTER TABLE checkpoint_item ADD COLUMN volume_backup_count INTEGER;
ALTER TABLE checkpoint_item ADD COLUMN image_count INTEGER;
ALTER TABLE volume_backup ADD COLUMN revision VARCHAR(36);
ALTER TABLE os_image ADD COLUMN revision VARCHAR(36);
