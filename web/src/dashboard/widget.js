// A widget: a titled panel that runs one operation, shows a loading state, an error panel
// naming each organisation whose subgraph failed (the rest of the data still renders), and
// the operation it sent with a link that opens it in GraphiQL.

import { run } from './api.js';
import { t } from './i18n.js';

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function graphiqlLink(query, variables) {
  const params = new URLSearchParams({ query, variables: JSON.stringify(variables, null, 2) });
  return `/graphql#${params}`;
}

function queryPanel(query, variables) {
  const text = Object.keys(variables).length
    ? `${query}\n\n# variables\n${JSON.stringify(variables)}`
    : query;
  return el('details', { class: 'query' },
    el('summary', {}, t('query')),
    el('pre', {}, text),
    el('div', { class: 'query-actions' },
      el('a', { href: graphiqlLink(query, variables), target: '_blank', rel: 'noopener' }, t('openGraphiql')),
      el('button', { type: 'button', onclick: () => navigator.clipboard && navigator.clipboard.writeText(query) }, t('copy'))));
}

const AUTH = 'UNAUTHORIZED_FIELD_OR_TYPE';

/** The errors a widget shows: one line per failing organisation, then other messages. */
function errorPanel(errors) {
  const failing = [...new Set(errors.map((e) => e.extensions && e.extensions.serviceName).filter(Boolean))];
  const others = errors.filter((e) => !(e.extensions && e.extensions.serviceName));
  if (!failing.length && !others.length) return null;
  return el('div', { class: 'error-panel', role: 'alert', 'data-failing': failing.join(' ') },
    failing.map((name) => el('p', { 'data-service': name }, `${t(name)}（${name}）${t('unavailable')}`)),
    others.slice(0, 3).map((e) => el('p', {}, `${t('otherError')}: ${e.message}`)));
}

/**
 * Renders a widget into `slot`: shows it loading, runs `query` with `variables` (once `after`
 * settles, when given), then `render(data, { denied })` returns the body. Resolves when the
 * body is in the page. `quiet` (a live refresh) keeps the shown panel until the new one is
 * ready, so a wall screen does not flash "loading" at every event.
 */
export async function widget(slot, { name, title, query, variables = {}, render, after = null, quiet = false }) {
  const body = el('div', { class: 'body' }, el('p', { class: 'loading' }, t('loading')));
  const status = el('div', { class: 'status' });
  const section = el('section', { class: `widget widget-${name}`, 'data-widget': name, 'aria-busy': 'true' },
    el('h2', {}, title), status, body, queryPanel(query, variables));
  if (!quiet) slot.replaceChildren(section);
  if (after) await after;
  const response = await run(query, variables);
  const errors = response.errors || [];
  const panel = errorPanel(errors.filter((e) => !(e.extensions && e.extensions.code === AUTH)));
  if (panel) status.append(panel);
  const denied = errors.some((e) => e.extensions && e.extensions.code === AUTH);
  body.replaceChildren(...[].concat(response.data ? render(response.data, { denied }) : []));
  section.setAttribute('aria-busy', 'false');
  if (quiet) slot.replaceChildren(section);
  return section;
}
