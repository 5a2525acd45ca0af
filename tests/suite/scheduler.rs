//! The scheduler: every due deadline fires exactly once and every reminder goes out once, also
//! with two scheduler processes on one database, and it catches up after downtime.
use crate::common::TestApp;
use crate::on_both_engines;
use redress::AppState;
use redress::jobs::run_once;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

async fn two_schedulers_racing_fire_each_deadline_and_reminder_once(app: TestApp) {
    let cast = app.cast().await;
    let mut cases = Vec::new();
    for _ in 0..6 {
        cases.push(app.accepted_case(&cast).await);
    }
    // A second "process": its own pool on the same database, the same clock.
    let other = AppState::open((*app.state.config).clone(), app.clock.clone())
        .await
        .expect("a second instance starts");

    // Two days before the company's 20 working days end: the reminders race.
    app.clock.advance(chrono::Duration::days(26));
    let (a, b) = tokio::join!(run_once(&app.state), run_once(&other));
    let reminded = a.unwrap().reminded + b.unwrap().reminded;
    assert_eq!(reminded, 6, "one reminder per case between the two");
    let reminders = entity::mail_outbox::Entity::find()
        .filter(entity::mail_outbox::Column::Subject.contains("Reminder"))
        .count(&app.state.db)
        .await
        .unwrap();
    assert_eq!(
        reminders, 6,
        "one mail each: the company has one representative"
    );

    // Past the deadline, after "downtime": both processes catch up at once.
    app.clock.advance(chrono::Duration::days(10));
    let (a, b) = tokio::join!(run_once(&app.state), run_once(&other));
    let (a, b) = (a.unwrap(), b.unwrap());
    assert_eq!(
        a.fired + b.fired,
        6,
        "each deadline fired once: {a:?} {b:?}"
    );
    assert_eq!(a.failed + b.failed, 0);
    for r in &cases {
        let lapses = entity::case_events::Entity::find()
            .filter(entity::case_events::Column::Kind.eq("lapsed"))
            .filter(
                entity::case_events::Column::CaseId.in_subquery(
                    sea_orm::sea_query::Query::select()
                        .column(entity::cases::Column::Id)
                        .from(entity::cases::Entity)
                        .and_where(entity::cases::Column::Reference.eq(r.to_string()))
                        .to_owned(),
                ),
            )
            .count(&app.state.db)
            .await
            .unwrap();
        assert_eq!(lapses, 1, "{r} lapsed once");
    }
    let (a, b) = tokio::join!(run_once(&app.state), run_once(&other));
    assert_eq!(
        a.unwrap().fired + b.unwrap().fired,
        0,
        "nothing left to fire"
    );
    assert!(
        redress::audit::verify(&app.state.db)
            .await
            .unwrap()
            .intact()
    );
}
on_both_engines!(two_schedulers_racing_fire_each_deadline_and_reminder_once);
