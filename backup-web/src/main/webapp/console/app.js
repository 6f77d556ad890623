// The console: sign-in by token, the query form, the paged table, the count and its chart, and
// the details dialog. It keeps no state on the server; the token lives in this tab's
// sessionStorage until sign-out.
import { ApiError, getJson, itemUrl } from './api.js';
import { chartMessage, renderChart } from './chart.js';
import { renderDetails } from './details.js';
import { formatNumber, formatTime, formatValue, h, statusBadge } from './format.js';
import { STATUSES, countUrl, filtersOf, listUrl } from './query.js';
import { claimsOf, identityOf } from './token.js';

const TOKEN_KEY = 'backup-console.token';
const PROJECT_KEY = 'backup-console.project';

const $ = (id) => document.getElementById(id);

/** The table's columns; those with a sortKey sort by the API's sort parameter. */
const COLUMNS = [
  { id: 'id', label: 'ID', sortKey: 'id', firstDir: 'asc' },
  { id: 'project', label: 'Project', allTenantsOnly: true },
  { id: 'name', label: 'Name', sortKey: 'name', firstDir: 'asc', truncated: true },
  { id: 'status', label: 'Status', sortKey: 'status', firstDir: 'asc' },
  { id: 'resource', label: 'Resource', truncated: true },
  { id: 'created', label: 'Created (UTC)', sortKey: 'created_at', firstDir: 'desc' },
  { id: 'protected', label: 'Protected (UTC)', sortKey: 'protected_at', firstDir: 'desc' },
  { id: 'size', label: 'Size (MB)', numeric: true },
];

/** The API's order when no sort is sent (CONTRACT section 4). */
const DEFAULT_SORT = { key: 'created_at', dir: 'desc' };

const state = {
  token: '',
  identity: null,
  filters: null,
  sort: null,
  limit: 25,
  /** The URLs of the pages walked so far: the query's first page, then each followed next link. */
  pages: [],
  nextHref: null,
  itemCount: null,
  pageLoad: 0,
  countLoad: 0,
  detailsLoad: 0,
};

// ---------------------------------------------------------------------------------------------
// Sign-in and sign-out

let projectFromToken = '';

function onTokenInput() {
  const identity = identityOf(claimsOf($('token').value));
  const field = $('sign-in-project');
  // Follow the token while the field still shows what an earlier token said (or nothing).
  if (field.value === '' || field.value === projectFromToken) {
    field.value = identity.project;
  }
  projectFromToken = identity.project;
}

async function onSignIn(event) {
  event.preventDefault();
  const token = $('token').value.trim();
  const project = $('sign-in-project').value.trim();
  hideAlert($('sign-in-error'));
  if (token === '') {
    showMessage($('sign-in-error'), 'Paste a token first.');
    $('token').focus();
    return;
  }
  if (project === '') {
    showMessage($('sign-in-error'), 'Name a project: the token does not carry a readable project_id.');
    $('sign-in-project').focus();
    return;
  }
  const submit = $('sign-in-submit');
  submit.disabled = true;
  try {
    // One cheap call tells a refused token (401) from a valid one; any other answer signs in and
    // is shown with the query.
    await getJson(countUrl({ project, allTenants: false, statuses: [], text: {} }), token);
  } catch (error) {
    if (error instanceof ApiError && (error.status === 401 || error.status === 0)) {
      showApiError($('sign-in-error'), error, 'The API refused this token.');
      submit.disabled = false;
      return;
    }
  }
  submit.disabled = false;
  sessionStorage.setItem(TOKEN_KEY, token);
  sessionStorage.setItem(PROJECT_KEY, project);
  enterConsole(token, project);
}

function enterConsole(token, project) {
  state.token = token;
  state.identity = identityOf(claimsOf(token));
  const identity = state.identity;
  $('identity-subject').textContent = identity.subject || 'unknown user';
  $('identity-role').textContent = identity.admin
    ? 'admin'
    : identity.roles.includes('backup_engine') ? 'backup engine' : 'member';
  $('identity').title = [
    identity.project ? `Token project: ${identity.project}` : '',
    identity.expires ? `Expires: ${identity.expires.toISOString().slice(0, 16).replace('T', ' ')} UTC` : '',
  ].filter(Boolean).join('\n');
  $('identity').hidden = false;
  $('sign-in').hidden = true;
  $('console').hidden = false;
  $('filter-form').reset();
  $('project').value = project;
  $('all-tenants').checked = false;
  state.sort = null;
  runQuery();
  $('project').focus();
}

