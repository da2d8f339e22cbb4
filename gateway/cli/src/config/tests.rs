use super::expand::expand_with;
use super::*;

fn error_of(text: &str) -> String {
    parse("quntuan.yaml", text)
        .expect_err("the file is refused")
        .to_string()
}

#[test]
fn an_unknown_key_is_named_with_its_file_line_and_path() {
    let text = "listen: 127.0.0.1:4000\nhttp:\n  max_body_bytes: 10\n  max_body: 12\n";
    let error = error_of(text);
    assert!(
        error.starts_with(
            "quntuan.yaml:4: key `http.max_body`: unknown key `max_body`, expected one of"
        ),
        "{error}"
    );
}

#[test]
fn a_wrong_type_is_named_with_its_file_line_and_path() {
    let text = "supergraph:\n  file: s.graphql\nhttp:\n  csrf:\n    enabled: sometimes\n";
    assert_eq!(
        error_of(text),
        "quntuan.yaml:5: key `http.csrf.enabled`: invalid type: string \"sometimes\", expected a boolean"
    );
}

#[test]
fn a_bad_value_is_named_with_its_file_line_and_path() {
    let text = "supergraph:\n  file: s.graphql\n\njwt_secret: short\n";
    let error = error_of(text);
    assert!(
        error.starts_with("quntuan.yaml:4: key `jwt_secret`: the JWT secret is 5 bytes long"),
        "{error}"
    );
    let text = "supergraph:\n  url: ftp://registry/supergraph\n";
    let error = error_of(text);
    assert!(
        error.starts_with(
            "quntuan.yaml:2: key `supergraph.url`: `ftp://registry/supergraph` is not an http:// or https:// URL"
        ),
        "{error}"
    );
    let text = "rate_limits:\n  per_client:\n    per_second: 0\n    burst: 5\n";
    assert_eq!(
        error_of(text),
        "quntuan.yaml:2: key `rate_limits.per_client`: `per_second` must be above 0 and `burst` at least 1"
    );
}

#[test]
fn the_plan_caches_take_a_byte_budget() {
    let config = parse("quntuan.yaml", "plan_cache_bytes: 1048576\n").expect("loads");
    assert_eq!(config.gateway_settings().plan_cache_bytes, 1_048_576);
    assert_eq!(
        parse("quntuan.yaml", "")
            .expect("loads")
            .gateway_settings()
            .plan_cache_bytes,
        64 << 20
    );
    assert_eq!(
        error_of("listen: 127.0.0.1:4000\nplan_cache_bytes: 0\n"),
        "quntuan.yaml:2: key `plan_cache_bytes`: must be at least 1"
    );
}

#[test]
fn bad_tracing_and_log_settings_are_named_with_their_key() {
    let text = "tracing:\n  sampling_ratio: 2\n";
    assert_eq!(
        error_of(text),
        "quntuan.yaml:2: key `tracing.sampling_ratio`: 2 is not between 0 and 1"
    );
    let text = "tracing:\n  otlp:\n    endpoint: https://collector:4318\n";
    let error = error_of(text);
    assert!(
        error.starts_with(
            "quntuan.yaml:3: key `tracing.otlp.endpoint`: `https://collector:4318` is not an http:// URL"
        ),
        "{error}"
    );
    let text = "tracing:\n  otlp:\n    endpoint: http://collector:4317\n    protocol: thrift\n";
    let error = error_of(text);
    assert!(
        error.starts_with("quntuan.yaml:4: key `tracing.otlp.protocol`: unknown variant `thrift`"),
        "{error}"
    );
    let text = "log:\n  format: xml\n";
    let error = error_of(text);
    assert!(
        error.starts_with("quntuan.yaml:2: key `log.format`: unknown variant `xml`"),
        "{error}"
    );
    let loaded = parse(
        "quntuan.yaml",
        "tracing:\n  otlp:\n    endpoint: http://collector:4317\n    protocol: grpc\n  sampling_ratio: 0.01\nlog:\n  format: json\n",
    )
    .expect("loads");
    assert_eq!(
        loaded.tracing.otlp.map(|otlp| otlp.protocol),
        Some(quntuan_trace::Protocol::Grpc)
    );
    assert_eq!(loaded.log.format, quntuan_trace::log::LogFormat::Json);
}

