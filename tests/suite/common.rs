//! The test application: a fresh database per test (a temporary SQLite file, or a new
//! PostgreSQL database made from REDRESS_TEST_PG), a clock the test moves, and an HTTP client.
use chrono::{TimeZone, Utc};
use redress::AppState;
use redress::clock::ManualClock;
use redress::config::Config;
use redress::domain::dossier::{Command, Remedy};
use redress::domain::money::Money;
use redress::domain::reference::CaseReference;
use redress::policy::Role;
use redress::services::Caller;
use redress::services::dossier::{Executed, execute};
use redress::services::filing::{
    Channel, CompanyPick, ConsumerPick, NewCase, PriorComplaint, file_case,
};
use redress::services::users::{CompanyChoice, NewUser, create_user};
use rocket::http::{ContentType, Header, Status};
use rocket::local::asynchronous::Client;
use sea_orm::{ConnectionTrait, Database};
use serde_json::Value;
use std::sync::Arc;
use tempfile::TempDir;

pub struct TestApp {
    pub client: Client,
    pub state: AppState,
    pub clock: Arc<ManualClock>,
    _dir: TempDir,
    pg: Option<PgDatabase>,
}

struct PgDatabase {
    admin_url: String,
    name: String,
}

/// Runs a test body on SQLite and, when REDRESS_TEST_PG is set, on PostgreSQL. Where it is
/// set, a server that cannot be reached fails the test rather than skipping it.
#[macro_export]
macro_rules! on_both_engines {
    ($name:ident) => {
        mod $name {
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                super::$name($crate::common::TestApp::sqlite().await).await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                match $crate::common::TestApp::postgres().await {
                    Some(app) => super::$name(app).await,
                    None => eprintln!("REDRESS_TEST_PG is not set: PostgreSQL run skipped"),
                }
            }
        }
    };
}

/// A Monday morning with no holiday in the weeks after it.
pub fn start_time() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap()
}

impl TestApp {
    pub async fn sqlite() -> TestApp {
        Self::sqlite_configured(|_| {}).await
    }

    /// On SQLite, with the configuration changed by `adjust` before start.
    pub async fn sqlite_configured(adjust: impl FnOnce(&mut Config)) -> TestApp {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = format!(
            "sqlite://{}?mode=rwc",
            dir.path().join("redress.db").display()
        );
        Self::start(url, dir, None, adjust).await
    }

    pub async fn postgres() -> Option<TestApp> {
        let admin_url = std::env::var("REDRESS_TEST_PG")
            .ok()
            .filter(|u| !u.is_empty())?;
        let name = format!("redress_t_{}", uuid::Uuid::new_v4().simple());
        let admin = Database::connect(&admin_url).await.unwrap_or_else(|e| {
            panic!("REDRESS_TEST_PG is set but PostgreSQL cannot be reached: {e}")
        });
        admin
            .execute_unprepared(&format!("CREATE DATABASE {name}"))
            .await
            .expect("create the test database");
        admin.close().await.ok();
        let mut url = url::Url::parse(&admin_url).expect("REDRESS_TEST_PG is a URL");
        url.set_path(&name);
        let dir = tempfile::tempdir().expect("temp dir");
        Some(
            Self::start(
                url.to_string(),
                dir,
                Some(PgDatabase { admin_url, name }),
                |_| {},
            )
            .await,
        )
    }

    async fn start(
        url: String,
        dir: TempDir,
        pg: Option<PgDatabase>,
        adjust: impl FnOnce(&mut Config),
    ) -> TestApp {
        let mut config = Config::for_database(url, dir.path().join("data"));
        adjust(&mut config);
        let clock = Arc::new(ManualClock::new(start_time()));
        let state = AppState::open(config, clock.clone())
            .await
            .expect("the app starts");
        // As `serve` does in development builds: records get signed.
        redress::services::keys::ensure(&state)
            .await
            .expect("a signing key");
        let client = Client::tracked(redress::build(state.clone()))
            .await
            .expect("rocket ignites");
        TestApp {
            client,
            state,
            clock,
            _dir: dir,
            pg,
        }
    }

    pub fn database_url(&self) -> &str {
        &self.state.config.database_url
    }

    pub async fn user(&self, role: Role, email: &str, company: Option<&str>) -> Caller {
        let new = NewUser {
            email: email.into(),
            name: email.split('@').next().unwrap_or("someone").into(),
            role,
            language: "en".into(),
            password: Some("correct horse battery staple".into()),
            company: company.map(|c| CompanyChoice::ByName(c.to_string())),
            neutral: None,
            self_registered: false,
        };
        let user = create_user(&self.state, new, "test")
            .await
            .expect("user created");
        Caller::User { id: user.id, role }
    }

    /// A consumer, a representative of "Webshop Noord BV", a neutral and a staff member.
    pub async fn cast(&self) -> Cast {
        Cast {
            consumer: self.user(Role::Consumer, "anna@example.eu", None).await,
            company: self
                .user(
                    Role::Company,
                    "service@webshop.example",
                    Some("Webshop Noord BV"),
                )
                .await,
            neutral: self.user(Role::Neutral, "mediator@example.eu", None).await,
            staff: self.user(Role::Staff, "staff@example.eu", None).await,
        }
    }

