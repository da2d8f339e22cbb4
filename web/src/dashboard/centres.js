// The shared service centres of a region: what each organisation runs there, and ratings.

import { t } from './i18n.js';
import { el } from './widget.js';

function runs(centre) {
  const names = (list, key = 'name') => (list || []).map((item) => item[key]);
  const parts = {
    unions: centre.unions && [...names(centre.unions.workersHomes), centre.unions.disputeCount ? `⚖ ${centre.unions.disputeCount}` : null],
    youth: centre.youth && names(centre.youth.youthHomes),
    women: centre.women && [...names(centre.women.womensHomes), ...names(centre.women.childrensHomes)],
    science: centre.science && names(centre.science.activities, 'title').slice(0, 2),
    disability: centre.disability && names(centre.disability.activities, 'title').slice(0, 2),
  };
  return el('ul', { class: 'runs' }, Object.entries(parts).map(([org, items]) => {
    const list = (items || []).filter(Boolean);
    if (items && !list.length) return null;
    return el('li', { 'data-org': org }, el('b', {}, t(org)), ' ', items ? list.join('、') : '—');
  }));
}

export function centres(data) {
  const connection = data.serviceCenters;
  if (!connection || !connection.items.length) return el('p', { class: 'empty' }, t('noCentres'));
  return el('div', { class: 'table-wrap' }, el('table', { class: 'centres' },
    el('thead', {}, el('tr', {}, el('th', {}, t('centreName')), el('th', {}, t('runs')), el('th', {}, t('rating')))),
    el('tbody', {}, connection.items.map((centre) => el('tr', { 'data-id': centre.id },
      el('td', {}, centre.name),
      el('td', {}, runs(centre)),
      el('td', { class: 'num' }, centre.averageScore === null ? '—' : `${centre.averageScore.toFixed(2)}`,
        el('small', {}, ` (${centre.ratingCount} ${t('ratings')})`)))))));
}
