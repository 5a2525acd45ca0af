//! A real browser against a real server: Redress listening on 127.0.0.1 with a fresh SQLite
//! database and a clock the test moves, Debian's Chromium driven through chromedriver, and
//! axe-core (from npm, `tests/browser/node_modules`) run in every page the tests visit.
use chrono::{TimeZone, Utc};
use fantoccini::{Client, ClientBuilder, Locator};
use redress::AppState;
use redress::clock::ManualClock;
use redress::config::Config;
use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::Duration;

pub const DESKTOP: (u32, u32) = (1280, 900);
pub const PHONE: (u32, u32) = (360, 780);

/// Where the browser and its driver are, or why the suite cannot run. In CI (`CI` set) a
/// missing browser fails the run; elsewhere the suite says so loudly and stops.
pub fn tools() -> Option<(PathBuf, PathBuf, PathBuf)> {
    let find = |names: &[&str]| {
        names
            .iter()
            .map(PathBuf::from)
            .find(|p| p.is_file())
            .or_else(|| {
                let path = std::env::var_os("PATH")?;
                std::env::split_paths(&path)
                    .flat_map(|dir| names.iter().map(move |n| dir.join(n)))
                    .find(|p| p.is_file())
            })
    };
    let chromium = find(&["/usr/bin/chromium", "chromium", "chromium-browser"]);
    let driver = find(&["/usr/bin/chromedriver", "chromedriver"]);
    let axe = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/browser/node_modules/axe-core/axe.min.js");
    let missing: Vec<&str> = [
        (chromium.is_none(), "chromium (Debian package chromium)"),
        (
            driver.is_none(),
            "chromedriver (Debian package chromium-driver)",
        ),
        (!axe.is_file(), "axe-core (npm ci --prefix tests/browser)"),
    ]
    .into_iter()
    .filter_map(|(gone, what)| gone.then_some(what))
    .collect();
    if missing.is_empty() {
        return Some((chromium?, driver?, axe));
    }
    let message = format!(
        "\n\n********************************************************************\n\
         BROWSER TESTS NOT RUN: missing {}.\n\
         Install them (see README, or run .ci/run) to test the pages in a browser.\n\
         ********************************************************************\n",
        missing.join(", ")
    );
    if std::env::var_os("CI").is_some() {
        panic!("{message}");
    }
    eprintln!("{message}");
    None
}

pub struct Portal {
    pub state: AppState,
    pub clock: Arc<ManualClock>,
    pub base: String,
    _dir: tempfile::TempDir,
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

impl Portal {
    /// Redress on a free port of 127.0.0.1, on a fresh database, its clock on a Monday.
    pub async fn start() -> Portal {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = format!(
            "sqlite://{}?mode=rwc",
            dir.path().join("redress.db").display()
        );
        let mut config = Config::for_database(url, dir.path().join("data"));
        config.port = free_port();
        config.public_url = format!("http://127.0.0.1:{}", config.port);
        let clock = Arc::new(ManualClock::new(
            Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap(),
        ));
        let state = AppState::open(config, clock.clone())
            .await
            .expect("the app starts");
        redress::services::keys::ensure(&state)
            .await
            .expect("a signing key");
        let base = state.config.public_url.clone();
        let rocket = redress::build(state.clone());
        tokio::spawn(async move {
            let _ = rocket.launch().await;
        });
        let http = reqwest::Client::new();
        for _ in 0..100 {
            if http.get(format!("{base}/healthz")).send().await.is_ok() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        Portal {
            state,
            clock,
            base,
            _dir: dir,
        }
    }
}

/// chromedriver, stopped when the test ends.
pub struct Driver(Child);

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

pub struct Browser {
    pub client: Client,
    base: String,
    axe: String,
    pub downloads: PathBuf,
    screenshots: PathBuf,
    /// Every accessibility violation found, with the page it was on.
    pub violations: Vec<String>,
    _driver: Driver,
    _profile: tempfile::TempDir,
}

impl Browser {
    pub async fn open(portal: &Portal, chromium: &Path, driver: &Path, axe: &Path) -> Browser {
        // The driver speaks plain HTTP on 127.0.0.1, but its client needs a TLS provider named.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let port = free_port();
        let child = Command::new(driver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let driver = Driver(child);
        let profile = tempfile::tempdir().expect("a profile directory");
        let downloads = profile.path().join("downloads");
        std::fs::create_dir_all(&downloads).unwrap();
        let mut caps = serde_json::Map::new();
        caps.insert(
            "goog:chromeOptions".into(),
            json!({
                "binary": chromium,
                "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                         format!("--user-data-dir={}", profile.path().join("chrome").display()),
                         format!("--window-size={},{}", DESKTOP.0, DESKTOP.1), "--lang=en-GB"],
                "prefs": {
                    "download.default_directory": downloads,
                    "download.prompt_for_download": false,
                    "plugins.always_open_pdf_externally": true,
                    "intl.accept_languages": "en-GB,en"
                }
            }),
        );
        let mut client = None;
        for _ in 0..100 {
            match ClientBuilder::rustls()
                .expect("TLS for the driver client")
                .capabilities(caps.clone())
                .connect(&format!("http://127.0.0.1:{port}"))
                .await
            {
                Ok(c) => {
                    client = Some(c);
                    break;
                }
                Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
            }
        }
        let client = client.expect("chromedriver answers");
        let screenshots = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
        std::fs::create_dir_all(&screenshots).unwrap();
        Browser {
            client,
            base: portal.base.clone(),
            axe: std::fs::read_to_string(axe).expect("axe-core"),
            downloads,
            screenshots,
            violations: Vec::new(),
            _driver: driver,
            _profile: profile,
        }
    }

