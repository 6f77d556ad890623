// The details of one item: every field the API returned, grouped, with volume backups and
// images as tables. Each value carries its JSON path in data-field.
import { formatValue, h, statusBadge } from './format.js';

const NESTED_IN_EXTEND_INFO = ['fail_code', 'volume_backups', 'os_images_data'];

function isPlainObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isObjectList(value) {
  return Array.isArray(value) && value.every(isPlainObject);
}

/** A definition list of an object's fields; nested objects become nested lists. */
function fieldList(object, path, skip = []) {
  const list = h('dl', { className: 'fields' });
  for (const [key, value] of Object.entries(object)) {
    if (skip.includes(key)) {
      continue;
    }
    const field = `${path}${key}`;
    let shown;
    if (isPlainObject(value) && Object.keys(value).length > 0) {
      shown = fieldList(value, `${field}.`);
    } else if (isObjectList(value) && value.length > 0) {
      shown = objectTable(value, field);
    } else {
      const text = formatValue(value);
      shown = h('span', { className: text === '—' ? 'value muted' : 'value', 'data-field': field }, text);
    }
    list.append(h('div', { className: 'field-row' }, h('dt', {}, key), h('dd', {}, shown)));
  }
  return list;
}

/** A table of a list of objects: one column per key any of them has. */
function objectTable(rows, path) {
  const keys = [];
  for (const row of rows) {
    for (const key of Object.keys(row)) {
      if (!keys.includes(key)) {
        keys.push(key);
      }
    }
  }
  return h('div', { className: 'table-wrap' },
    h('table', { className: 'sub-table', 'data-list': path },
      h('thead', {}, h('tr', {}, keys.map((key) => h('th', { scope: 'col' }, key)))),
      h('tbody', {}, rows.map((row, index) => h('tr', {},
        keys.map((key) => {
          const text = formatValue(row[key]);
          return h('td', { 'data-field': `${path}[${index}].${key}` }, text);
        }))))));
}

function section(title, ...content) {
  return h('section', { className: 'details-section' }, h('h3', {}, title), ...content);
}

/** The failure, or a plain "none". */
function failure(extend) {
  const code = isPlainObject(extend.fail_code) ? extend.fail_code : {};
  const failed = Object.keys(code).length > 0
    || (typeof extend.fail_reason === 'string' && extend.fail_reason !== '');
  const fields = h('dl', { className: 'fields' },
    ['Code', 'Description'].map((key) => h('div', { className: 'field-row' },
      h('dt', {}, `fail_code.${key}`),
      h('dd', {}, h('span', { className: 'value', 'data-field': `extend_info.fail_code.${key}` },
        formatValue(code[key]))))),
    ['fail_reason', 'fail_op'].map((key) => h('div', { className: 'field-row' },
      h('dt', {}, key),
      h('dd', {}, h('span', { className: 'value', 'data-field': `extend_info.${key}` },
        formatValue(extend[key]))))));
  return h('div', { className: failed ? 'failure failed' : 'failure' },
    h('p', { className: 'failure-summary' }, failed ? 'This backup failed.' : 'No failure.'),
    fields);
}

function listOrNone(list, path, none) {
  return Array.isArray(list) && list.length > 0
    ? objectTable(list, path)
    : h('p', { className: 'muted', 'data-list': path, 'data-empty': 'true' }, none);
}

/** Fills the dialog's body with the item. */
export function renderDetails(body, item, url) {
  const extend = isPlainObject(item.extend_info) ? item.extend_info : {};
  const backupData = isPlainObject(item.backup_data) ? item.backup_data : {};
  body.replaceChildren(
    h('div', { className: 'details-status' }, statusBadge(item.status),
      h('span', { className: 'details-name' }, formatValue(item.name))),
    section('Backup', fieldList(item, '', ['extend_info', 'backup_data'])),
    section('Failure', failure(extend)),
    section('Volume backups',
      listOrNone(extend.volume_backups, 'extend_info.volume_backups', 'No volume backups.')),
    section('Images',
      listOrNone(extend.os_images_data, 'extend_info.os_images_data', 'No images.')),
    section('Extended information',
      fieldList(extend, 'extend_info.', [...NESTED_IN_EXTEND_INFO, 'fail_reason', 'fail_op'])),
    section('Backup data', fieldList(backupData, 'backup_data.')),
    h('details', { className: 'raw' },
      h('summary', {}, 'JSON as returned by the API'),
      h('p', { className: 'request-line' }, h('span', { className: 'request-method' }, 'GET'),
        h('code', { id: 'details-url', className: 'request-url' }, url)),
      h('pre', {}, JSON.stringify(item, null, 2))));
}
