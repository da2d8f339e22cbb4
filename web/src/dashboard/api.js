// Talks to /graphql like any client: a persisted-query GET first (the gateway knows the hash
// after the first time), the full document by POST when it does not. Every request carries
// `x-quntuan-csrf: 1` so the gateway's CSRF prevention lets the GET through.

const ENDPOINT = '/graphql';
const TOKEN_KEY = 'quntuan.token';
/** The window event setToken sends. */
export const TOKEN_CHANGED = 'quntuan:token';
const hashes = new Map();

export function token() {
  return sessionStorage.getItem(TOKEN_KEY) || '';
}

export function setToken(value) {
  if (value) sessionStorage.setItem(TOKEN_KEY, value.trim());
  else sessionStorage.removeItem(TOKEN_KEY);
  window.dispatchEvent(new Event(TOKEN_CHANGED));
}

function headers() {
  const h = {
    accept: 'application/graphql-response+json, application/json',
    'x-quntuan-csrf': '1',
  };
  if (token()) h.authorization = `Bearer ${token()}`;
  return h;
}

async function sha256(text) {
  if (!hashes.has(text)) {
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
    const hex = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
    hashes.set(text, hex);
  }
  return hashes.get(text);
}

function notFound(body) {
  return (body.errors || []).some((e) => e.extensions && e.extensions.code === 'PERSISTED_QUERY_NOT_FOUND');
}

async function json(response) {
  try {
    return await response.json();
  } catch (error) {
    return { errors: [{ message: `HTTP ${response.status}: ${error}` }] };
  }
}

// Runs an operation; resolves to the GraphQL response body (data and/or errors), never throws.
export async function run(query, variables = {}) {
  try {
    const persistedQuery = { version: 1, sha256Hash: await sha256(query) };
    const params = new URLSearchParams({
      variables: JSON.stringify(variables),
      extensions: JSON.stringify({ persistedQuery }),
    });
    const first = await json(await fetch(`${ENDPOINT}?${params}`, { headers: headers() }));
    if (!notFound(first)) return first;
    const post = await fetch(ENDPOINT, {
      method: 'POST',
      headers: { ...headers(), 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables, extensions: { persistedQuery } }),
    });
    return await json(post);
  } catch (error) {
    return { errors: [{ message: String(error) }] };
  }
}