    /// Files a complete case for the cast's consumer against the cast's company.
    pub async fn file(&self, cast: &Cast) -> CaseReference {
        let new = sample_case(self, cast).await;
        let case = file_case(&self.state, &cast.consumer, new)
            .await
            .expect("case filed");
        case.reference.parse().unwrap()
    }

    /// Files a case, confirms the file complete and accepts it, as staff would.
    pub async fn accepted_case(&self, cast: &Cast) -> CaseReference {
        let r = self.file(cast).await;
        self.run(
            &r,
            &cast.staff,
            Command::ReviewCompleteness { missing: vec![] },
        )
        .await;
        self.run(&r, &cast.staff, Command::AcceptCase).await;
        r
    }

    /// An accepted case the company joined, with the cast's neutral assigned and declared and
    /// round 1 open.
    pub async fn negotiating_case(&self, cast: &Cast) -> CaseReference {
        let r = self.accepted_case(cast).await;
        let join = Command::AnswerParticipation {
            takes_part: true,
            reasons: String::new(),
        };
        self.run(&r, &cast.company, join).await;
        let assign = Command::Assign {
            neutral_id: cast.id(&cast.neutral),
            facts: Default::default(),
        };
        self.run(&r, &cast.staff, assign).await;
        self.run(&r, &cast.neutral, Command::DeclareIndependence)
            .await;
        self.run(&r, &cast.neutral, Command::OpenRound { deadline: None })
            .await;
        r
    }

    /// GET as the holder of `token`: the status and the JSON body (Null when there is none).
    pub async fn get_as(&self, path: &str, token: &str) -> (Status, Value) {
        let res = self
            .client
            .get(path.to_string())
            .header(bearer(token))
            .dispatch()
            .await;
        let status = res.status();
        (status, res.into_json().await.unwrap_or(Value::Null))
    }

    /// POST a JSON body, as the holder of `token` if one is given.
    pub async fn post_json(&self, path: &str, token: Option<&str>, body: Value) -> (Status, Value) {
        let mut req = self
            .client
            .post(path.to_string())
            .header(ContentType::JSON)
            .body(body.to_string());
        if let Some(token) = token {
            req = req.header(bearer(token));
        }
        let res = req.dispatch().await;
        let status = res.status();
        (status, res.into_json().await.unwrap_or(Value::Null))
    }

    /// The id of the (first) company the holder of `token` represents.
    pub async fn company_of(&self, token: &str) -> i64 {
        let (_, me) = self.get_as("/api/v1/me", token).await;
        me["companies"][0]["id"]
            .as_i64()
            .expect("the token's user represents a company")
    }

    /// Logs in through the API (every test user has the same password) and returns the token.
    pub async fn token(&self, email: &str) -> String {
        let body = serde_json::json!({"email": email, "password": "correct horse battery staple"});
        let res = self
            .client
            .post("/api/v1/session")
            .header(rocket::http::ContentType::JSON)
            .body(body.to_string())
            .dispatch()
            .await;
        let json: serde_json::Value = res.into_json().await.expect("a session");
        json["token"].as_str().expect("a token").to_string()
    }

    pub async fn run(&self, reference: &CaseReference, who: &Caller, command: Command) -> Executed {
        let label = format!("{command:?}");
        execute(&self.state, reference, who, command)
            .await
            .unwrap_or_else(|e| panic!("{label} failed: {e}"))
    }

    pub fn clock_now(&self) -> chrono::DateTime<Utc> {
        use redress::clock::Clock;
        self.clock.now()
    }
}

async fn entity_company_id(app: &TestApp) -> i64 {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    entity::companies::Entity::find()
        .filter(entity::companies::Column::Name.eq("Webshop Noord BV"))
        .one(&app.state.db)
        .await
        .unwrap()
        .expect("the cast's company exists")
        .id
}

/// The header that sends a login or company token.
pub fn bearer(token: &str) -> Header<'static> {
    Header::new("Authorization", format!("Bearer {token}"))
}

pub struct Cast {
    pub consumer: Caller,
    pub company: Caller,
    pub neutral: Caller,
    pub staff: Caller,
}

impl Cast {
    pub fn id(&self, who: &Caller) -> i64 {
        who.user_id().unwrap_or_default()
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        let Some(pg) = self.pg.take() else { return };
        // Drop the per-test database from a thread of its own: Drop cannot await.
        let _ = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build();
            if let Ok(rt) = rt {
                rt.block_on(async {
                    if let Ok(admin) = Database::connect(&pg.admin_url).await {
                        let _ = admin
                            .execute_unprepared(&format!(
                                "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                                pg.name
                            ))
                            .await;
                    }
                });
            }
        })
        .join();
    }
}

