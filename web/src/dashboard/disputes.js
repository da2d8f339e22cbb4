// Labour disputes: case counts by status per region (stacked bars), recent cases, and one
// case's history with the union's steps and the women's federation's assistance.

import { bars } from './chart.js';
import { t } from './i18n.js';
import { token } from './api.js';
import { el } from './widget.js';

const STATUSES = ['RECEIVED', 'MEDIATING', 'RESOLVED', 'REFERRED_TO_ARBITRATION', 'WITHDRAWN'];

function count(region, status) {
  const list = region.unions && region.unions.disputesByStatus;
  const entry = list && list.find((s) => s.status === status);
  return entry ? entry.count : null;
}

export function disputes(data, { onCase }) {
  const regions = data.regions || [];
  const chart = el('div', { class: 'chart chart-small', 'data-chart': 'disputes' });
  requestAnimationFrame(() => bars(chart, {
    categories: regions.map((r) => r.name),
    series: STATUSES.map((status) => ({ name: t(status), values: regions.map((r) => count(r, status)) })),
    stack: true,
  }));
  const cases = data.laborDisputes ? data.laborDisputes.items : [];
  return [chart,
    el('h3', {}, t('recentCases'), data.laborDisputes ? ` (${data.laborDisputes.totalCount})` : ''),
    el('ul', { class: 'cases' }, cases.map((c) => el('li', {},
      el('a', { href: `#case=${c.id}`, 'data-case': c.id, onclick: (e) => { e.preventDefault(); onCase(c.id); } },
        `${c.caseNumber} · ${c.title}`),
      el('span', { class: `status status-${c.status}` }, t(c.status)))))];
}

export function disputeCase(data, { denied, onClose }) {
  const c = data.laborDispute;
  if (!c) return el('p', {}, t('none'));
  const personal = !token()
    ? el('p', { class: 'notice', 'data-personal': 'hidden' }, t('personalHidden'))
    : denied
      ? el('p', { class: 'notice', 'data-personal': 'denied' }, t('personalDenied'))
      : el('p', { 'data-personal': 'shown' }, `${t('claimant')}: ${c.claimantName ?? '—'} ${c.claimantPhone ?? ''}`);
  return [
    el('p', { class: 'case-head' }, el('b', {}, c.caseNumber), ` ${c.title} · `,
      el('span', { class: `status status-${c.status}` }, t(c.status)), ` · ${c.receivedOn}`,
      el('button', { type: 'button', class: 'close', onclick: onClose }, t('close'))),
    personal,
    el('h3', {}, t('unionSteps')),
    el('ol', { class: 'steps' }, c.steps.map((s) => el('li', {},
      `${s.recordedAt.slice(0, 10)} ${s.fromStatus ? `${t(s.fromStatus)} → ` : ''}${t(s.toStatus)}：${s.note} (${s.recordedBy})`))),
    el('h3', {}, t('womenAssistance')),
    c.rightsAssistance && c.rightsAssistance.length
      ? el('ul', { class: 'assistance' }, c.rightsAssistance.map((a) => el('li', {},
        `${a.assistedOn} ${a.kind} (${a.recordedBy})`, a.note ? ` — ${a.note}` : '')))
      : el('p', {}, t('none')),
  ];
}
