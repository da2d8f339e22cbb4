//! The dashboard and GraphiQL in a real browser (headless Chromium over the DevTools protocol)
//! against the real gateway and subgraphs: the overview shows what the dashboard query returns,
//! a click drills down to figures that add up, a stopped subgraph is named while the others
//! still show, GraphiQL runs a query with no network beyond 127.0.0.1; a volunteer registered
//! and a dispute received by mutations through the gateway change the open page's figures
//! without a reload (its graphql-transport-ws subscription, reopened after a drop).
//! Screenshots of each view are left in `$CARGO_TARGET_DIR/browser-artefacts`.
//!
//! Skips (with a message) when chromium is missing, unless QUNTUAN_BROWSER_TESTS=1.

use quntuan_e2e::browser::Browser;
use quntuan_e2e::{Graph, expired_token, token};
use serde_json::{Map, Value, json};
use std::time::Duration;

const DASHBOARD: &str = "{ regions(level: DISTRICT) { code name
  unions { grassrootsUnionCount workersHomeCount }
  youth { branchCount volunteerCount youthHomeCount }
  women { organizationCount womensHomeCount childrensHomeCount }
  science { associationCount workstationCount }
  disability { organizationCount workerCount } } }";

const ORGANISATIONS: [&str; 5] = ["unions", "youth", "women", "science", "disability"];
/// The dispute statuses in the order the disputes chart stacks them.
const DISPUTE_STATUSES: [&str; 5] = [
    "RECEIVED",
    "MEDIATING",
    "RESOLVED",
    "REFERRED_TO_ARBITRATION",
    "WITHDRAWN",
];

/// The disputes widget's data for the city, as a client would ask for it.
const CITY_DISPUTES: &str =
    "{ regions(parentCode: \"510100\") { name unions { disputesByStatus { status count } } }
  laborDisputes(filter: { regionCode: null }, limit: 8) { totalCount items { id } } }";

/// The service-centres widget's data for the city.
const CITY_CENTRES: &str = "{ serviceCenters(regionCode: null, limit: 12) { items { id name averageScore ratingCount } } }";

/// The disputes widget as the page shows it: the chart's categories and stacked series, the
/// listed cases and the total in the heading.
const READ_DISPUTES: &str = r#"(() => {
  const chart = document.querySelector('[data-chart=disputes]');
  const heading = document.querySelector('[data-widget=disputes] h3').textContent;
  return {
    categories: JSON.parse(chart.dataset.categories),
    series: JSON.parse(chart.dataset.series),
    cases: [...document.querySelectorAll('[data-widget=disputes] .cases a')].map((a) => a.dataset.case),
    total: Number(heading.replace(/^[^(]*\(|\)$/g, '')),
  };
})()"#;

/// The service-centres table as the page shows it: id, name and the rating cell's text.
const READ_CENTRES: &str = r#"[...document.querySelectorAll('[data-widget=centres] tbody tr')].map((tr) => {
  const cells = tr.querySelectorAll('td');
  return [tr.dataset.id, cells[0].textContent, cells[2].textContent];
})"#;

/// What the disputes widget must show for `answer` (the answer to [`CITY_DISPUTES`]).
fn expected_disputes(answer: &Value) -> Value {
    let regions = answer["data"]["regions"].as_array().expect("regions");
    let count = |region: &Value, status: &str| {
        region["unions"]["disputesByStatus"]
            .as_array()
            .and_then(|list| list.iter().find(|entry| entry["status"] == status))
            .map_or(Value::Null, |entry| entry["count"].clone())
    };
    json!({
        "categories": regions.iter().map(|r| r["name"].clone()).collect::<Vec<_>>(),
        "series": DISPUTE_STATUSES
            .iter()
            .map(|status| regions.iter().map(|r| count(r, status)).collect::<Vec<_>>())
            .collect::<Vec<_>>(),
        "cases": answer["data"]["laborDisputes"]["items"]
            .as_array()
            .expect("cases")
            .iter()
            .map(|case| case["id"].clone())
            .collect::<Vec<_>>(),
        "total": answer["data"]["laborDisputes"]["totalCount"],
    })
}

