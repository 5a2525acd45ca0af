//! Webhooks: a company's endpoint receives the events of its cases, signed, retried with
//! backoff when it fails, visible in the delivery log, and sent again on request.
use crate::common::TestApp;
use crate::on_both_engines;
use redress::services::webhooks;
use rocket::http::Status;
use serde_json::{Value, json};
use std::sync::{Arc, Mutex};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// What the receiver got: the headers (lower-case names) and the body of each request.
type Received = Arc<Mutex<Vec<(Vec<(String, String)>, String)>>>;

/// A tiny HTTP receiver on loopback that answers each request with the next status of
/// `answers` (then 200).
async fn receiver(answers: Vec<u16>) -> (String, Received) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!(
        "http://127.0.0.1:{}/hook",
        listener.local_addr().unwrap().port()
    );
    let got: Received = Arc::default();
    let log = got.clone();
    tokio::spawn(async move {
        let mut answers = answers.into_iter();
        loop {
            let Ok((mut socket, _)) = listener.accept().await else {
                return;
            };
            let mut raw = Vec::new();
            let mut buf = [0u8; 4096];
            // Headers first, then as many body bytes as Content-Length says.
            let (head, body) = loop {
                let n = socket.read(&mut buf).await.unwrap_or(0);
                if n == 0 {
                    break (String::new(), String::new());
                }
                raw.extend_from_slice(&buf[..n]);
                let text = String::from_utf8_lossy(&raw).to_string();
                if let Some(end) = text.find("\r\n\r\n") {
                    let head = text[..end].to_string();
                    let length: usize = head
                        .lines()
                        .find_map(|l| {
                            l.to_lowercase()
                                .strip_prefix("content-length:")
                                .map(|v| v.trim().parse().unwrap_or(0))
                        })
                        .unwrap_or(0);
                    if raw.len() >= end + 4 + length {
                        break (head, text[end + 4..end + 4 + length].to_string());
                    }
                }
            };
            let headers = head
                .lines()
                .skip(1)
                .filter_map(|l| l.split_once(':'))
                .map(|(k, v)| (k.trim().to_lowercase(), v.trim().to_string()))
                .collect();
            log.lock().unwrap().push((headers, body));
            let status = answers.next().unwrap_or(200);
            let reply =
                format!("HTTP/1.1 {status} X\r\ncontent-length: 0\r\nconnection: close\r\n\r\n");
            let _ = socket.write_all(reply.as_bytes()).await;
        }
    });
    (url, got)
}

fn header<'a>(headers: &'a [(String, String)], name: &str) -> &'a str {
    headers
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
        .unwrap_or("")
}

