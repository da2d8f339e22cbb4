//! The GraphiQL page served to browsers on `GET /graphql`.

/// A self-contained page that loads GraphiQL and points it at this endpoint.
pub(super) fn page() -> &'static str {
    r#"<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Quntuan · GraphiQL</title>
  <style>body { margin: 0; height: 100vh; } #graphiql { height: 100vh; }</style>
  <link rel="stylesheet" href="https://unpkg.com/graphiql@3/graphiql.min.css">
</head>
<body>
  <div id="graphiql">Loading GraphiQL… (it needs the browser to reach unpkg.com; the endpoint itself is <code>POST /graphql</code>)</div>
  <script crossorigin src="https://unpkg.com/react@18/umd/react.production.min.js"></script>
  <script crossorigin src="https://unpkg.com/react-dom@18/umd/react-dom.production.min.js"></script>
  <script crossorigin src="https://unpkg.com/graphiql@3/graphiql.min.js"></script>
  <script>
    const fetcher = GraphiQL.createFetcher({ url: window.location.pathname });
    ReactDOM.createRoot(document.getElementById('graphiql')).render(
      React.createElement(GraphiQL, { fetcher, defaultEditorToolbarOpen: true }));
  </script>
</body>
</html>"#
}