/// What the service-centres table must show for `answer` (the answer to [`CITY_CENTRES`]).
fn expected_centres(answer: &Value) -> Value {
    let rows = answer["data"]["serviceCenters"]["items"]
        .as_array()
        .expect("centres")
        .iter()
        .map(|centre| {
            let score = centre["averageScore"]
                .as_f64()
                // JavaScript's toFixed(2) rounds a tie up; Rust's formatting rounds it to even.
                .map_or("—".to_string(), |score| {
                    format!("{:.2}", (score * 100.0).round() / 100.0)
                });
            let rating = format!("{score} ({} 条评价)", centre["ratingCount"]);
            json!([centre["id"], centre["name"], rating])
        })
        .collect::<Vec<_>>();
    Value::Array(rows)
}
const WAIT: Duration = Duration::from_secs(30);

/// The figures table as the page shows it: row code → {"org.field": number or null}.
const READ_TABLE: &str = r#"(() => {
  const rows = {};
  for (const tr of document.querySelectorAll('[data-widget=figures] tbody tr, [data-widget=figures] tfoot tr')) {
    const cells = {};
    for (const td of tr.querySelectorAll('td')) {
      const digits = td.textContent.replace(/[^0-9]/g, '');
      cells[`${td.dataset.org}.${td.dataset.field}`] = digits === '' ? null : Number(digits);
    }
    rows[tr.dataset.code] = cells;
  }
  return rows;
})()"#;

/// The dashboard query's figures as "org.field" → number, like [`READ_TABLE`].
fn expected_cells(region: &Value) -> Map<String, Value> {
    let mut cells = Map::new();
    for org in ORGANISATIONS {
        for (field, value) in region[org]
            .as_object()
            .expect("figures of every organisation")
        {
            cells.insert(format!("{org}.{field}"), value.clone());
        }
    }
    cells
}

async fn wait_ready(browser: &mut Browser) {
    browser
        .wait_for("document.body.dataset.ready === 'true'", WAIT)
        .await;
}

