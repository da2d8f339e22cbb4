// The dashboard page: the view lives in the URL's hash (#region=510104&case=…&lang=en), so a
// view can be shared; each widget sends one operation to /graphql.

import { setToken, token } from './api.js';
import { disposeCharts } from './chart.js';
import { centres } from './centres.js';
import { disputeCase, disputes } from './disputes.js';
import { figures, sum } from './figures.js';
import { language, setLanguage, t } from './i18n.js';
import { CASE, CENTRES, DISPUTES, OVERVIEW, REGION } from './queries.js';
import { el, widget } from './widget.js';

const CITY = '510100';
let renders = 0;
// What the browser tests read: when each view was in the page, in ms since navigation.
window.quntuan = { renders: [] };

function route() {
  const params = new URLSearchParams(location.hash.slice(1));
  return { region: params.get('region') || CITY, case: params.get('case'), lang: params.get('lang') };
}

function go(changes) {
  const params = new URLSearchParams(location.hash.slice(1));
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) params.delete(key);
    else params.set(key, value);
  }
  location.hash = params.toString();
}

function header(trail) {
  const signIn = token()
    ? el('button', { type: 'button', 'data-action': 'sign-out', onclick: () => { setToken(''); render(); } }, `${t('signedIn')} · ${t('signOut')}`)
    : el('button', { type: 'button', 'data-action': 'sign-in', onclick: () => {
      const value = prompt(t('tokenPrompt'));
      if (value) { setToken(value); render(); }
    } }, t('signIn'));
  return el('header', {},
    el('h1', {}, t('title')),
    el('nav', { class: 'trail' }, trail),
    el('div', { class: 'tools' },
      el('button', { type: 'button', 'data-action': 'lang', onclick: () => go({ lang: language() === 'en' ? 'zh' : 'en' }) }, t('lang')),
      signIn,
      el('a', { href: '/graphql', target: '_blank', rel: 'noopener' }, 'GraphiQL')));
}

function crumbs(region) {
  const chain = [];
  for (let r = region; r; r = r.parent) chain.unshift(r);
  const links = [el('a', { href: '#', onclick: (e) => { e.preventDefault(); go({ region: null, case: null }); } }, t('city'))];
  for (const r of chain.filter((r) => r.level !== 'CITY')) {
    links.push(' › ', el('a', { href: `#region=${r.code}`, onclick: (e) => { e.preventDefault(); go({ region: r.code, case: null }); } }, r.name));
  }
  return links;
}

function figuresWidget(slot, code, setTrail) {
  const onPick = (picked) => go({ region: picked, case: null });
  if (code === CITY) {
    setTrail([el('span', {}, t('city'), ' · ', t('overview'))]);
    return widget(slot, {
      name: 'figures', title: t('figures'), query: OVERVIEW,
      render: (data) => figures(data.regions || [], sum(data.regions || []), { drillable: true, onPick }),
    });
  }
  return widget(slot, {
    name: 'figures', title: t('figures'), query: REGION, variables: { code },
    render: (data) => {
      const region = data.region;
      if (!region) return el('p', {}, t('none'));
      setTrail(crumbs(region));
      return figures(region.children, region, { drillable: region.level !== 'STREET', onPick });
    },
  });
}

async function render() {
  const view = route();
  if (view.lang && view.lang !== language()) setLanguage(view.lang);
  const id = ++renders;
  disposeCharts();
  document.title = t('title');
  const trail = el('span', {});
  const slots = { figures: el('div', { class: 'slot slot-figures' }), disputes: el('div', { class: 'slot slot-disputes' }),
    centres: el('div', { class: 'slot slot-centres' }), case: el('div', { class: 'slot slot-case' }) };
  document.body.dataset.ready = 'false';
  document.body.replaceChildren(header(trail), el('main', {}, Object.values(slots)));
  const setTrail = (items) => trail.replaceChildren(...items);
  const regionCode = view.region === CITY ? null : view.region;
  // The figures first: on a busy machine the other widgets' requests would compete with the
  // overview's for the gateway and the subgraphs.
  const first = figuresWidget(slots.figures, view.region, setTrail).then(async () => {
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    window.quntuan.renders.push({ view: view.region, ms: Math.round(performance.now()) });
  });
  const work = [
    first,
    widget(slots.disputes, {
      name: 'disputes', title: t('disputes'), query: DISPUTES, variables: { parentCode: view.region, regionCode },
      render: (data) => disputes(data, { onCase: (caseId) => go({ case: caseId }) }),
      after: first,
    }),
    widget(slots.centres, {
      name: 'centres', title: t('centres'), query: CENTRES, variables: { regionCode },
      render: (data) => centres(data),
      after: first,
    }),
  ];
  if (view.case) {
    work.push(widget(slots.case, {
      name: 'case', title: t('caseHistory'), query: CASE, variables: { id: view.case, personal: Boolean(token()) },
      render: (data, { denied }) => disputeCase(data, { denied, onClose: () => go({ case: null }) }),
      after: first,
    }));
  }
  await Promise.all(work);
  if (id === renders) document.body.dataset.ready = 'true';
}

setLanguage(route().lang || language());
window.addEventListener('hashchange', render);
render();