/// The hidden CSRF token of the form on `path`.
pub async fn csrf_of(app: &TestApp, path: &str) -> String {
    let page = app
        .client
        .get(path.to_string())
        .dispatch()
        .await
        .into_string()
        .await
        .unwrap();
    let start =
        page.find("name=\"csrf\" value=\"").expect("a CSRF field") + "name=\"csrf\" value=\"".len();
    page[start..].split('"').next().unwrap().to_string()
}

/// Logs in through the login page; the client keeps the session cookie. Returns a CSRF token
/// for the forms that follow.
pub async fn log_in(app: &TestApp, email: &str) -> String {
    let csrf = csrf_of(app, "/login").await;
    let (status, _, _) = submit(
        app,
        "/login",
        &[("csrf", &csrf), ("email", email), ("password", PASSWORD)],
    )
    .await;
    assert_eq!(status, Status::SeeOther, "{email} logs in");
    csrf
}

/// GET a page with the client's cookies: its status and HTML.
pub async fn page(app: &TestApp, path: &str) -> (Status, String) {
    let res = app.client.get(path.to_string()).dispatch().await;
    (res.status(), res.into_string().await.unwrap_or_default())
}

pub fn form(fields: &[(&str, &str)]) -> String {
    url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(fields)
        .finish()
}

pub async fn submit(
    app: &TestApp,
    path: &str,
    fields: &[(&str, &str)],
) -> (Status, Option<String>, String) {
    let res = app
        .client
        .post(path.to_string())
        .header(ContentType::Form)
        .body(form(fields))
        .dispatch()
        .await;
    let status = res.status();
    let location = res.headers().get_one("Location").map(str::to_string);
    (
        status,
        location,
        res.into_string().await.unwrap_or_default(),
    )
}

impl TestApp {
    /// The newest mail queued for `to` whose subject contains `needle`, as (subject, body).
    pub async fn mail_about(&self, to: &str, needle: &str) -> Option<(String, String)> {
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
        entity::mail_outbox::Entity::find()
            .filter(entity::mail_outbox::Column::ToAddress.eq(to))
            .filter(entity::mail_outbox::Column::Subject.contains(needle))
            .order_by_desc(entity::mail_outbox::Column::Id)
            .one(&self.state.db)
            .await
            .unwrap()
            .map(|m| (m.subject, m.body_text))
    }

    /// The newest mail queued for `to`, as (subject, body).
    pub async fn last_mail(&self, to: &str) -> Option<(String, String)> {
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
        entity::mail_outbox::Entity::find()
            .filter(entity::mail_outbox::Column::ToAddress.eq(to))
            .order_by_desc(entity::mail_outbox::Column::Id)
            .one(&self.state.db)
            .await
            .unwrap()
            .map(|m| (m.subject, m.body_text))
    }

    /// The token of the newest link to `path` mailed to `to`, as the person would click it.
    pub async fn mailed_token(&self, to: &str, path: &str) -> String {
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
        let marker = format!("{path}?token=");
        let mails = entity::mail_outbox::Entity::find()
            .filter(entity::mail_outbox::Column::ToAddress.eq(to))
            .order_by_desc(entity::mail_outbox::Column::Id)
            .all(&self.state.db)
            .await
            .unwrap();
        let body = mails
            .iter()
            .map(|m| &m.body_text)
            .find(|b| b.contains(&marker))
            .unwrap_or_else(|| panic!("no {path} link in the {} mails to {to}", mails.len()));
        let start = body.find(&marker).unwrap() + marker.len();
        body[start..]
            .split(|c: char| c.is_whitespace())
            .next()
            .unwrap()
            .to_string()
    }

    /// Registers a consumer through the API with the password every test user has.
    pub async fn register(&self, email: &str, name: &str) -> Status {
        let body = serde_json::json!({"email": email, "password": PASSWORD, "name": name, "language": "en"});
        self.post_json("/api/v1/accounts", None, body).await.0
    }

    /// Logs in through the API with `password`: the status and the token if there is one.
    pub async fn try_login(&self, email: &str, password: &str) -> (Status, Option<String>) {
        let body = serde_json::json!({"email": email, "password": password});
        let (status, json) = self.post_json("/api/v1/session", None, body).await;
        (status, json["token"].as_str().map(str::to_string))
    }
}

/// The password of every test user.
pub const PASSWORD: &str = "correct horse battery staple";

/// A complete case of the cast's consumer against the cast's company, ready to file.
pub async fn sample_case(app: &TestApp, cast: &Cast) -> NewCase {
    NewCase {
        consumer: ConsumerPick::Account(cast.id(&cast.consumer)),
        company: CompanyPick::Existing(entity_company_id(app).await),
        allow_duplicate: true,
        consumer_country: None,
        case_type: "complaint".into(),
        channel: Channel::Web,
        language: "en".into(),
        public: false,
        summary: "The washing machine arrived broken and the shop refuses a refund.".into(),
        desired_outcome: Remedy::Refund,
        claim: Money::eur(64_900).unwrap(),
        prior_complaint: Some(PriorComplaint {
            on: (app.clock_now() - chrono::Duration::days(10)).date_naive(),
            channel: "email".into(),
            reference: Some("CS-1".into()),
        }),
    }
}