/// Waits until the figures table's first body row is a region whose code has `length` digits
/// (6 a district, 9 a street, 12 a community): the table of the view just navigated to.
async fn wait_for_rows_of_code_length(browser: &mut Browser, length: usize) {
    browser
        .wait_for(
            &format!(
                "document.body.dataset.ready === 'true' && (document.querySelector('[data-widget=figures] tbody tr')?.dataset.code ?? '').length === {length}"
            ),
            WAIT,
        )
        .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_dashboard_shows_the_citys_figures_drills_down_and_names_a_missing_organisation() {
    let Some(mut browser) = Browser::launch_or_skip("dashboard_browser").await else {
        return;
    };
    let mut graph = Graph::start().await;
    let base = graph.gateway_url.trim_end_matches("/graphql").to_string();
    let expected = graph.query(DASHBOARD, json!({}), None).await;
    let regions = expected["data"]["regions"]
        .as_array()
        .expect("regions")
        .clone();
    assert_eq!(regions.len(), 20);

    // The overview: every district's figures as the dashboard query returns them.
    browser.navigate(&format!("{base}/dashboard")).await;
    wait_ready(&mut browser).await;
    let first_render = browser.eval("window.quntuan.renders[0].ms").await;
    eprintln!("overview first render (demo seed): {first_render} ms after navigation start");
    let table = browser.eval(READ_TABLE).await;
    for region in &regions {
        let code = region["code"].as_str().expect("code");
        assert_eq!(
            table[code],
            Value::Object(expected_cells(region)),
            "district {code} on the page"
        );
    }
    assert_eq!(
        table.as_object().map(|t| t.len()),
        Some(21),
        "20 districts and the total"
    );
    for (column, total) in table["total"].as_object().expect("a total row") {
        let sum: i64 = regions
            .iter()
            .map(|r| {
                table[r["code"].as_str().unwrap_or_default()][column]
                    .as_i64()
                    .unwrap_or(0)
            })
            .sum();
        assert_eq!(total.as_i64(), Some(sum), "city total of {column}");
    }
    // The disputes widget: its stacked chart, its cases and their count, as the API says.
    browser
        .wait_for(
            "document.querySelector('[data-chart=disputes]')?.dataset.series",
            WAIT,
        )
        .await;
    let disputes = graph.query(CITY_DISPUTES, json!({}), None).await;
    assert_eq!(
        browser.eval(READ_DISPUTES).await,
        expected_disputes(&disputes)
    );
    // The service centres: every listed centre with its rating.
    let centres = graph.query(CITY_CENTRES, json!({}), None).await;
    let shown = browser.eval(READ_CENTRES).await;
    assert!(
        shown.as_array().is_some_and(|rows| !rows.is_empty()),
        "{shown}"
    );
    assert_eq!(shown, expected_centres(&centres));
    browser.screenshot("dashboard-overview").await;
    // The same view on a wall screen: three columns, every widget in sight.
    browser.viewport(2560, 1440).await;
    browser
        .wait_for("getComputedStyle(document.querySelector('main')).gridTemplateColumns.split(' ').length === 3", WAIT)
        .await;
    browser.screenshot("dashboard-wall-screen").await;
    browser.viewport(1366, 768).await;

    // Drill down by clicking the chart over the first district: its streets add up to it.
    let point = browser
        .eval("(() => { const r = document.querySelector('[data-chart=figures]').getBoundingClientRect(); return [r.x + 48 + (r.width - 64) / 40, r.y + r.height / 2]; })()")
        .await;
    browser
        .click_at(
            point[0].as_f64().unwrap_or(0.0),
            point[1].as_f64().unwrap_or(0.0),
        )
        .await;
    browser
        .wait_for("location.hash === '#region=510104'", WAIT)
        .await;
    wait_ready(&mut browser).await;
    // The hash changes at the click, before the page drops its ready mark for the new view:
    // wait until the table lists the district's streets (9-digit codes), not the city's rows.
    wait_for_rows_of_code_length(&mut browser, 9).await;
    let district = browser.eval(READ_TABLE).await;
    let streets: Vec<&Value> = district
        .as_object()
        .expect("rows")
        .iter()
        .filter(|(code, _)| code.len() == 9)
        .map(|(_, cells)| cells)
        .collect();
    assert!(!streets.is_empty(), "the district's streets: {district}");
    let overview_row = &table["510104"];
    for (column, total) in district["total"].as_object().expect("a total row") {
        let sum: i64 = streets
            .iter()
            .map(|s| s[column].as_i64().unwrap_or(0))
            .sum();
        assert_eq!(
            total.as_i64(),
            Some(sum),
            "510104 {column} is the sum of its streets"
        );
        assert_eq!(
            total, &overview_row[column],
            "510104 {column} as in the overview"
        );
    }
    assert_eq!(
        browser
            .eval("document.querySelector('header .trail').textContent")
            .await,
        "成都市 › 锦江区"
    );
    browser.screenshot("dashboard-district").await;

    // A street, by clicking its row: its communities.
    browser.click("[data-widget=figures] tbody tr a").await;
    browser
        .wait_for(
            "location.hash.startsWith('#region=510104') && location.hash.length === 17",
            WAIT,
        )
        .await;
    wait_ready(&mut browser).await;
    wait_for_rows_of_code_length(&mut browser, 12).await;
    let street = browser.eval(READ_TABLE).await;
    assert!(
        street
            .as_object()
            .expect("rows")
            .keys()
            .any(|code| code.len() == 12),
        "the street's communities: {street}"
    );
    browser.screenshot("dashboard-street").await;

    // One labour-dispute case: the union's steps; personal data only once signed in.
    browser
        .navigate(&format!("{base}/dashboard#case=unions-dispute-000001"))
        .await;
    wait_ready(&mut browser).await;
    let steps = browser
        .eval("document.querySelectorAll('[data-widget=case] .steps li').length")
        .await;
    assert!(steps.as_u64() > Some(0), "the case's steps are listed");
    assert_eq!(
        browser
            .eval("document.querySelector('[data-personal]').dataset.personal")
            .await,
        "hidden"
    );
    let signed = token("dashboard-test", "unions:personal women:personal");
    browser
        .eval(&format!(
            "sessionStorage.setItem('quntuan.token', {signed:?}); location.reload()"
        ))
        .await;
    browser
        .wait_for("document.readyState === 'complete'", WAIT)
        .await;
    wait_ready(&mut browser).await;
    assert_eq!(
        browser
            .eval("document.querySelector('[data-personal]').dataset.personal")
            .await,
        "shown"
    );
    browser.screenshot("dashboard-case").await;

    // English.
    browser.click("[data-action=lang]").await;
    browser
        .wait_for(
            "document.querySelector('h1').textContent === 'Chengdu mass organisations dashboard'",
            WAIT,
        )
        .await;
    wait_ready(&mut browser).await;
    browser
        .eval("localStorage.clear(); sessionStorage.clear()")
        .await;

    // GraphiQL from the binary: loads, runs the preset query, shows the plan; nothing
    // requested beyond 127.0.0.1.
    browser.requests.clear();
    browser.navigate(&format!("{base}/graphql")).await;
    browser
        .wait_for("document.querySelector('.graphiql-execute-button')", WAIT)
        .await;
    browser.click(".graphiql-execute-button").await;
    browser
        .wait_for("document.querySelector('.result-window') && document.querySelector('.result-window').textContent.includes('锦江区')", WAIT)
        .await;
    browser
        .wait_for("document.querySelector('[data-plan]')", WAIT)
        .await;
    browser.screenshot("graphiql").await;
    let outside: Vec<&String> = browser
        .requests
        .iter()
        .filter(|url| !url.starts_with("http://127.0.0.1:") && !url.starts_with("data:"))
        .collect();
    assert!(outside.is_empty(), "GraphiQL requested {outside:?}");
    assert!(
        browser
            .requests
            .iter()
            .any(|url| url.contains("/assets/graphiql.js")),
        "{:?}",
        browser.requests
    );

    // A stopped subgraph: the page names it and still shows the other organisations.
    graph.kill("science");
    browser.navigate(&format!("{base}/dashboard")).await;
    wait_ready(&mut browser).await;
    let failing = browser
        .eval("document.querySelector('[data-widget=figures] .error-panel').dataset.failing")
        .await;
    assert_eq!(failing, "science");
    let panel = browser
        .eval("document.querySelector('[data-widget=figures] .error-panel').textContent")
        .await;
    assert!(
        panel.as_str().is_some_and(|p| p.contains("科协")),
        "{panel}"
    );
    let degraded = browser.eval(READ_TABLE).await;
    for region in &regions {
        let code = region["code"].as_str().expect("code");
        let mut cells = expected_cells(region);
        cells.insert("science.associationCount".into(), Value::Null);
        cells.insert("science.workstationCount".into(), Value::Null);
        assert_eq!(
            degraded[code],
            Value::Object(cells),
            "district {code} without science"
        );
    }
    browser.screenshot("dashboard-science-down").await;
}

const REGISTER_VOLUNTEER: &str =
    "mutation($input: RegisterVolunteerInput!) { registerYouthVolunteer(input: $input) { id } }";
const RECEIVE_DISPUTE: &str =
    "mutation($input: ReceiveLaborDisputeInput!) { receiveLaborDispute(input: $input) { id } }";
/// The district and community the live test's mutations are in.
const LIVE_DISTRICT: &str = "510116";
const LIVE_COMMUNITY: &str = "510116001002";

/// The figure shown for `column` ("org.field") in `district`'s row of the figures table.
fn shown(district: &str, column: &str) -> String {
    format!(
        "Number(document.querySelector('[data-widget=figures] tr[data-code=\"{district}\"] td[data-org=\"{}\"][data-field=\"{}\"]').textContent.replace(/[^0-9]/g, ''))",
        column.split('.').next().unwrap_or_default(),
        column.split('.').nth(1).unwrap_or_default()
    )
}

/// The service centres' dispute counts, as the centres widget asks for them.
const CENTRE_DISPUTES: &str = "query($regionCode: String) { serviceCenters(regionCode: $regionCode, limit: 12) { items { id unions { disputeCount } } } }";

/// The dispute count the centres widget shows for `centre` (`⚖ n` among what the unions run
/// there; none shown is 0).
fn centre_disputes_shown(centre: &str) -> String {
    format!(
        "(() => {{ const li = document.querySelector('[data-widget=centres] tr[data-id=\"{centre}\"] li[data-org=unions]'); const m = li && li.textContent.match(/⚖ (\\d+)/); return m ? Number(m[1]) : 0; }})()"
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_dashboard_shows_a_registered_volunteer_and_a_received_dispute_without_a_reload() {
    let Some(mut browser) = Browser::launch_or_skip("dashboard_browser_live").await else {
        return;
    };
    let graph = Graph::start().await;
    let base = graph.gateway_url.trim_end_matches("/graphql").to_string();
    browser.navigate(&format!("{base}/dashboard")).await;
    wait_ready(&mut browser).await;
    browser
        .wait_for(
            "document.querySelector('header .live')?.dataset.live === 'live'",
            WAIT,
        )
        .await;
    // The protocol acknowledges no `subscribe`: give the gateway time to subscribe to the
    // subgraphs. A mark on the window tells a reload (which would drop it) from a refresh.
    tokio::time::sleep(Duration::from_millis(800)).await;
    browser.eval("window.notReloaded = true").await;
    let volunteers = browser
        .eval(&shown(LIVE_DISTRICT, "youth.volunteerCount"))
        .await;
    let volunteers = volunteers
        .as_i64()
        .expect("the district's volunteers on the page");
    let cases = browser.eval(READ_DISPUTES).await["total"]
        .as_i64()
        .expect("the city's cases on the page");
    // The first service centre listed mediates the dispute received below; the API's count of
    // its cases, and the page's.
    let centre = browser.eval(READ_CENTRES).await[0][0].clone();
    let centre = centre.as_str().expect("a centre on the page").to_string();
    let centre_cases = graph
        .query(CENTRE_DISPUTES, json!({"regionCode": null}), None)
        .await["data"]["serviceCenters"]["items"]
        .as_array()
        .expect("centres")
        .iter()
        .find(|c| c["id"] == centre.as_str())
        .map(|c| c["unions"]["disputeCount"].as_i64().expect("a count"))
        .expect("the page's centre in the API's list");
    assert_eq!(
        browser.eval(&centre_disputes_shown(&centre)).await,
        json!(centre_cases)
    );

    let registered = graph
        .query(
            REGISTER_VOLUNTEER,
            json!({"input": {
                "name": "看板测试",
                "idNumber": quntuan_kit::testing::resident_id_number(81_001),
                "phone": "13900081001",
                "regionCode": LIVE_COMMUNITY,
                "registeredOn": "2025-06-20",
            }}),
            Some(&token("dashboard-live", "")),
        )
        .await;
    assert!(
        registered["data"]["registerYouthVolunteer"]["id"].is_string(),
        "{registered}"
    );
    browser
        .wait_for(
            &format!(
                "window.notReloaded && {} === {}",
                shown(LIVE_DISTRICT, "youth.volunteerCount"),
                volunteers + 1
            ),
            WAIT,
        )
        .await;

    // A lost connection: the page says so, reopens the socket after its backoff and gets the
    // next event on the new one.
    browser.eval("window.quntuan.dropLive()").await;
    browser
        .wait_for(
            "document.querySelector('header .live').dataset.live === 'offline'",
            WAIT,
        )
        .await;
    browser
        .wait_for(
            "document.querySelector('header .live').dataset.live === 'live'",
            WAIT,
        )
        .await;
    tokio::time::sleep(Duration::from_millis(800)).await;

    let received = graph
        .query(
            RECEIVE_DISPUTE,
            json!({"input": {
                "title": "成都岷江物流有限公司拖欠工资纠纷",
                "category": "WAGE_ARREARS",
                "workerCount": 3,
                "amountClaimedYuan": 26400,
                "receivedOn": "2025-06-30",
                "claimantName": "王芳",
                "claimantPhone": "13800002222",
                "claimantIdNumber": "11010519491231002X",
                "regionCode": LIVE_COMMUNITY,
                "serviceCenterId": centre,
            }}),
            Some(&token("mediator-live", "unions:personal")),
        )
        .await;
    assert!(
        received["data"]["receiveLaborDispute"]["id"].is_string(),
        "{received}"
    );
    browser
        .wait_for(
            &format!(
                "window.notReloaded && Number(document.querySelector('[data-widget=disputes] h3').textContent.replace(/^[^(]*\\(|\\)$/g, '')) === {}",
                cases + 1
            ),
            WAIT,
        )
        .await;
    // The centre mediating it counts one case more, without a reload either.
    browser
        .wait_for(
            &format!(
                "window.notReloaded && {} === {}",
                centre_disputes_shown(&centre),
                centre_cases + 1
            ),
            WAIT,
        )
        .await;
    // The page shows what the API says after both events, with the new case listed.
    let disputes = graph.query(CITY_DISPUTES, json!({}), None).await;
    browser
        .wait_for(
            "document.querySelector('[data-chart=disputes]')?.dataset.series",
            WAIT,
        )
        .await;
    assert_eq!(
        browser.eval(READ_DISPUTES).await,
        expected_disputes(&disputes)
    );
    let events = browser.eval("window.quntuan.events").await;
    assert_eq!(events, json!(2), "one event for each mutation");
    browser.screenshot("dashboard-live").await;
}

/// A token the gateway refuses on the live socket (closed with 4403) stops the page's retries:
/// it says "sign in again" (or sign out) in either language and opens no socket until the
/// token changes; signing in with a valid token makes it live again.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_expired_token_asks_to_sign_in_again_instead_of_retrying() {
    let Some(mut browser) = Browser::launch_or_skip("dashboard_browser_forbidden").await else {
        return;
    };
    let graph = Graph::start().await;
    let base = graph.gateway_url.trim_end_matches("/graphql").to_string();
    browser.navigate(&format!("{base}/dashboard")).await;
    wait_ready(&mut browser).await;
    let expired = expired_token("dashboard-expired", "unions:personal");
    browser
        .eval(&format!(
            "sessionStorage.setItem('quntuan.token', {expired:?}); location.reload()"
        ))
        .await;
    browser
        .wait_for(
            "document.querySelector('header .live')?.dataset.live === 'forbidden'",
            WAIT,
        )
        .await;
    const SHOWN: &str = "[document.querySelector('header .live').textContent, [...document.querySelectorAll('header .sign-again button')].map((b) => `${b.dataset.action}: ${b.textContent}`), window.quntuan.connects]";
    assert_eq!(
        browser.eval(SHOWN).await,
        json!([
            "登录已失效，实时更新已暂停",
            ["sign-in-again: 重新登录", "sign-out: 退出"],
            1
        ])
    );
    // Past the first two retries' backoff (1 s, then 2 s): no socket was opened again.
    tokio::time::sleep(Duration::from_millis(3500)).await;
    assert_eq!(
        browser.eval(SHOWN).await,
        json!([
            "登录已失效，实时更新已暂停",
            ["sign-in-again: 重新登录", "sign-out: 退出"],
            1
        ])
    );
    browser.screenshot("dashboard-forbidden").await;

    // In English: the page renders again with the same token, is refused once more, and says so.
    browser.eval("location.hash = 'lang=en'").await;
    browser
        .wait_for(
            "document.documentElement.lang === 'en' && document.querySelector('header .live').dataset.live === 'forbidden'",
            WAIT,
        )
        .await;
    assert_eq!(
        browser.eval(SHOWN).await,
        json!([
            "Signed out: live updates paused",
            ["sign-in-again: Sign in again", "sign-out: Sign out"],
            2
        ])
    );

    // Signing in again with a valid token makes the page live.
    let valid = token("dashboard-again", "unions:personal");
    browser
        .eval(&format!(
            "window.prompt = () => {valid:?}; document.querySelector('header [data-action=sign-in-again]').click()"
        ))
        .await;
    browser
        .wait_for(
            "document.querySelector('header .live').dataset.live === 'live'",
            WAIT,
        )
        .await;
    assert_eq!(
        browser
            .eval("[document.querySelector('header [data-action=sign-out]')?.textContent, window.quntuan.connects]")
            .await,
        json!(["Signed in · Sign out", 3])
    );
}

/// Times the overview's first render against a running `quntuan dev` (for BENCHMARKS.md):
/// `QUNTUAN_DASHBOARD_URL=http://127.0.0.1:4000/dashboard cargo test -p quntuan-e2e --test
/// dashboard_browser -- --ignored --nocapture`. A fresh profile each round: the first load
/// fetches the bundles, the later ones revalidate them.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs a running quntuan dev: set QUNTUAN_DASHBOARD_URL"]
async fn time_the_overviews_first_render() {
    let url = std::env::var("QUNTUAN_DASHBOARD_URL").expect("QUNTUAN_DASHBOARD_URL");
    for round in 0..3 {
        let Some(mut browser) = Browser::launch_or_skip("time_the_overviews_first_render").await
        else {
            return;
        };
        let mut times = Vec::new();
        for _ in 0..5 {
            browser.navigate(&url).await;
            wait_ready(&mut browser).await;
            let ms = browser.eval("window.quntuan.renders[0].ms").await;
            times.push(ms.as_u64().unwrap_or_default());
        }
        eprintln!("round {round}: overview first render (cold, then warm) ms: {times:?}");
        // Where the last load's time went: each request's start and end, in ms.
        let resources = browser
            .eval("performance.getEntriesByType('resource').map(e => `${e.name.replace(/^.*\\//, '').slice(0, 40)} ${Math.round(e.startTime)}–${Math.round(e.responseEnd)}`).join('; ')")
            .await;
        eprintln!("  requests of the last load: {resources}");
    }
}
