//! A small client of the Chrome DevTools protocol for the browser tests: starts headless
//! Chromium (Debian's `chromium`) on a fresh profile with every host but 127.0.0.1 unresolvable,
//! opens one page and drives it (navigate, evaluate, click, screenshot), recording the URL of
//! every request the page makes.
//!
//! Without a browser, [`Browser::launch_or_skip`] skips the test with a message, unless
//! `QUNTUAN_BROWSER_TESTS=1` (what CI sets), which makes a missing browser a failure.

use base64::Engine;
use futures::{SinkExt, StreamExt};
use serde_json::{Value, json};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream, connect_async};

type Socket = WebSocketStream<MaybeTlsStream<TcpStream>>;

const BROWSERS: &[&str] = &["chromium", "chromium-browser", "google-chrome"];

/// Where the browser binary is: `QUNTUAN_CHROMIUM`, or the first of [`BROWSERS`] on `PATH`.
pub fn find_chromium() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("QUNTUAN_CHROMIUM") {
        return Some(PathBuf::from(path));
    }
    let paths = std::env::var_os("PATH")?;
    std::env::split_paths(&paths)
        .flat_map(|dir| BROWSERS.iter().map(move |name| dir.join(name)))
        .find(|candidate| candidate.is_file())
}

/// Where tests leave screenshots: `$CARGO_TARGET_DIR/browser-artefacts` (or `target/…`).
pub fn artefacts_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../target"));
    let dir = target.join("browser-artefacts");
    std::fs::create_dir_all(&dir).expect("create the artefacts directory");
    dir
}

/// One headless Chromium with one page attached.
pub struct Browser {
    child: Child,
    profile: PathBuf,
    socket: Socket,
    session: String,
    next_id: u64,
    /// Every URL the page requested, in order (from `Network.requestWillBeSent`).
    pub requests: Vec<String>,
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

impl Browser {
    /// Starts the browser, or returns `None` after printing why the test is skipped.
    pub async fn launch_or_skip(test: &str) -> Option<Browser> {
        let required = std::env::var("QUNTUAN_BROWSER_TESTS").is_ok_and(|v| v == "1");
        match find_chromium() {
            Some(path) => Some(Browser::launch(&path).await),
            None if required => panic!(
                "QUNTUAN_BROWSER_TESTS=1 but no chromium on PATH: apt-get install -y chromium chromium-driver"
            ),
            None => {
                eprintln!(
                    "SKIPPED {test}: chromium is not installed (apt-get install -y chromium chromium-driver); set QUNTUAN_BROWSER_TESTS=1 to make this a failure"
                );
                None
            }
        }
    }

