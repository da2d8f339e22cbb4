// Live updates: a minimal graphql-transport-ws client on the gateway's /graphql. The token the
// page uses goes in connection_init's payload (the gateway never reads the upgrade's cookies).
// The socket reopens with backoff (1 s doubling to 30 s) when it closes or a subscription
// fails, back to 1 s once a connection has stayed up for 30 s (so a subgraph that refuses at
// once is not asked every second); `onState` is told 'connecting', 'live' or 'offline' for
// the header's indicator. A socket the gateway closes with 4403 (the token missing, expired or
// not valid) is not reopened: retrying with the same token would be refused again, so
// `onState` is told 'forbidden' and the socket reopens only once the token changes
// (`TOKEN_CHANGED`, sent by setToken).

import { TOKEN_CHANGED, token } from './api.js';

const PROTOCOL = 'graphql-transport-ws';
const MAX_BACKOFF_MS = 30000;
const HEALTHY_MS = 30000;
const FORBIDDEN = 4403;

/**
 * Subscribes to each of `subscriptions` ({ query, variables }) and calls `onEvent(data)` for
 * every event. Returns a function that closes the socket for good; its `drop()` closes the
 * current socket as a lost network would (the browser tests use it).
 */
export function live(subscriptions, { onEvent, onState }) {
  let socket = null;
  let backoff = 1000;
  let timer = null;
  let stopped = false;
  let liveSince = 0;
  // The token the gateway refused, while the page waits for another.
  let refused = null;

  function tokenChanged() {
    if (refused === null || token() === refused) return;
    refused = null;
    backoff = 1000;
    // On a timer, so a sign-in that renders the page again (and stops this client) first
    // opens no socket here.
    clearTimeout(timer);
    timer = setTimeout(open, 0);
  }
  window.addEventListener(TOKEN_CHANGED, tokenChanged);

  function open() {
    onState('connecting');
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
    socket = new WebSocket(url, PROTOCOL);
    const send = (message) => socket.send(JSON.stringify(message));
    socket.onopen = () => {
      const payload = token() ? { authorization: `Bearer ${token()}` } : {};
      send({ type: 'connection_init', payload });
    };
    socket.onmessage = (message) => {
      let msg;
      try { msg = JSON.parse(message.data); } catch { return; }
      if (msg.type === 'connection_ack') {
        liveSince = Date.now();
        subscriptions.forEach((payload, index) => send({ id: String(index + 1), type: 'subscribe', payload }));
        onState('live');
      } else if (msg.type === 'ping') {
        send({ type: 'pong' });
      } else if (msg.type === 'next' && msg.payload && msg.payload.data) {
        onEvent(msg.payload.data);
      } else if (msg.type === 'error' || msg.type === 'complete') {
        // A subscription the gateway ended (a subgraph gone, a reload): start afresh.
        socket.close();
      }
    };
    socket.onclose = (event) => {
      if (stopped) return;
      if (event.code === FORBIDDEN) {
        refused = token();
        onState('forbidden');
        return;
      }
      onState('offline');
      if (liveSince && Date.now() - liveSince >= HEALTHY_MS) backoff = 1000;
      liveSince = 0;
      timer = setTimeout(open, backoff);
      backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
    };
  }

  open();
  const stop = () => {
    stopped = true;
    clearTimeout(timer);
    window.removeEventListener(TOKEN_CHANGED, tokenChanged);
    if (socket) socket.close(1000);
  };
  stop.drop = () => socket && socket.close();
  return stop;
}