#[test]
fn two_supergraph_sources_are_refused() {
    let text = "supergraph:\n  file: a.graphql\n  url: http://registry/supergraph\n";
    assert_eq!(
        error_of(text),
        "quntuan.yaml:1: key `supergraph`: give only one of `file`, `url` and `subgraphs`"
    );
}

#[test]
fn environment_variables_are_expanded_with_defaults() {
    let env = |name: &str| (name == "PORT").then(|| "4100".to_string());
    let text = "listen: 127.0.0.1:${PORT}\nredis_url: ${REDIS:-redis://127.0.0.1:6379}\n# ${UNSET} in a comment\nliteral: $${X}\n";
    let expanded = expand_with(text, env).ok().expect("expands");
    assert_eq!(
        expanded,
        "listen: 127.0.0.1:4100\nredis_url: redis://127.0.0.1:6379\n# ${UNSET} in a comment\nliteral: ${X}\n"
    );
}

#[test]
fn an_unset_variable_without_default_is_named_with_its_line() {
    let text =
        "supergraph:\n  file: s.graphql\njwt_secret: ${QUNTUAN_TEST_SURELY_UNSET_VARIABLE}\n";
    assert_eq!(
        error_of(text),
        "quntuan.yaml:3: environment variable `QUNTUAN_TEST_SURELY_UNSET_VARIABLE` is not set (give a default with `${QUNTUAN_TEST_SURELY_UNSET_VARIABLE:-default}`)"
    );
}

#[test]
fn an_empty_file_is_every_default() {
    assert_eq!(parse("quntuan.yaml", "").ok(), Some(ServeConfig::default()));
    assert_eq!(
        parse("quntuan.yaml", "# nothing\n").ok(),
        Some(ServeConfig::default())
    );
}

/// Every key the model accepts, as dotted paths of the example file.
fn keys(value: &serde_yaml::Value, prefix: &str, out: &mut Vec<String>) {
    if let serde_yaml::Value::Mapping(map) = value {
        for (key, value) in map {
            let key = key.as_str().unwrap_or_default();
            let path = if prefix.is_empty() {
                key.to_string()
            } else {
                format!("{prefix}.{key}")
            };
            out.push(path.clone());
            keys(value, &path, out);
        }
    }
}

/// The schema's properties, as dotted paths (maps of any key are `NAME`).
fn schema_keys(schema: &serde_json::Value, prefix: &str, out: &mut Vec<String>) {
    if let Some(properties) = schema.get("properties").and_then(|p| p.as_object()) {
        for (key, value) in properties {
            let path = if prefix.is_empty() {
                key.clone()
            } else {
                format!("{prefix}.{key}")
            };
            out.push(path.clone());
            schema_keys(value, &path, out);
        }
    }
    if let Some(any) = schema.get("additionalProperties").filter(|a| a.is_object()) {
        out.push(format!("{prefix}.NAME"));
        schema_keys(any, &format!("{prefix}.NAME"), out);
    }
    if let Some(branches) = schema.get("anyOf").and_then(|b| b.as_array()) {
        for branch in branches {
            schema_keys(branch, prefix, out);
        }
    }
}

fn example_path() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../deploy/quntuan.example.yaml")
}

#[test]
fn the_example_file_loads() {
    let config = load(&example_path()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        config.supergraph.file.as_deref(),
        Some(std::path::Path::new("supergraph.graphql"))
    );
}