/** Back to the sign-in form; with an error when the API refused the token mid-session. */
function signOut(error) {
  sessionStorage.removeItem(TOKEN_KEY);
  sessionStorage.removeItem(PROJECT_KEY);
  state.token = '';
  state.pageLoad += 1;
  state.countLoad += 1;
  state.detailsLoad += 1;
  if ($('details').open) {
    $('details').close();
  }
  $('identity').hidden = true;
  $('console').hidden = true;
  $('sign-in').hidden = false;
  $('token').value = '';
  $('sign-in-project').value = '';
  projectFromToken = '';
  if (error) {
    showApiError($('sign-in-error'), error, 'The API refused the token; sign in again.');
  } else {
    hideAlert($('sign-in-error'));
  }
  $('token').focus();
}

// ---------------------------------------------------------------------------------------------
// The query, the table and the pages

function runQuery() {
  const filters = filtersOf($('filter-form'));
  if (filters.project === '') {
    showMessage($('api-error'), 'Name a project.');
    $('project').focus();
    return;
  }
  state.filters = filters;
  state.pages = [listUrl(filters, state.sort, state.limit)];
  $('scope-label').textContent = filters.allTenants ? 'in all tenants' : `in ${filters.project}`;
  loadPage();
  loadCounts();
}

/** Re-reads the first page after the order or the page size changed; the counts stay. */
function restartPages() {
  if (!state.filters) {
    return;
  }
  state.pages = [listUrl(state.filters, state.sort, state.limit)];
  loadPage();
}

async function loadPage() {
  const load = ++state.pageLoad;
  const url = state.pages[state.pages.length - 1];
  const table = $('items');
  table.setAttribute('aria-busy', 'true');
  $('request-url').textContent = url;
  setPagerEnabled(false, false);
  $('page-status').textContent = 'Loading…';
  try {
    const body = await getJson(url, state.token);
    if (load !== state.pageLoad) {
      return;
    }
    hideAlert($('api-error'));
    const items = Array.isArray(body.checkpoint_items) ? body.checkpoint_items : [];
    const links = Array.isArray(body.checkpoint_items_links) ? body.checkpoint_items_links : [];
    state.nextHref = links.find((link) => link?.rel === 'next')?.href ?? null;
    renderTable(items);
    renderPageStatus(items.length);
  } catch (error) {
    if (load !== state.pageLoad) {
      return;
    }
    if (error instanceof ApiError && error.status === 401) {
      signOut(error);
      return;
    }
    state.nextHref = null;
    renderTable([]);
    $('empty').hidden = true;
    $('page-status').textContent = 'No page';
    showApiError($('api-error'), error, 'The query failed.');
  } finally {
    if (load === state.pageLoad) {
      table.removeAttribute('aria-busy');
      setPagerEnabled(state.pages.length > 1, state.nextHref !== null);
    }
  }
}

function renderTable(items) {
  const allTenants = state.filters?.allTenants ?? false;
  const columns = COLUMNS.filter((column) => allTenants || !column.allTenantsOnly);
  const sort = state.sort ?? DEFAULT_SORT;
  // The header is drawn again: the focus stays on the same column's button.
  const focusedSortKey = document.activeElement?.closest('#items-head')
    ? document.activeElement.dataset.sortKey
    : null;
  $('items-head').replaceChildren(...columns.map((column) => {
    const sorted = column.sortKey === sort.key;
    const ariaSort = sorted ? (sort.dir === 'asc' ? 'ascending' : 'descending') : null;
    const content = column.sortKey
      ? h('button', {
        type: 'button',
        className: 'sort',
        'data-sort-key': column.sortKey,
        onClick: () => onSort(column),
      }, column.label, h('span', { className: 'sort-mark', 'aria-hidden': 'true' },
        sorted ? (sort.dir === 'asc' ? '▲' : '▼') : '↕'))
      : column.label;
    return h('th', {
      scope: 'col',
      className: column.numeric ? 'numeric' : null,
      'aria-sort': ariaSort,
      'data-column': column.id,
    }, content);
  }));
  if (focusedSortKey) {
    $('items-head').querySelector(`button[data-sort-key="${focusedSortKey}"]`)?.focus();
  }
  $('items-body').replaceChildren(...items.map((item) => {
    const row = h('tr', { 'data-id': formatValue(item.id) },
      columns.map((column) => {
        const cell = h('td', {
          'data-column': column.id,
          className: column.numeric ? 'numeric' : null,
        }, cellOf(column.id, item));
        if (column.truncated) {
          // The cell may be cut short with an ellipsis; the whole text shows on hover.
          cell.title = cell.textContent;
        }
        return cell;
      }));
    row.addEventListener('click', (event) => {
      if (!(event.target instanceof HTMLButtonElement)) {
        openDetails(item);
      }
    });
    return row;
  }));
  $('empty').hidden = items.length > 0;
}

