//! The page served to browsers on `GET /graphql`: GraphiQL when the browser can load it from
//! its CDN, and otherwise a small built-in console, so the endpoint is explorable offline too.
//! A `query` (and `variables`) in the address is loaded into the editor, not run: the page
//! sends operations with POST and `application/json`, so CSRF prevention lets them through,
//! and a link from another site cannot make it run anything.

use axum::http::{HeaderMap, header};

/// Whether a GET asks for the page: a browser navigation, whose `Accept` names `text/html`.
pub(super) fn wanted(headers: &HeaderMap) -> bool {
    headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|accept| accept.contains("text/html"))
}

/// A self-contained page: GraphiQL from unpkg, or the fallback console when that fails.
pub(super) fn page() -> &'static str {
    r#"<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Quntuan · GraphiQL</title>
  <style>
    body { margin: 0; height: 100vh; font-family: system-ui, sans-serif; }
    #graphiql { height: 100vh; }
    #console { display: none; padding: 1rem; gap: 1rem; height: calc(100vh - 2rem); }
    #console textarea, #console pre { flex: 1; font: 13px/1.4 ui-monospace, monospace; margin: 0;
      border: 1px solid #ccc; border-radius: 4px; padding: .5rem; overflow: auto; }
    #console .left { display: flex; flex-direction: column; flex: 1; gap: .5rem; }
    #console button { align-self: flex-start; padding: .4rem 1rem; }
  </style>
  <link rel="stylesheet" href="https://unpkg.com/graphiql@3/graphiql.min.css">
</head>
<body>
  <div id="graphiql">Loading GraphiQL…</div>
  <div id="console">
    <div class="left">
      <textarea id="query" spellcheck="false">{ __typename }</textarea>
      <textarea id="variables" spellcheck="false" rows="4">{}</textarea>
      <button id="run">Run ▶</button>
    </div>
    <pre id="result">GraphiQL could not be loaded (no network to its CDN): this is Quntuan's built-in console.</pre>
  </div>
  <script crossorigin src="https://unpkg.com/react@18/umd/react.production.min.js"></script>
  <script crossorigin src="https://unpkg.com/react-dom@18/umd/react-dom.production.min.js"></script>
  <script crossorigin src="https://unpkg.com/graphiql@3/graphiql.min.js"></script>
  <script>
    const endpoint = window.location.pathname;
    const params = new URLSearchParams(window.location.search);
    const linkedQuery = params.get('query');
    const linkedVariables = params.get('variables');
    function showConsole() {
      document.getElementById('graphiql').style.display = 'none';
      document.getElementById('console').style.display = 'flex';
      const run = async () => {
        const out = document.getElementById('result');
        out.textContent = '…';
        try {
          const variables = JSON.parse(document.getElementById('variables').value || '{}');
          const response = await fetch(endpoint, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'accept': 'application/graphql-response+json, application/json' },
            body: JSON.stringify({ query: document.getElementById('query').value, variables }),
          });
          out.textContent = JSON.stringify(await response.json(), null, 2);
        } catch (error) {
          out.textContent = String(error);
        }
      };
      if (linkedQuery) document.getElementById('query').value = linkedQuery;
      if (linkedVariables) document.getElementById('variables').value = linkedVariables;
      document.getElementById('run').onclick = run;
      if (!linkedQuery) run();
    }
    if (window.GraphiQL && window.React && window.ReactDOM) {
      const fetcher = GraphiQL.createFetcher({ url: endpoint });
      const props = { fetcher, defaultEditorToolbarOpen: true };
      if (linkedQuery) props.query = linkedQuery;
      if (linkedVariables) props.variables = linkedVariables;
      ReactDOM.createRoot(document.getElementById('graphiql')).render(
        React.createElement(GraphiQL, props));
    } else {
      showConsole();
    }
  </script>
</body>
</html>"#
}
