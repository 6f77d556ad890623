// A horizontal bar chart of counts by status, drawn as SVG. It is one image for assistive
// technology, described by a text listing every count.
import { formatNumber } from './format.js';

const SVG = 'http://www.w3.org/2000/svg';
const ROW = 22;
const LABEL = 128;
const VALUE = 64;

function svg(tag, attributes = {}, text) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) {
    element.setAttribute(name, String(value));
  }
  if (text !== undefined) {
    element.textContent = text;
  }
  return element;
}

let chartNumber = 0;

/** Draws [{status, count}] into the container, replacing what was there. */
export function renderChart(container, entries) {
  chartNumber += 1;
  const titleId = `chart-title-${chartNumber}`;
  const descId = `chart-desc-${chartNumber}`;
  // Drawn at the container's own width, so that the text keeps its size and the bars use the room.
  const width = Math.max(360, Math.floor(container.clientWidth) || 520);
  const height = Math.max(entries.length, 1) * ROW + 4;
  const max = Math.max(1, ...entries.map((entry) => entry.count));
  const barSpace = width - LABEL - VALUE;
  const root = svg('svg', {
    viewBox: `0 0 ${width} ${height}`,
    width,
    height,
    role: 'img',
    'aria-labelledby': `${titleId} ${descId}`,
    class: 'bars',
  });
  root.append(svg('title', { id: titleId }, 'Backups by status'));
  root.append(svg('desc', { id: descId },
    entries.map((entry) => `${entry.status}: ${formatNumber(entry.count)}`).join('; ')));
  entries.forEach((entry, index) => {
    const y = index * ROW + 2;
    const width = entry.count === 0 ? 0 : Math.max(2, (entry.count / max) * barSpace);
    const group = svg('g', { 'data-status': entry.status, 'data-count': entry.count });
    group.append(svg('text', { x: LABEL - 10, y: y + ROW / 2, class: 'bar-label' }, entry.status));
    group.append(svg('rect', {
      x: LABEL, y: y + 4, width: barSpace, height: ROW - 8, rx: 3, class: 'bar-track',
    }));
    group.append(svg('rect', {
      x: LABEL, y: y + 4, width, height: ROW - 8, rx: 3, class: `bar status-fill-${entry.status}`,
    }));
    group.append(svg('text', {
      x: LABEL + width + 6, y: y + ROW / 2, class: 'bar-value',
    }, formatNumber(entry.count)));
    root.append(group);
  });
  container.replaceChildren(root);
}

/** A line of text in place of the chart (loading, or why there is none). */
export function chartMessage(container, text) {
  const message = document.createElement('p');
  message.className = 'chart-message';
  message.textContent = text;
  container.replaceChildren(message);
}
