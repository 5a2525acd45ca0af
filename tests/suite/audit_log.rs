//! R26: the audit trail cannot be changed without detection. Each test edits the database
//! directly, as an intruder or a careless administrator would, and `verify` must name the
//! first entry that no longer checks out.
use crate::common::TestApp;
use crate::on_both_engines;
use entity::{audit_entries, case_events};
use redress::audit::{self, Problem, entry_hash};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

/// A log of some accounts and one case with a few steps; returns the filing entry's number.
async fn populated(app: &TestApp) -> i64 {
    let cast = app.cast().await;
    app.accepted_case(&cast).await;
    let report = audit::verify(&app.state.db).await.unwrap();
    assert!(report.intact(), "{:?}", report.problem);
    assert!(report.entries >= 8);
    audit_entries::Entity::find()
        .filter(audit_entries::Column::Action.eq("case.file"))
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap()
        .seq
}

async fn tamper(app: &TestApp, sql: &str) -> Problem {
    app.state.db.execute_unprepared(sql).await.unwrap();
    let report = audit::verify(&app.state.db).await.unwrap();
    report.problem.expect("the tampering is caught")
}

async fn r26_an_edited_entry_is_caught(app: TestApp) {
    populated(&app).await;
    let problem = tamper(
        &app,
        "UPDATE audit_entries SET actor = 'staff:999' WHERE seq = 3",
    )
    .await;
    assert_eq!(problem.seq, 3);
    assert!(problem.what.contains("changed"), "{problem}");
}
on_both_engines!(r26_an_edited_entry_is_caught);

async fn r26_a_deleted_entry_is_caught(app: TestApp) {
    populated(&app).await;
    let problem = tamper(&app, "DELETE FROM audit_entries WHERE seq = 4").await;
    assert_eq!(problem.seq, 4);
    assert!(problem.what.contains("missing"), "{problem}");
}
on_both_engines!(r26_a_deleted_entry_is_caught);

async fn r26_reordered_entries_are_caught(app: TestApp) {
    populated(&app).await;
    let swap = "UPDATE audit_entries SET seq = -2 WHERE seq = 2; \
                UPDATE audit_entries SET seq = 2 WHERE seq = 3; \
                UPDATE audit_entries SET seq = 3 WHERE seq = -2;";
    let problem = tamper(&app, swap).await;
    assert_eq!(problem.seq, 2);
}
on_both_engines!(r26_reordered_entries_are_caught);

async fn r26_removing_the_newest_entry_is_caught_by_the_head(app: TestApp) {
    populated(&app).await;
    let problem = tamper(
        &app,
        "DELETE FROM audit_entries WHERE seq = (SELECT MAX(seq) FROM audit_entries)",
    )
    .await;
    assert!(problem.what.contains("removed from the end"), "{problem}");
}
on_both_engines!(r26_removing_the_newest_entry_is_caught_by_the_head);

/// An intruder who also recomputes the edited entry's own hash still breaks the next link.
async fn r26_a_rehashed_forgery_breaks_the_next_link(app: TestApp) {
    populated(&app).await;
    let mut forged = audit_entries::Entity::find_by_id(3)
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    forged.actor = "staff:999".into();
    let hash = entry_hash(&forged);
    let sql =
        format!("UPDATE audit_entries SET actor = 'staff:999', hash = '{hash}' WHERE seq = 3");
    let problem = tamper(&app, &sql).await;
    assert_eq!(problem.seq, 4);
    assert!(problem.what.contains("does not link"), "{problem}");
}
on_both_engines!(r26_a_rehashed_forgery_breaks_the_next_link);

/// The dossier events an entry vouches for cannot be edited either.
async fn r26_an_edited_dossier_event_is_caught(app: TestApp) {
    let filing = populated(&app).await;
    let filed = case_events::Entity::find()
        .filter(case_events::Column::Kind.eq("filed"))
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(filed.audit_seq, filing);
    let sql = format!(
        "UPDATE case_events SET payload = REPLACE(payload, 'web', 'post') WHERE id = {}",
        filed.id
    );
    let problem = tamper(&app, &sql).await;
    assert_eq!(problem.seq, filing);
    assert!(problem.what.contains("dossier event"), "{problem}");

    let sql = format!("DELETE FROM case_events WHERE id = {}", filed.id);
    let problem = tamper(&app, &sql).await;
    assert_eq!(problem.seq, filing);
}
on_both_engines!(r26_an_edited_dossier_event_is_caught);

/// The log keeps hashes, not personal data (R29): no name or e-mail appears in any entry.
#[tokio::test]
async fn r29_the_log_holds_no_personal_data() {
    let app = TestApp::sqlite().await;
    populated(&app).await;
    for entry in audit_entries::Entity::find()
        .all(&app.state.db)
        .await
        .unwrap()
    {
        let text = format!("{entry:?}");
        assert!(
            !text.contains("example.eu") && !text.contains("webshop.example"),
            "an e-mail address in {text}"
        );
        assert!(!text.contains("anna"), "a name in {text}");
        assert!(!text.contains("washing machine"), "case text in {text}");
    }
}