    /// Starts `path` headless with a 1366×768 window and attaches to a blank page.
    pub async fn launch(path: &Path) -> Browser {
        let profile = std::env::temp_dir().join(format!(
            "quntuan-chromium-{}-{}",
            std::process::id(),
            nanos()
        ));
        std::fs::create_dir_all(&profile).expect("create a browser profile");
        let mut child = Command::new(path)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--window-size=1366,768",
                // No outside network: a page that reaches past 127.0.0.1 fails loudly.
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
                "--remote-debugging-port=0",
                "--remote-allow-origins=*",
            ])
            .arg(format!("--user-data-dir={}", profile.display()))
            .arg("about:blank")
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {}: {e}", path.display()));
        let stderr = child.stderr.take().expect("piped stderr");
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut sent = false;
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if !sent && let Some(url) = line.strip_prefix("DevTools listening on ") {
                    let _ = tx.send(url.trim().to_string());
                    sent = true;
                }
            }
        });
        let url = rx
            .recv_timeout(Duration::from_secs(60))
            .expect("chromium prints its DevTools address");
        let (socket, _) = connect_async(url.as_str())
            .await
            .expect("connect to the DevTools socket");
        let mut browser = Browser {
            child,
            profile,
            socket,
            session: String::new(),
            next_id: 0,
            requests: Vec::new(),
        };
        let target = browser
            .call("Target.createTarget", json!({"url": "about:blank"}))
            .await;
        let attached = browser
            .call(
                "Target.attachToTarget",
                json!({"targetId": target["targetId"], "flatten": true}),
            )
            .await;
        browser.session = attached["sessionId"]
            .as_str()
            .expect("a session id")
            .to_string();
        for domain in ["Page.enable", "Network.enable", "Runtime.enable"] {
            browser.call(domain, json!({})).await;
        }
        browser.viewport(1366, 768).await;
        browser
    }

    /// Sends a command (to the page once attached) and waits for its result.
    pub async fn call(&mut self, method: &str, params: Value) -> Value {
        self.try_call(method, params)
            .await
            .unwrap_or_else(|error| panic!("{method} failed: {error}"))
    }

    /// Sends a command and waits for its result; the browser's refusal is the error.
    async fn try_call(&mut self, method: &str, params: Value) -> Result<Value, Value> {
        self.next_id += 1;
        let id = self.next_id;
        let mut message = json!({"id": id, "method": method, "params": params});
        if !self.session.is_empty() {
            message["sessionId"] = json!(self.session);
        }
        self.socket
            .send(Message::text(message.to_string()))
            .await
            .expect("send to the browser");
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let remaining = deadline.saturating_duration_since(Instant::now());
            let frame = tokio::time::timeout(remaining, self.socket.next())
                .await
                .unwrap_or_else(|_| panic!("the browser did not answer {method}"))
                .expect("the DevTools socket is open")
                .expect("a DevTools message");
            let Message::Text(text) = frame else { continue };
            let value: Value = serde_json::from_str(&text).expect("DevTools sends JSON");
            if value["method"] == "Network.requestWillBeSent" {
                if let Some(url) = value["params"]["request"]["url"].as_str() {
                    self.requests.push(url.to_string());
                }
            }
            if value["id"] == id {
                return match value.get("error") {
                    Some(error) => Err(error.clone()),
                    None => Ok(value["result"].clone()),
                };
            }
        }
    }

    pub async fn viewport(&mut self, width: u32, height: u32) {
        self.call(
            "Emulation.setDeviceMetricsOverride",
            json!({"width": width, "height": height, "deviceScaleFactor": 1, "mobile": false}),
        )
        .await;
    }

    /// Opens `url` and waits for its document to load.
    pub async fn navigate(&mut self, url: &str) {
        let result = self.call("Page.navigate", json!({"url": url})).await;
        assert!(
            result.get("errorText").is_none(),
            "navigating to {url}: {result}"
        );
        self.wait_for(
            "document.readyState === 'complete'",
            Duration::from_secs(30),
        )
        .await;
    }

    /// Evaluates `expression` in the page (awaiting a promise) and returns its value.
    pub async fn eval(&mut self, expression: &str) -> Value {
        self.try_eval(expression)
            .await
            .unwrap_or_else(|exception| panic!("`{expression}` threw: {exception}"))
    }

    /// Evaluates `expression`; an exception thrown in the page, or the browser refusing the
    /// evaluation (its context destroyed by a navigation), is the error.
    async fn try_eval(&mut self, expression: &str) -> Result<Value, Value> {
        let result = self
            .try_call(
                "Runtime.evaluate",
                json!({"expression": expression, "returnByValue": true, "awaitPromise": true}),
            )
            .await?;
        match result.get("exceptionDetails") {
            Some(exception) => Err(exception.clone()),
            None => Ok(result["result"]["value"].clone()),
        }
    }

    /// Polls `condition` until it is true; panics after `timeout`. A condition that throws
    /// counts as not yet true: between one document and the next (a navigation, a reload)
    /// the page has no `document.body` for a moment, which a loaded machine makes visible.
    pub async fn wait_for(&mut self, condition: &str, timeout: Duration) {
        let deadline = Instant::now() + timeout;
        loop {
            let outcome = self.try_eval(&format!("Boolean({condition})")).await;
            if outcome == Ok(json!(true)) {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "timed out after {timeout:?} waiting for `{condition}` (last: {outcome:?})"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// A real mouse click (pressed and released) at page coordinates.
    pub async fn click_at(&mut self, x: f64, y: f64) {
        for kind in ["mouseMoved", "mousePressed", "mouseReleased"] {
            self.call(
                "Input.dispatchMouseEvent",
                json!({"type": kind, "x": x, "y": y, "button": "left", "clickCount": 1}),
            )
            .await;
        }
    }

    /// Clicks the centre of the first element matching `selector`.
    pub async fn click(&mut self, selector: &str) {
        let rect = self
            .eval(&format!(
                "(() => {{ const e = document.querySelector({selector:?}); if (!e) return null; e.scrollIntoView({{block: 'center'}}); const r = e.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; }})()"
            ))
            .await;
        let (Some(x), Some(y)) = (rect[0].as_f64(), rect[1].as_f64()) else {
            panic!("nothing matches `{selector}` to click");
        };
        self.click_at(x, y).await;
    }

    /// Saves a PNG of the viewport as `name`.png in [`artefacts_dir`]; returns the path.
    pub async fn screenshot(&mut self, name: &str) -> PathBuf {
        let shot = self
            .call("Page.captureScreenshot", json!({"format": "png"}))
            .await;
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(shot["data"].as_str().expect("screenshot data"))
            .expect("screenshot is base64");
        let path = artefacts_dir().join(format!("{name}.png"));
        std::fs::write(&path, bytes).expect("write the screenshot");
        path
    }
}

/// Keeps two browsers of one process apart.
fn nanos() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0)
}
