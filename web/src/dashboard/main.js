// The dashboard page: the view lives in the URL's hash (#region=510104&case=…&lang=en), so a
// view can be shared; each widget sends one operation to /graphql. A graphql-transport-ws
// subscription to the events that change the view's figures (a labour dispute received or
// moved a step, a volunteer registered) refreshes the widgets they change, without a reload.
// A token the gateway refuses on the socket (expired, or not valid) shows "sign in again"
// instead of retrying.

import { setToken, token } from './api.js';
import { disposeCharts } from './chart.js';
import { centres } from './centres.js';
import { disputeCase, disputes } from './disputes.js';
import { figures, sum } from './figures.js';
import { language, setLanguage, t } from './i18n.js';
import { live } from './live.js';
import { CASE, CENTRES, DISPUTE_CHANGED, DISPUTES, OVERVIEW, REGION, VOLUNTEER_REGISTERED } from './queries.js';
import { el, widget } from './widget.js';

const CITY = '510100';
let renders = 0;
let stopLive = null;
// What the browser tests read: when each view was in the page, in ms since navigation, and
// how many live events and refreshes the page has had, and how many sockets it opened.
window.quntuan = { renders: [], events: 0, refreshes: 0, connects: 0 };

const LIVE_WORDS = { connecting: 'liveConnecting', live: 'live', offline: 'liveOffline', forbidden: 'liveForbidden' };
const indicator = document.createElement('span');
indicator.className = 'live';
indicator.setAttribute('role', 'status');
// The header's sign-in/sign-out button, replaced by "sign in again" when the socket is refused.
let signButton = null;

function showLive(state) {
  indicator.dataset.live = state;
  indicator.textContent = t(LIVE_WORDS[state]);
  if (state === 'forbidden' && signButton) {
    // Or go on without a token: the public figures need none.
    const again = el('span', { class: 'sign-again' }, signInButton('sign-in-again', 'signInAgain'), ' ', signOutButton());
    signButton.replaceWith(again);
    signButton = again;
  }
}

function signOutButton() {
  return el('button', { type: 'button', 'data-action': 'sign-out', onclick: () => { setToken(''); render(); } }, t('signOut'));
}

/** A button that asks for a token; a new token renders the page again (and reopens live). */
function signInButton(action, word) {
  return el('button', { type: 'button', 'data-action': action, onclick: () => {
    const value = prompt(t('tokenPrompt'));
    if (value) { setToken(value); render(); }
  } }, t(word));
}

/**
 * Runs `refresh` now, or once more after the one in flight when events come in a burst, so
 * the page ends on figures read after the last event.
 */
function coalesced(refresh) {
  let running = null;
  let again = false;
  const go = () => {
    if (running) { again = true; return; }
    running = refresh().finally(() => {
      running = null;
      window.quntuan.refreshes += 1;
      if (again) { again = false; go(); }
    });
  };
  return go;
}

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
  signButton = token()
    ? el('button', { type: 'button', 'data-action': 'sign-out', onclick: () => { setToken(''); render(); } }, `${t('signedIn')} · ${t('signOut')}`)
    : signInButton('sign-in', 'signIn');
  return el('header', {},
    el('h1', {}, t('title')),
    el('nav', { class: 'trail' }, trail),
    el('div', { class: 'tools' },
      el('button', { type: 'button', 'data-action': 'lang', onclick: () => go({ lang: language() === 'en' ? 'zh' : 'en' }) }, t('lang')),
      indicator,
      signButton,
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

function figuresWidget(slot, code, setTrail, quiet = false) {
  const onPick = (picked) => go({ region: picked, case: null });
  if (code === CITY) {
    setTrail([el('span', {}, t('city'), ' · ', t('overview'))]);
    return widget(slot, {
      name: 'figures', title: t('figures'), query: OVERVIEW, quiet,
      render: (data) => figures(data.regions || [], sum(data.regions || []), { drillable: true, onPick }),
    });
  }
  return widget(slot, {
    name: 'figures', title: t('figures'), query: REGION, variables: { code }, quiet,
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
  if (stopLive) stopLive();
  stopLive = null;
  showLive('connecting');
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
  const disputesWidget = (options) => widget(slots.disputes, {
    name: 'disputes', title: t('disputes'), query: DISPUTES, variables: { parentCode: view.region, regionCode },
    render: (data) => disputes(data, { onCase: (caseId) => go({ case: caseId }) }),
    ...options,
  });
  const centresWidget = (options) => widget(slots.centres, {
    name: 'centres', title: t('centres'), query: CENTRES, variables: { regionCode },
    render: (data) => centres(data),
    ...options,
  });
  // Live after the figures are in the page. The summary tables behind the figures change in
  // the event's transaction, and events are published after it commits: a refetch on the
  // event reads the new figures.
  first.then(() => {
    if (id !== renders) return;
    const refreshFigures = coalesced(() => figuresWidget(slots.figures, view.region, setTrail, true));
    const refreshDisputes = coalesced(() => disputesWidget({ quiet: true }));
    const refreshCentres = coalesced(() => centresWidget({ quiet: true }));
    stopLive = live([
      { query: DISPUTE_CHANGED, variables: { regionCode } },
      { query: VOLUNTEER_REGISTERED, variables: { regionCode } },
    ], {
      onState: (state) => {
        if (state === 'connecting') window.quntuan.connects += 1;
        showLive(state);
      },
      onEvent: (data) => {
        window.quntuan.events += 1;
        // A dispute changes the cases by status and the count of the centre mediating it.
        if (data.laborDisputeChanged) { refreshDisputes(); refreshCentres(); }
        if (data.volunteerRegistered) refreshFigures();
      },
    });
    window.quntuan.dropLive = stopLive.drop;
  });
  const work = [
    first,
    disputesWidget({ after: first }),
    centresWidget({ after: first }),
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
