// GraphiQL served by the gateway itself (no CDN): the example queries as tabs, every request
// asking for the query plan, and a "Query plan" panel that shows the plan of the last run.

import { GraphiQL } from 'graphiql';
import React from 'react';
import { createRoot } from 'react-dom/client';
import 'graphiql/graphiql.css';
import { PRESETS } from './presets.js';

const h = React.createElement;
const endpoint = '/graphql';
let lastPlan = null;
const listeners = new Set();

async function fetcher(params, options = {}) {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: {
      accept: 'application/graphql-response+json, application/json',
      'content-type': 'application/json',
      'x-quntuan-csrf': '1',
      'x-quntuan-query-plan': 'true',
      ...(options.headers || {}),
    },
    body: JSON.stringify(params),
  });
  const body = await response.json();
  if (params.operationName !== 'IntrospectionQuery') {
    lastPlan = body.extensions && body.extensions.queryPlan ? body.extensions.queryPlan.text : null;
    listeners.forEach((notify) => notify(lastPlan));
  }
  return body;
}

function PlanPanel() {
  const [plan, setPlan] = React.useState(lastPlan);
  React.useEffect(() => {
    listeners.add(setPlan);
    return () => listeners.delete(setPlan);
  }, []);
  return h('div', { className: 'quntuan-plan' },
    h('div', { className: 'graphiql-doc-explorer-title' }, 'Query plan'),
    plan
      ? h('pre', { 'data-plan': 'true', style: { fontSize: 12, whiteSpace: 'pre', overflow: 'auto' } }, plan)
      : h('p', null, 'Run an operation: its plan (x-quntuan-query-plan) shows here.'));
}

function PlanIcon() {
  return h('svg', { viewBox: '0 0 24 24', width: 20, height: 20, fill: 'none', stroke: 'currentColor', strokeWidth: 1.5 },
    h('path', { d: 'M4 5h6v4H4zM14 15h6v4h-6zM14 5h6v4h-6zM7 9v8h7M17 9v6' }));
}

const planPlugin = { title: 'Query plan', icon: PlanIcon, content: PlanPanel };

// A link from the dashboard opens its operation: /graphql#query=…&variables=…
const fromLink = new URLSearchParams(location.hash.slice(1));
const linked = fromLink.get('query');
const tabs = linked
  ? [{ query: linked, variables: fromLink.get('variables') || undefined }, ...PRESETS]
  : PRESETS;

createRoot(document.getElementById('graphiql')).render(h(GraphiQL, {
  fetcher,
  defaultTabs: tabs,
  query: linked || PRESETS[0].query,
  variables: linked ? fromLink.get('variables') || undefined : PRESETS[0].variables,
  plugins: [planPlugin],
  visiblePlugin: planPlugin,
  defaultEditorToolbarOpen: true,
  shouldPersistHeaders: false,
}));