function cellOf(column, item) {
  const extend = item.extend_info ?? {};
  switch (column) {
    case 'id':
      return h('button', {
        type: 'button',
        className: 'link',
        onClick: () => openDetails(item),
      }, formatValue(item.id));
    case 'project':
      return formatValue(item.project_id);
    case 'name':
      return formatValue(item.name);
    case 'status':
      return statusBadge(item.status);
    case 'resource':
      return formatValue(extend.resource_name);
    case 'created':
      return formatTime(item.created_at);
    case 'protected':
      return formatTime(item.protected_at);
    case 'size':
      return formatNumber(extend.size);
    default:
      return '';
  }
}

function onSort(column) {
  const sort = state.sort ?? DEFAULT_SORT;
  if (sort.key === column.sortKey) {
    state.sort = { key: column.sortKey, dir: sort.dir === 'asc' ? 'desc' : 'asc' };
  } else {
    state.sort = { key: column.sortKey, dir: column.firstDir };
  }
  restartPages();
}

function renderPageStatus(shown) {
  const page = state.pages.length;
  const first = (page - 1) * state.limit + 1;
  const range = shown === 0 ? 'no rows' : `rows ${formatNumber(first)}–${formatNumber(first + shown - 1)}`;
  const total = state.itemCount === null ? '' : ` of ${formatNumber(state.itemCount)}`;
  $('page-status').textContent = `Page ${page} · ${range}${total}`;
}

function setPagerEnabled(back, forward) {
  const focused = document.activeElement;
  $('first').disabled = !back;
  $('previous').disabled = !back;
  $('next').disabled = !forward;
  // A button that is disabled while it has the focus would drop it to the page's start.
  if (focused instanceof HTMLButtonElement && focused.disabled && focused.closest('.pager')) {
    $('results').focus();
  }
}

function onNext() {
  if (state.nextHref) {
    state.pages.push(state.nextHref);
    loadPage();
  }
}

function onPrevious() {
  if (state.pages.length > 1) {
    state.pages.pop();
    loadPage();
  }
}

function onFirst() {
  if (state.pages.length > 1) {
    state.pages = [state.pages[0]];
    loadPage();
  }
}

// ---------------------------------------------------------------------------------------------
// The count and the chart

async function loadCounts() {
  const load = ++state.countLoad;
  const filters = state.filters;
  const statuses = filters.statuses.length > 0 ? filters.statuses : STATUSES;
  state.itemCount = null;
  $('count').textContent = '…';
  $('count').classList.remove('failed');
  chartMessage($('chart'), 'Counting…');
  try {
    const [total, ...byStatus] = await Promise.all([
      getJson(countUrl(filters, null), state.token),
      ...statuses.map((status) => getJson(countUrl(filters, status), state.token)),
    ]);
    if (load !== state.countLoad) {
      return;
    }
    state.itemCount = typeof total.count === 'number' ? total.count : null;
    $('count').textContent = formatNumber(state.itemCount);
    renderChart($('chart'), statuses.map((status, index) => ({
      status,
      count: typeof byStatus[index].count === 'number' ? byStatus[index].count : 0,
    })));
    if ($('items').getAttribute('aria-busy') === null && state.pages.length > 0) {
      renderPageStatus($('items-body').rows.length);
    }
  } catch (error) {
    if (load !== state.countLoad) {
      return;
    }
    if (error instanceof ApiError && error.status === 401) {
      signOut(error);
      return;
    }
    $('count').textContent = '–';
    $('count').classList.add('failed');
    const code = error instanceof ApiError && error.code ? `${error.code}: ` : '';
    chartMessage($('chart'), `No counts: ${code}${error.message}`);
  }
}

