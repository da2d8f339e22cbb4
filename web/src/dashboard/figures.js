// The figures widget: every organisation's headline figures per region in a table with a
// total row, and bars of each organisation's grassroots organisations side by side. A row, a
// region's name or a bar drills down.

import { bars } from './chart.js';
import { t } from './i18n.js';
import { HEADLINE, ORGANISATIONS } from './queries.js';
import { el } from './widget.js';

const COLUMNS = Object.entries(ORGANISATIONS).flatMap(([org, fields]) => fields.map((field) => [org, field]));

function value(region, org, field) {
  const figures = region && region[org];
  return figures && typeof figures[field] === 'number' ? figures[field] : null;
}

function format(number) {
  return number === null ? '—' : number.toLocaleString();
}

/** Adds up the rows' figures; a column with a missing figure has no total. */
export function sum(rows) {
  const total = {};
  for (const [org, field] of COLUMNS) {
    const values = rows.map((row) => value(row, org, field));
    if (values.some((v) => v === null)) continue;
    total[org] = total[org] || {};
    total[org][field] = values.reduce((a, b) => a + b, 0);
  }
  return total;
}

function table(rows, total, { drillable, onPick }) {
  const groups = el('tr', {}, el('th', { rowspan: 2 }, t('region')),
    Object.entries(ORGANISATIONS).map(([org, fields]) => el('th', { colspan: fields.length, class: `org org-${org}` }, t(org))));
  const fields = el('tr', {}, COLUMNS.map(([org, field]) => el('th', { class: `org-${org}` }, t(field))));
  const cells = (region) => COLUMNS.map(([org, field]) =>
    el('td', { 'data-org': org, 'data-field': field }, format(value(region, org, field))));
  const body = rows.map((row) => el('tr', {
    'data-code': row.code,
    class: drillable ? 'drillable' : null,
    onclick: drillable ? () => onPick(row.code) : null,
  }, el('th', { scope: 'row' }, drillable ? el('a', { href: `#region=${row.code}`, onclick: (e) => { e.preventDefault(); onPick(row.code); } }, row.name) : row.name), cells(row)));
  const foot = el('tr', { class: 'total', 'data-code': 'total' }, el('th', { scope: 'row' }, t('total')), cells(total));
  return el('div', { class: 'table-wrap' },
    el('table', { class: 'figures' }, el('thead', {}, groups, fields), el('tbody', {}, body), el('tfoot', {}, foot)));
}

/** The body of the figures widget for `rows` (regions with figures) and their `total`. */
export function figures(rows, total, { drillable, onPick }) {
  const chart = el('div', { class: 'chart', 'data-chart': 'figures' });
  const series = Object.entries(HEADLINE).map(([org, field]) => ({
    name: t(org),
    values: rows.map((row) => value(row, org, field)),
  }));
  // ECharts needs the container in the page to measure it: draw on the next frame.
  requestAnimationFrame(() => bars(chart, {
    categories: rows.map((row) => row.name),
    series,
    onPick: drillable ? (index) => onPick(rows[index].code) : null,
  }));
  return [el('p', { class: 'caption' }, t('chart')), chart, table(rows, total, { drillable, onPick })];
}
