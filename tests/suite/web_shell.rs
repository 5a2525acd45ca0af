//! The web shell: health, readiness, errors in the right shape, the OpenAPI document.
use crate::common::TestApp;
use crate::on_both_engines;
use rocket::http::{Accept, ContentType, Status};
use serde_json::Value;

async fn health_and_readiness_answer(app: TestApp) {
    let res = app.client.get("/healthz").dispatch().await;
    assert_eq!(res.status(), Status::Ok);
    assert_eq!(res.into_json::<Value>().await.unwrap()["status"], "ok");

    let res = app.client.get("/readyz").dispatch().await;
    assert_eq!(res.status(), Status::Ok);
    let body: Value = res.into_json().await.unwrap();
    assert_eq!(body["status"], "ready");
    let engine = if app.database_url().starts_with("postgres") {
        "postgres"
    } else {
        "sqlite"
    };
    assert_eq!(body["database"], engine);
}
on_both_engines!(health_and_readiness_answer);

#[tokio::test]
async fn an_unknown_api_address_answers_the_json_error_shape() {
    let app = TestApp::sqlite().await;
    let res = app.client.get("/api/v1/no-such-thing").dispatch().await;
    assert_eq!(res.status(), Status::NotFound);
    assert_eq!(res.content_type(), Some(ContentType::JSON));
    let body: Value = res.into_json().await.unwrap();
    assert_eq!(body["error"]["code"], "not_found");
    assert!(body["error"]["message"].as_str().unwrap().len() > 10);
}

#[tokio::test]
async fn a_post_to_a_read_only_api_address_is_a_json_4xx_not_a_500() {
    let app = TestApp::sqlite().await;
    let res = app
        .client
        .post("/api/v1/openapi.json")
        .header(ContentType::JSON)
        .body("{")
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::NotFound);
    let body: Value = res.into_json().await.unwrap();
    assert_eq!(body["error"]["code"], "not_found");
}

#[tokio::test]
async fn a_person_who_mistypes_an_address_sees_a_page_not_json() {
    let app = TestApp::sqlite().await;
    let res = app
        .client
        .get("/no-such-page")
        .header(Accept::HTML)
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::NotFound);
    assert_eq!(res.content_type(), Some(ContentType::HTML));
    let page = res.into_string().await.unwrap();
    assert!(page.contains("There is nothing here"));
    assert!(page.contains("href=\"/\""));
}

/// R4, R5: the fee and the notice that no lawyer is needed are shown before filing; and no
/// link to the closed EU ODR platform appears (Reg. 2024/3228).
#[tokio::test]
async fn r4_r5_the_front_page_states_fees_and_that_no_lawyer_is_needed() {
    let app = TestApp::sqlite().await;
    let res = app.client.get("/").dispatch().await;
    assert_eq!(res.status(), Status::Ok);
    let page = res.into_string().await.unwrap();
    assert!(page.contains("You do not need a lawyer"));
    assert!(page.contains("free of charge"));
    assert!(
        page.contains("EUR 52.50"),
        "the Dutch procedure's nominal fee is shown"
    );
    assert!(!page.to_lowercase().contains("ec.europa.eu/consumers/odr"));
}

/// Every API route the server mounts is described in the OpenAPI document it serves.
#[tokio::test]
async fn every_api_route_is_in_the_openapi_document() {
    let app = TestApp::sqlite().await;
    let doc: Value = app
        .client
        .get("/api/v1/openapi.json")
        .dispatch()
        .await
        .into_json()
        .await
        .unwrap();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    let paths = doc["paths"].as_object().unwrap();
    let mut checked = 0;
    for route in app.client.rocket().routes() {
        let path = route.uri.path().to_string();
        let is_api = path.starts_with("/api/")
            || path.starts_with("/.well-known/")
            || path == "/healthz"
            || path == "/readyz";
        if !is_api {
            continue;
        }
        // Rocket writes `<reference>`, OpenAPI `{reference}`.
        let openapi_path = path.replace('<', "{").replace('>', "}");
        let method = route.method.as_str().to_lowercase();
        assert!(
            paths
                .get(&openapi_path)
                .and_then(|p| p.get(&method))
                .is_some(),
            "{method} {openapi_path} is mounted but not in the OpenAPI document"
        );
        checked += 1;
    }
    assert!(checked >= 3);
}