// ---------------------------------------------------------------------------------------------
// The details dialog

async function openDetails(item) {
  const load = ++state.detailsLoad;
  const dialog = $('details');
  const project = typeof item.project_id === 'string' ? item.project_id : state.filters.project;
  const url = itemUrl(project, String(item.id));
  $('details-title').textContent = formatValue(item.id);
  hideAlert($('details-error'));
  $('details-body').replaceChildren(h('p', { className: 'muted' }, 'Loading…'));
  if (!dialog.open) {
    dialog.showModal();
  }
  $('details-close').focus();
  try {
    const body = await getJson(url, state.token);
    if (load !== state.detailsLoad) {
      return;
    }
    renderDetails($('details-body'), body.checkpoint_item ?? {}, url);
  } catch (error) {
    if (load !== state.detailsLoad) {
      return;
    }
    if (error instanceof ApiError && error.status === 401) {
      signOut(error);
      return;
    }
    $('details-body').replaceChildren();
    showApiError($('details-error'), error, 'The backup could not be read.');
  }
}

// ---------------------------------------------------------------------------------------------
// Messages

/** Shows an API error as the API wrote it: HTTP status, error_code, error_msg and request id. */
function showApiError(box, error, lead) {
  const api = error instanceof ApiError ? error : new ApiError(0, '', String(error?.message ?? error), '');
  box.replaceChildren(
    h('p', { className: 'alert-lead' }, lead),
    h('p', { className: 'alert-body' },
      api.status ? h('span', { className: 'alert-status', 'data-error-status': api.status }, `HTTP ${api.status}`) : null,
      api.code ? h('code', { className: 'alert-code', 'data-error-code': '' }, api.code) : null,
      h('span', { className: 'alert-message', 'data-error-msg': '' }, api.message)),
    api.requestId
      ? h('p', { className: 'alert-request' }, 'Request ID ',
        h('code', { 'data-request-id': '' }, api.requestId))
      : null);
  box.hidden = false;
}

function showMessage(box, text) {
  box.replaceChildren(h('p', { className: 'alert-body' }, h('span', { className: 'alert-message' }, text)));
  box.hidden = false;
}

function hideAlert(box) {
  box.hidden = true;
  box.replaceChildren();
}

// ---------------------------------------------------------------------------------------------
// Start

function buildStatusOptions() {
  $('status-options').replaceChildren(...STATUSES.map((status) => h('div', { className: 'check' },
    h('input', { type: 'checkbox', id: `status-${status}`, name: 'status', value: status }),
    h('label', { for: `status-${status}` },
      h('span', { className: `dot status-${status}`, 'aria-hidden': 'true' }), status))));
}

function start() {
  buildStatusOptions();
  $('token').addEventListener('input', onTokenInput);
  $('sign-in-form').addEventListener('submit', onSignIn);
  $('sign-out').addEventListener('click', () => signOut(null));
  $('filter-form').addEventListener('submit', (event) => {
    event.preventDefault();
    runQuery();
  });
  $('reset-filters').addEventListener('click', () => {
    const project = $('project').value;
    $('filter-form').reset();
    $('project').value = project;
    state.sort = null;
    runQuery();
  });
  $('page-size').addEventListener('change', () => {
    state.limit = Number($('page-size').value);
    restartPages();
  });
  $('next').addEventListener('click', onNext);
  $('previous').addEventListener('click', onPrevious);
  $('first').addEventListener('click', onFirst);
  $('details-close').addEventListener('click', () => $('details').close());
  state.limit = Number($('page-size').value);

  const token = sessionStorage.getItem(TOKEN_KEY);
  const project = sessionStorage.getItem(PROJECT_KEY);
  if (token && project) {
    enterConsole(token, project);
  } else {
    $('sign-in').hidden = false;
    $('token').focus();
  }
}

start();