async fn webhooks_are_signed_retried_logged_and_replayed(app: TestApp) {
    let cast = app.cast().await;
    let rep = app.token("service@webshop.example").await;
    let company = app.company_of(&rep).await;
    let (url, got) = receiver(vec![500]).await;

    let (status, bad) = app
        .post_json(
            &format!("/api/v1/companies/{company}/webhooks"),
            Some(&rep),
            json!({"url": "http://crm.example/hook"}),
        )
        .await;
    assert_eq!(status, Status::UnprocessableEntity, "https only: {bad}");
    let (status, made) = app
        .post_json(
            &format!("/api/v1/companies/{company}/webhooks"),
            Some(&rep),
            json!({"url": url, "events": ["accepted", "settled"]}),
        )
        .await;
    assert_eq!(status, Status::Created, "{made}");
    let secret = made["secret"].as_str().unwrap().to_string();
    let endpoint = made["id"].as_i64().unwrap();
    let (_, list) = app
        .get_as(&format!("/api/v1/companies/{company}/webhooks"), &rep)
        .await;
    assert!(list[0].get("secret").is_none(), "the secret is shown once");

    // Filing is not asked for; acceptance is.
    let r = app.accepted_case(&cast).await;
    let sent = webhooks::deliver_due(&app.state).await.unwrap();
    assert_eq!(
        (sent.delivered, sent.retrying),
        (0, 1),
        "the endpoint answered 500"
    );
    let log_path = format!("/api/v1/companies/{company}/webhooks/{endpoint}/deliveries");
    let (_, log) = app.get_as(&log_path, &rep).await;
    assert_eq!(log.as_array().unwrap().len(), 1);
    assert_eq!(log[0]["status"], "pending");
    assert_eq!(log[0]["last_status"], 500);
    // Not before the backoff: one minute after the first attempt.
    assert_eq!(
        webhooks::deliver_due(&app.state).await.unwrap().delivered,
        0
    );
    app.clock.advance(chrono::Duration::minutes(1));
    assert_eq!(
        webhooks::deliver_due(&app.state).await.unwrap().delivered,
        1
    );

    let requests = got.lock().unwrap().clone();
    assert_eq!(requests.len(), 2, "the failed attempt and the retry");
    let (headers, body) = &requests[1];
    assert_eq!(header(headers, "redress-event"), "accepted");
    let timestamp: i64 = header(headers, "redress-timestamp").parse().unwrap();
    assert_eq!(
        header(headers, "redress-signature"),
        webhooks::signature(&secret, timestamp, body),
        "HMAC-SHA256 over timestamp and body"
    );
    let payload: Value = serde_json::from_str(body).unwrap();
    assert_eq!(payload["event"], "accepted");
    assert_eq!(payload["case"], r.to_string());
    // A receiver checks it with the secret alone.
    {
        use hmac::{Hmac, Mac};
        let mut mac = Hmac::<sha2::Sha256>::new_from_slice(secret.as_bytes()).unwrap();
        mac.update(format!("{timestamp}.{body}").as_bytes());
        let expected = format!("v1={}", hex::encode(mac.finalize().into_bytes()));
        assert_eq!(header(headers, "redress-signature"), expected);
    }

    let (_, log) = app.get_as(&log_path, &rep).await;
    assert_eq!(log[0]["status"], "delivered");
    let delivery = log[0]["id"].as_i64().unwrap();
    let (status, again) = app
        .post_json(
            &format!("{log_path}/{delivery}/replay"),
            Some(&rep),
            json!({}),
        )
        .await;
    assert_eq!(status, Status::Created);
    assert_eq!(again["status"], "pending");
    assert_eq!(
        webhooks::deliver_due(&app.state).await.unwrap().delivered,
        1
    );
    assert_eq!(got.lock().unwrap().len(), 3, "sent again");

    // Another company sees nothing of it.
    app.user(
        redress::policy::Role::Company,
        "desk@skyhop.example",
        Some("SkyHop Airlines"),
    )
    .await;
    let other = app.token("desk@skyhop.example").await;
    let (status, _) = app.get_as(&log_path, &other).await;
    assert_eq!(status, Status::NotFound);

    // Disabled: later events are not queued.
    let res = app
        .client
        .delete(format!("/api/v1/companies/{company}/webhooks/{endpoint}"))
        .header(crate::common::bearer(&rep))
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::NoContent);
    app.accepted_case(&cast).await;
    assert_eq!(
        webhooks::deliver_due(&app.state).await.unwrap(),
        webhooks::Sent::default()
    );
}
on_both_engines!(webhooks_are_signed_retried_logged_and_replayed);

/// An endpoint that never answers well gives up after a day, and marks the delivery failed.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_delivery_that_keeps_failing_is_marked_failed_after_a_day() {
    let app = TestApp::sqlite().await;
    let cast = app.cast().await;
    let rep = app.token("service@webshop.example").await;
    let company = app.company_of(&rep).await;
    let (url, got) = receiver(vec![503; 100]).await;
    app.post_json(
        &format!("/api/v1/companies/{company}/webhooks"),
        Some(&rep),
        json!({"url": url, "events": ["accepted"]}),
    )
    .await;
    app.accepted_case(&cast).await;
    let mut failed = 0;
    for _ in 0..40 {
        failed += webhooks::deliver_due(&app.state).await.unwrap().failed;
        app.clock.advance(chrono::Duration::hours(1));
    }
    assert_eq!(failed, 1);
    let tries = got.lock().unwrap().len();
    assert!(
        (5..=30).contains(&tries),
        "backoff, not a flood: {tries} attempts in a day"
    );
}
