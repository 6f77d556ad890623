// The query of the form as API URLs: the list (with sort and page size) and /count (without).
import { API_ROOT } from './api.js';

/** The nine statuses of the contract, in the order of a backup's life. */
export const STATUSES = [
  'waiting_protect', 'protecting', 'available', 'waiting_restore', 'restoring',
  'error', 'waiting_delete', 'deleting', 'deleted',
];

/** The single-valued filters whose form field has the parameter's name. */
export const TEXT_FILTERS = [
  'name', 'resource_name', 'resource_id', 'checkpoint_id', 'policy_id',
  'resource_type', 'image_type', 'az', 'ip',
];

/** The applied query, read from the filter form. */
export function filtersOf(form) {
  const data = new FormData(form);
  const text = {};
  for (const name of TEXT_FILTERS) {
    const value = String(data.get(name) ?? '').trim();
    if (value !== '') {
      text[name] = value;
    }
  }
  return {
    project: String(data.get('project') ?? '').trim(),
    allTenants: data.get('all_tenants') !== null,
    statuses: data.getAll('status').map(String),
    text,
    start: apiTime(String(data.get('start_time') ?? '')),
    end: apiTime(String(data.get('end_time') ?? '')),
  };
}

/** A datetime-local value as the API's time (no offset: UTC); seconds are added when missing. */
function apiTime(value) {
  if (value === '') {
    return '';
  }
  return value.length === 16 ? `${value}:00` : value;
}

function filterParams(filters, statuses) {
  const params = new URLSearchParams();
  if (filters.allTenants) {
    params.append('all_tenants', 'true');
  }
  for (const status of statuses) {
    params.append('status', status);
  }
  for (const [name, value] of Object.entries(filters.text)) {
    params.append(name, value);
  }
  if (filters.start) {
    params.append('start_time', filters.start);
  }
  if (filters.end) {
    params.append('end_time', filters.end);
  }
  return params;
}

function collectionUrl(project, suffix, params) {
  const path = `v1/${encodeURIComponent(project)}/checkpoint_items${suffix}`;
  const url = new URL(path, API_ROOT);
  url.search = params.toString();
  return url.href;
}

/** The first page of the list; sort is {key, dir} or null for the API's default order. */
export function listUrl(filters, sort, limit) {
  const params = filterParams(filters, filters.statuses);
  if (sort) {
    params.append('sort', `${sort.key}:${sort.dir}`);
  }
  params.append('limit', String(limit));
  return collectionUrl(filters.project, '', params);
}

/** /count of the query, or of the query narrowed to one status. */
export function countUrl(filters, onlyStatus) {
  const statuses = onlyStatus ? [onlyStatus] : filters.statuses;
  return collectionUrl(filters.project, '/count', filterParams(filters, statuses));
}
