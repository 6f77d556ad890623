// How values are written in the table and the details; the browser test applies the same rules.

const NUMBER = new Intl.NumberFormat('en-US');

/** An API time (2025-07-01T02:06:41.512334, UTC) to the second: 2025-07-01 02:06:41. */
export function formatTime(value) {
  return typeof value === 'string' && value.length >= 19 ? value.slice(0, 19).replace('T', ' ') : '—';
}

/** A count or size with thousands separators. */
export function formatNumber(value) {
  return typeof value === 'number' ? NUMBER.format(value) : '—';
}

/** Any JSON value as text, exactly: null and '' are a dash, objects their JSON. */
export function formatValue(value) {
  if (value === null || value === undefined || value === '') {
    return '—';
  }
  if (typeof value === 'object') {
    return JSON.stringify(value);
  }
  return String(value);
}

/** A small element builder: attributes, then children (strings become text nodes, never HTML). */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) {
      continue;
    }
    if (name === 'className') {
      element.className = value;
    } else if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2).toLowerCase(), value);
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) {
      element.append(child instanceof Node ? child : String(child));
    }
  }
  return element;
}

/** A status as a coloured badge. */
export function statusBadge(status) {
  return h('span', { className: `badge status-${String(status)}` }, String(status ?? '—'));
}
