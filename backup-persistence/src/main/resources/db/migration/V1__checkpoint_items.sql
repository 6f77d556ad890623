-- The catalog of checkpoint items. Portable between Derby and PostgreSQL: the few differences are
-- placeholders set by SchemaMigration (${collate_c}: code point order for sorted strings on
-- PostgreSQL, Derby's UCS_BASIC already is; ${json_text}: unbounded text for unknown JSON keys).
-- Text columns are sized in UTF-16 units at twice the code point limits checked by the domain.

CREATE TABLE checkpoint_item (
  id                     VARCHAR(64) ${collate_c} NOT NULL,
  project_id             VARCHAR(64) ${collate_c} NOT NULL,
  revision               VARCHAR(36) NOT NULL,
  name                   VARCHAR(512) ${collate_c} NOT NULL,
  name_folded            VARCHAR(1024) NOT NULL,
  description            VARCHAR(8192),
  status                 VARCHAR(32) ${collate_c} NOT NULL,
  resource_id            VARCHAR(512) NOT NULL,
  resource_type          VARCHAR(512) NOT NULL,
  checkpoint_id          VARCHAR(512) NOT NULL,
  policy_id              VARCHAR(512),
  created_at             TIMESTAMP NOT NULL,
  updated_at             TIMESTAMP NOT NULL,
  protected_at           TIMESTAMP,
  protected_order        TIMESTAMP NOT NULL,
  auto_trigger           BOOLEAN,
  average_speed          BIGINT,
  copy_from              VARCHAR(512),
  copy_status            VARCHAR(512),
  fail_code              VARCHAR(512),
  fail_description       VARCHAR(8192),
  fail_op                VARCHAR(512),
  fail_reason            VARCHAR(8192),
  image_type             VARCHAR(512),
  incremental            BOOLEAN,
  progress               BIGINT,
  resource_az            VARCHAR(512),
  resource_name          VARCHAR(512),
  resource_name_folded   VARCHAR(1024),
  extend_resource_type   VARCHAR(512),
  size_mb                BIGINT,
  space_saving_ratio     BIGINT,
  finished_at            TIMESTAMP,
  supported_restore_mode VARCHAR(512),
  support_lld            BOOLEAN,
  app_consistency        BIGINT,
  app_consistency_status BIGINT,
  app_consistency_error_code    VARCHAR(512),
  app_consistency_error_message VARCHAR(8192),
  has_app_consistency    BOOLEAN NOT NULL,
  taskid                 VARCHAR(512),
  hypervisor_type        VARCHAR(512),
  extend_info_extra      ${json_text},
  region_name            VARCHAR(512),
  cloud_service_type     VARCHAR(512),
  disk                   BIGINT,
  server_image_type      VARCHAR(512),
  ram                    BIGINT,
  vcpus                  BIGINT,
  eip                    VARCHAR(512),
  private_ip             VARCHAR(512),
  backup_data_extra      ${json_text},
  CONSTRAINT pk_checkpoint_item PRIMARY KEY (id)
);

CREATE TABLE volume_backup (
  item_id            VARCHAR(64) ${collate_c} NOT NULL,
  position           INTEGER NOT NULL,
  id                 VARCHAR(512),
  average_speed      BIGINT,
  bootable           BOOLEAN,
  image_type         VARCHAR(512),
  incremental        BOOLEAN,
  name               VARCHAR(512),
  size_mb            BIGINT,
  source_volume_id   VARCHAR(512),
  source_volume_size BIGINT,
  space_saving_ratio BIGINT,
  status             VARCHAR(512),
  source_volume_name VARCHAR(512),
  snapshot_id        VARCHAR(512),
  extra              ${json_text},
  CONSTRAINT pk_volume_backup PRIMARY KEY (item_id, position),
  CONSTRAINT fk_volume_backup_item FOREIGN KEY (item_id) REFERENCES checkpoint_item (id) ON DELETE CASCADE
);

CREATE TABLE os_image (
  item_id  VARCHAR(64) ${collate_c} NOT NULL,
  position INTEGER NOT NULL,
  image_id VARCHAR(512),
  extra    ${json_text},
  CONSTRAINT pk_os_image PRIMARY KEY (item_id, position),
  CONSTRAINT fk_os_image_item FOREIGN KEY (item_id) REFERENCES checkpoint_item (id) ON DELETE CASCADE
);

-- One index per sort key, each holding the whole effective order (key, created_at, id) inside a
-- project, so that a page (first or deep, by marker) is a bounded range scan. The default order is
-- descending and Derby does not scan indexes backwards, so the created_at index is descending.
CREATE INDEX ix_item_created ON checkpoint_item (project_id, created_at DESC, id DESC);
CREATE INDEX ix_item_updated ON checkpoint_item (project_id, updated_at, created_at, id);
CREATE INDEX ix_item_name ON checkpoint_item (project_id, name, created_at, id);
CREATE INDEX ix_item_status ON checkpoint_item (project_id, status, created_at, id);
CREATE INDEX ix_item_protected ON checkpoint_item (project_id, protected_order, created_at, id);
CREATE INDEX ix_item_project_id ON checkpoint_item (project_id, id);
-- all_tenants lists, and the exact-match filters that pick few items out of large projects.
CREATE INDEX ix_item_all_created ON checkpoint_item (created_at DESC, id DESC);
CREATE INDEX ix_item_resource ON checkpoint_item (project_id, resource_id);
CREATE INDEX ix_item_checkpoint ON checkpoint_item (project_id, checkpoint_id);
