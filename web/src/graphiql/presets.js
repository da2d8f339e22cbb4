// The example queries of the README and the dashboard, opened as GraphiQL tabs.

import { CASE, CENTRES, DISPUTES, OVERVIEW, REGION } from '../dashboard/queries.js';

export const PRESETS = [
  { query: OVERVIEW },
  { query: REGION, variables: JSON.stringify({ code: '510104' }, null, 2) },
  { query: CENTRES, variables: JSON.stringify({ regionCode: '510104' }, null, 2) },
  { query: DISPUTES, variables: JSON.stringify({ parentCode: '510100', regionCode: null }, null, 2) },
  { query: CASE, variables: JSON.stringify({ id: 'unions-dispute-000001', personal: false }, null, 2) },
];
