//! R3, R20: notices go out over SMTP to a real server on loopback (a small sink written for
//! these tests), as plain text with an HTML alternative, each with a Message-ID and, for a
//! party, a reply address with the case's token; when the server is down nothing is lost and
//! the queue is retried later.
use crate::common::TestApp;
use redress::jobs::run_once;
use std::sync::{Arc, Mutex};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

/// Accepts SMTP sessions on `listener` and keeps every message's DATA.
fn smtp_sink(listener: TcpListener) -> Arc<Mutex<Vec<String>>> {
    let received = Arc::new(Mutex::new(Vec::new()));
    let store = received.clone();
    tokio::spawn(async move {
        while let Ok((socket, _)) = listener.accept().await {
            let store = store.clone();
            tokio::spawn(async move {
                let (read, mut write) = socket.into_split();
                let mut lines = BufReader::new(read).lines();
                let _ = write.write_all(b"220 sink ESMTP\r\n").await;
                let mut data: Option<String> = None;
                while let Ok(Some(line)) = lines.next_line().await {
                    if let Some(body) = data.as_mut() {
                        if line == "." {
                            store.lock().unwrap().push(std::mem::take(body));
                            data = None;
                            let _ = write.write_all(b"250 queued\r\n").await;
                        } else {
                            body.push_str(&line);
                            body.push('\n');
                        }
                        continue;
                    }
                    let verb = line.get(..4).unwrap_or("").to_ascii_uppercase();
                    let reply: &[u8] = match verb.as_str() {
                        "EHLO" => b"250-sink\r\n250 8BITMIME\r\n",
                        "HELO" | "MAIL" | "RCPT" | "RSET" | "NOOP" => b"250 ok\r\n",
                        "DATA" => {
                            data = Some(String::new());
                            b"354 go on\r\n"
                        }
                        "QUIT" => {
                            let _ = write.write_all(b"221 bye\r\n").await;
                            break;
                        }
                        _ => b"502 not here\r\n",
                    };
                    let _ = write.write_all(reply).await;
                }
            });
        }
    });
    received
}

#[tokio::test]
async fn r3_notices_go_out_over_smtp_and_wait_while_the_server_is_down() {
    // A port that is free now and has no server yet: the first attempt fails.
    let probe = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = probe.local_addr().unwrap().port();
    drop(probe);
    let app = TestApp::sqlite_configured(|c| {
        c.smtp_url = Some(format!("smtp://127.0.0.1:{port}"));
        c.mail_from = "Redress ADR <cases@adr.example>".into();
    })
    .await;
    let cast = app.cast().await;
    let r = app.accepted_case(&cast).await;

    let pass = run_once(&app.state).await.unwrap();
    assert!(pass.failed > 0 && pass.mailed == 0, "{pass:?}");
    let queued = {
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
        entity::mail_outbox::Entity::find()
            .filter(entity::mail_outbox::Column::SentAt.is_null())
            .all(&app.state.db)
            .await
            .unwrap()
    };
    assert!(!queued.is_empty(), "nothing lost");
    assert!(
        queued
            .iter()
            .all(|m| m.last_error.is_some() && m.next_attempt_at.is_some())
    );

    // The server comes up; before the backoff nothing is tried, after it everything goes.
    let listener = TcpListener::bind(("127.0.0.1", port)).await.unwrap();
    let received = smtp_sink(listener);
    assert_eq!(run_once(&app.state).await.unwrap().mailed, 0, "backing off");
    app.clock.advance(chrono::Duration::minutes(3));
    let pass = run_once(&app.state).await.unwrap();
    assert_eq!(pass.mailed, queued.len(), "{pass:?}");

    let messages = received.lock().unwrap().clone();
    let notice = messages
        .iter()
        .find(|m| m.contains("To: service@webshop.example") && m.contains(&r.to_string()))
        .expect("the company's notice arrived");
    assert!(notice.contains("Message-ID: <"), "{notice}");
    assert!(notice.contains("multipart/alternative"), "{notice}");
    assert!(notice.contains("text/html"), "{notice}");
    assert!(
        notice.contains(&format!("Reply-To: cases+{r}-company-")),
        "the reply address carries the token: {notice}"
    );
    assert!(notice.contains("@adr.example"), "{notice}");
}