/// The example documents every key and the JSON Schema describes every key: the example is
/// loaded into the model (unknown keys are refused), its keys and the schema's are the same.
#[test]
fn the_example_and_the_json_schema_name_the_same_keys() {
    let text = std::fs::read_to_string(example_path()).expect("example");
    // The commented-out alternatives (`# url:`, `# subgraphs:`) are keys too.
    // `key: {}` before commented-out entries is the empty map they then fill.
    let lines: Vec<&str> = text.lines().collect();
    let uncommented: String = lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let indent = &line[..line.len() - line.trim_start().len()];
            match line.trim_start().strip_prefix("#: ") {
                Some(key) => format!("{indent}{key}\n"),
                None if line.ends_with(": {}")
                    && lines
                        .get(i + 1)
                        .is_some_and(|next| next.trim_start().starts_with("#: ")) =>
                {
                    format!("{}\n", line.trim_end_matches(" {}"))
                }
                None => format!("{line}\n"),
            }
        })
        .collect();
    let value: serde_yaml::Value = serde_yaml::from_str(&uncommented).expect("yaml");
    let mut from_example = Vec::new();
    keys(&value, "", &mut from_example);
    let mut normalised: Vec<String> = from_example
        .iter()
        .map(|k| {
            // Names the user chooses (subgraph names, labels) become NAME.
            let parts: Vec<&str> = k.split('.').collect();
            let mut out = Vec::new();
            for (i, part) in parts.iter().enumerate() {
                let parent = if i == 0 { "" } else { parts[i - 1] };
                let free = matches!(
                    (parent, i),
                    ("subgraph_urls", 1) | ("override_labels", 1) | ("subgraphs", 2)
                );
                out.push(if free { "NAME" } else { part });
            }
            out.join(".")
        })
        .collect();
    normalised.sort();
    normalised.dedup();
    let schema: serde_json::Value = serde_json::from_str(JSON_SCHEMA).expect("schema is JSON");
    let mut from_schema = Vec::new();
    schema_keys(&schema, "", &mut from_schema);
    from_schema.sort();
    from_schema.dedup();
    let missing_in_schema: Vec<_> = normalised
        .iter()
        .filter(|k| !from_schema.contains(k))
        .collect();
    assert!(missing_in_schema.is_empty(), "{missing_in_schema:?}");
    // Under a user-chosen name the example shows a few keys, and a map of user-chosen names
    // (`auth.policies`) may be empty; everywhere else it shows all of them.
    let undocumented: Vec<_> = from_schema
        .iter()
        .filter(|k| !k.contains(".NAME.") && !k.ends_with(".NAME") && !normalised.contains(k))
        .collect();
    assert!(undocumented.is_empty(), "{undocumented:?}");
}

#[test]
fn demand_control_reaches_the_gateway_settings() {
    use quntuan_gateway::cost::{CostMode, DemandControlSettings};
    let text = "demand_control:\n  mode: enforce\n  max_cost: 250\n";
    let config = parse("quntuan.yaml", text).ok().expect("parses");
    assert_eq!(
        config.gateway_settings().demand_control,
        DemandControlSettings {
            mode: CostMode::Enforce,
            max_cost: 250,
            list_size: 10,
        }
    );
    let text = "demand_control:\n  mode: strict\n";
    assert!(
        error_of(text)
            .starts_with("quntuan.yaml:2: key `demand_control.mode`: unknown variant `strict`"),
        "{}",
        error_of(text)
    );
}

#[test]
fn header_rules_reach_the_gateway_settings_and_a_bad_rule_is_named_with_its_line() {
    use quntuan_gateway::headers::{Propagate, RequestRule};
    let text = "headers:\n  all:\n    request:\n      - propagate: {matching: \"^x-tenant-\"}\n";
    let config = parse("quntuan.yaml", text).ok().expect("parses");
    assert_eq!(
        config.gateway_settings().headers.all.request,
        Some(vec![RequestRule {
            propagate: Some(Propagate {
                matching: Some("^x-tenant-".into()),
                ..Propagate::default()
            }),
            ..RequestRule::default()
        }])
    );
    let text = "headers:\n  subgraphs:\n    reviews:\n      request:\n        - insert: {name: x-a, value: b}\n        - remove: {matching: \"(\"}\n";
    let error = error_of(text);
    assert!(
        error.starts_with(
            "quntuan.yaml:6: key `headers.subgraphs.reviews.request[1]`: `(` is not a regular expression"
        ),
        "{error}"
    );
    let text = "subgraph_compression:\n  all:\n    request: lzma\n";
    assert!(
        error_of(text).starts_with(
            "quntuan.yaml:3: key `subgraph_compression.all.request`: unknown variant `lzma`"
        ),
        "{}",
        error_of(text)
    );
}
