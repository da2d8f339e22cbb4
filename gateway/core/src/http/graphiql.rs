//! The page served to browsers on `GET /graphql`: GraphiQL from the gateway's own bundle
//! ([`super::assets`], built from `web/src/graphiql`), so the endpoint is explorable with no
//! outside network. It shows each operation's plan and opens the README's example queries.
//! A browser navigation (its `Accept` names `text/html`) gets the page; the page sends
//! operations with POST and `application/json`, so CSRF prevention lets them through.

use axum::http::HeaderMap;

/// Whether a GET asks for the page: a browser navigation, whose `Accept` names `text/html`.
pub(super) fn wanted(headers: &HeaderMap) -> bool {
    super::accepts(headers, "text/html")
}

/// The GraphiQL page; its script and styles come from `/assets`.
pub(super) fn page() -> String {
    format!(
        r#"<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Quntuan · GraphiQL</title>
  <style>body {{ margin: 0; height: 100vh; }} #graphiql {{ height: 100vh; }}</style>
  <link rel="stylesheet" href="{css}">
</head>
<body>
  <div id="graphiql">Loading GraphiQL…</div>
  <script src="{js}"></script>
</body>
</html>"#,
        css = super::assets::url("graphiql.css"),
        js = super::assets::url("graphiql.js"),
    )
}