    pub async fn goto(&self, path: &str) {
        self.client
            .goto(&format!("{}{path}", self.base))
            .await
            .unwrap_or_else(|e| panic!("opening {path}: {e}"));
    }

    /// The path of the page shown now.
    pub async fn path(&self) -> String {
        let url = self.client.current_url().await.expect("a URL");
        url.path().to_string()
    }

    pub async fn text(&self) -> String {
        self.client
            .find(Locator::Css("body"))
            .await
            .expect("a body")
            .text()
            .await
            .expect("its text")
    }

    pub async fn fill(&self, css: &str, value: &str) {
        let field = self
            .client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no field {css} on {}: {e}", self.base));
        field.clear().await.ok();
        field
            .send_keys(value)
            .await
            .unwrap_or_else(|e| panic!("typing into {css}: {e}"));
    }

    /// Sets a field's value directly: for date inputs, whose typing depends on the locale.
    pub async fn set_value(&self, css: &str, value: &str) {
        self.client
            .execute(
                "document.querySelector(arguments[0]).value = arguments[1];",
                vec![css.into(), value.into()],
            )
            .await
            .unwrap_or_else(|e| panic!("setting {css}: {e}"));
    }

    pub async fn choose(&self, css: &str, value: &str) {
        let select = self
            .client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no select {css}: {e}"));
        select
            .select_by_value(value)
            .await
            .unwrap_or_else(|e| panic!("choosing {value} in {css}: {e}"));
    }

    pub async fn click(&self, css: &str) {
        let Ok(element) = self.client.find(Locator::Css(css)).await else {
            panic!(
                "nothing to click at {css} on {}:\n{}",
                self.path().await,
                self.text().await
            );
        };
        element
            .click()
            .await
            .unwrap_or_else(|e| panic!("clicking {css}: {e}"));
    }

    /// Submits the POST form whose action ends with `action`, by its submit button, and waits
    /// for the answer to load.
    pub async fn submit(&self, action: &str) {
        let form = format!("form[method=post][action$=\"{action}\"]");
        self.click_and_wait(&format!(
            "{form} button[type=submit], {form} button:not([type])"
        ))
        .await;
    }

    /// Clicks and waits until another page has replaced this one.
    pub async fn click_and_wait(&self, css: &str) {
        let old = self
            .client
            .find(Locator::Css("html"))
            .await
            .expect("a page");
        self.click(css).await;
        for _ in 0..200 {
            // The old page's root goes stale once the next page is there.
            if old.tag_name().await.is_err() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        self.client
            .wait()
            .for_element(Locator::Css("body"))
            .await
            .expect("the next page loads");
    }

    pub async fn log_in(&self, email: &str, password: &str) {
        self.client.delete_all_cookies().await.ok();
        self.goto("/login").await;
        self.fill("#email", email).await;
        self.fill("#password", password).await;
        self.submit("/login").await;
        let at = self.path().await;
        assert!(
            at != "/login",
            "{email} is not logged in:\n{}",
            self.text().await
        );
    }

    /// Runs axe-core (WCAG 2.0/2.1 A and AA) on the page shown now and keeps its violations.
    pub async fn check_accessibility(&mut self, label: &str) {
        self.client
            .execute(&self.axe, vec![])
            .await
            .expect("axe-core loads");
        let result = self
            .client
            .execute_async(
                r#"const done = arguments[arguments.length - 1];
                   axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
                      .then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' — ' +
                            v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', '))))
                      .catch(e => done(['axe failed: ' + e]));"#,
                vec![],
            )
            .await
            .expect("axe-core runs");
        if let Value::Array(found) = result {
            for v in found {
                self.violations.push(format!(
                    "{label} ({}): {}",
                    self.path().await,
                    v.as_str().unwrap_or("?")
                ));
            }
        }
    }

    /// Screenshots of the page shown now at desktop and phone width, into
    /// `target/screenshots/`; at phone width nothing may stick out sideways.
    pub async fn screenshots(&mut self, name: &str) {
        for (width, height, suffix) in [
            (DESKTOP.0, DESKTOP.1, "desktop"),
            (PHONE.0, PHONE.1, "phone"),
        ] {
            self.client
                .set_window_size(width, height)
                .await
                .expect("the window resizes");
            let png = self.client.screenshot().await.expect("a screenshot");
            std::fs::write(self.screenshots.join(format!("{name}-{suffix}.png")), png).unwrap();
            if suffix == "phone" {
                let wide = self
                    .client
                    .execute("return document.documentElement.scrollWidth - document.documentElement.clientWidth;", vec![])
                    .await
                    .expect("the page's width");
                if wide.as_i64().unwrap_or(0) > 0 {
                    self.violations.push(format!(
                        "{name} ({}): wider than a 360 px phone by {wide} px",
                        self.path().await
                    ));
                }
            }
        }
        self.client
            .set_window_size(DESKTOP.0, DESKTOP.1)
            .await
            .expect("the window resizes back");
    }

    /// Checks the page for accessibility and takes its screenshots.
    pub async fn look(&mut self, name: &str) {
        self.check_accessibility(name).await;
        self.screenshots(name).await;
    }

    /// The newest file downloaded, once it is complete.
    pub async fn downloaded(&self, suffix: &str) -> PathBuf {
        for _ in 0..100 {
            if let Some(found) = std::fs::read_dir(&self.downloads).ok().and_then(|entries| {
                entries
                    .filter_map(|e| e.ok().map(|e| e.path()))
                    .find(|p| p.to_string_lossy().ends_with(suffix))
            }) {
                return found;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("no {suffix} file was downloaded");
    }

    pub async fn close(self) {
        let _ = self.client.close().await;
    }
}
