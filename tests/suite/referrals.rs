//! Company referrals (R33): a company refers a complaint its procedure could not settle; the
//! consumer confirms, declines or lets the invitation expire, and the company hears of it.
use crate::common::{TestApp, csrf_of, page, submit};
use crate::on_both_engines;
use redress::domain::dossier::Command;
use redress::jobs::run_once;
use redress::policy::Role;
use rocket::http::Status;
use serde_json::{Value, json};

fn referral(company_id: i64, reference: &str, email: &str) -> Value {
    json!({
        "company_id": company_id, "company_reference": reference,
        "consumer": {"name": "Anna de Vries", "email": email, "language": "nl"},
        "history": {"complained_on": "2026-02-10", "channel": "email",
                    "asked": "A refund of the broken washing machine",
                    "offered": "A repair", "final_answer": "We repair, we do not refund."},
        "desired_outcome": "refund", "amount_cents": 64_900, "currency": "EUR"
    })
}

/// The token of the link in the newest invitation mailed to `to`.
async fn invitation_token(app: &TestApp, to: &str) -> String {
    let (_, body) = app.mail_about(to, "").await.expect("an invitation");
    let start = body.find("/referrals/").expect("a referral link") + "/referrals/".len();
    body[start..]
        .split(|c: char| c.is_whitespace())
        .next()
        .unwrap()
        .to_string()
}

async fn webshop(app: &TestApp) -> (i64, String) {
    app.cast().await;
    let rep = app.token("service@webshop.example").await;
    (app.company_of(&rep).await, rep)
}

/// R33: referral → invitation in the consumer's language → the consumer adds and confirms →
/// a case in their name, prior complaint on record; once accepted, the company takes part.
async fn r33_a_referred_complaint_becomes_the_consumers_case(app: TestApp) {
    let (company, rep) = webshop(&app).await;
    let (status, r) = app
        .post_json(
            "/api/v1/referrals",
            Some(&rep),
            referral(company, "CS-4411", "new.consumer@example.eu"),
        )
        .await;
    assert_eq!(status, Status::Created, "{r}");
    assert_eq!(r["status"], "invited");
    let (subject, body) = app
        .mail_about("new.consumer@example.eu", "Webshop Noord BV")
        .await
        .expect("the consumer is invited");
    assert!(subject.contains("biedt aan"), "in Dutch: {subject}");
    assert!(body.contains("CS-4411"));
    // The same complaint referred again: the first referral, not a second invitation.
    let (status, again) = app
        .post_json(
            "/api/v1/referrals",
            Some(&rep),
            referral(company, "CS-4411", "new.consumer@example.eu"),
        )
        .await;
    assert_eq!(status, Status::Ok);
    assert_eq!(again["id"], r["id"]);

    let token = invitation_token(&app, "new.consumer@example.eu").await;
    let (status, html) = page(&app, &format!("/referrals/{token}")).await;
    assert_eq!(status, Status::Ok);
    assert!(html.contains("We repair, we do not refund.") && html.contains("€ 649,00"));
    let csrf = csrf_of(&app, &format!("/referrals/{token}")).await;
    let (status, _, html) = submit(
        &app,
        &format!("/referrals/{token}/confirmation"),
        &[
            ("csrf", &csrf),
            ("addition", "The machine leaked on the first day."),
            ("desired_outcome", "refund"),
            ("amount", "700,00"),
        ],
    )
    .await;
    assert_eq!(status, Status::Ok, "{html}");
    let start = html.find("RD-2026-").expect("the case reference");
    let reference = html[start..start + 14].to_string();
    let (status, _) = app
        .post_json(
            &format!("/api/v1/referrals/{token}/confirmation"),
            None,
            json!({}),
        )
        .await;
    assert_eq!(status, Status::Conflict, "a link is used once");

    let (_, list) = app
        .get_as(&format!("/api/v1/companies/{company}/referrals"), &rep)
        .await;
    assert_eq!(list[0]["status"], "confirmed");
    assert_eq!(list[0]["case"], reference);
    let (subject, body) = app
        .mail_about("service@webshop.example", "CS-4411")
        .await
        .expect("the company hears");
    assert!(subject.contains("took the case on"), "{subject}");
    assert!(body.contains(&reference));
    // The consumer got an account and a link to choose a password.
    assert!(
        app.mail_about("new.consumer@example.eu", "account")
            .await
            .is_some()
            || app
                .mail_about("new.consumer@example.eu", "Uw account")
                .await
                .is_some()
    );

    let case: redress::domain::reference::CaseReference = reference.parse().unwrap();
    let row = redress::services::dossier::find(&app.state, &case)
        .await
        .unwrap();
    assert_eq!(row.channel, "referral");
    assert_eq!(row.amount_claimed_cents, 70_000);
    assert_eq!(row.prior_complaint_reference.as_deref(), Some("CS-4411"));
    assert_eq!(row.status, "submitted");
    assert!(row.summary.contains("The machine leaked on the first day."));
    let staff = redress::services::Caller::User {
        id: staff_id(&app).await,
        role: redress::policy::Role::Staff,
    };
    app.run(
        &case,
        &staff,
        Command::ReviewCompleteness { missing: vec![] },
    )
    .await;
    app.run(&case, &staff, Command::AcceptCase).await;
    let row = redress::services::dossier::find(&app.state, &case)
        .await
        .unwrap();
    assert!(
        row.company_joined_at.is_some(),
        "the company takes part: it referred the case"
    );
    // A referral of the same complaint now points to the open case.
    let (status, third) = app
        .post_json(
            "/api/v1/referrals",
            Some(&rep),
            referral(company, "CS-4411", "new.consumer@example.eu"),
        )
        .await;
    assert_eq!(status, Status::Ok);
    assert_eq!(third["case"], reference);
}
on_both_engines!(r33_a_referred_complaint_becomes_the_consumers_case);

async fn staff_id(app: &TestApp) -> i64 {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    entity::users::Entity::find()
        .filter(entity::users::Column::Email.eq("staff@example.eu"))
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap()
        .id
}

/// The consumer declines, or lets the invitation expire: the company is told either way, and
/// the link answers no more.
async fn a_referral_declined_or_expired_is_told_to_the_company(app: TestApp) {
    let (company, rep) = webshop(&app).await;
    app.post_json(
        "/api/v1/referrals",
        Some(&rep),
        referral(company, "CS-1", "first@example.eu"),
    )
    .await;
    let token = invitation_token(&app, "first@example.eu").await;
    let (status, _) = app
        .post_json(
            &format!("/api/v1/referrals/{token}/decline"),
            None,
            json!({"reason": "I went to court."}),
        )
        .await;
    assert_eq!(status, Status::NoContent);
    let (subject, body) = app
        .mail_about("service@webshop.example", "CS-1")
        .await
        .unwrap();
    assert!(subject.contains("declined") && body.contains("I went to court."));
    let (status, _) = app
        .post_json(
            &format!("/api/v1/referrals/{token}/decline"),
            None,
            json!({}),
        )
        .await;
    assert_eq!(status, Status::Conflict);
    // The invitation's page speaks the consumer's language (Dutch), as its e-mail did.
    let (_, html) = page(&app, &format!("/referrals/{token}")).await;
    assert!(
        html.contains("U hebt deze uitnodiging geweigerd."),
        "{html}"
    );
    assert!(html.contains("<html lang=\"nl\">"));

    app.post_json(
        "/api/v1/referrals",
        Some(&rep),
        referral(company, "CS-2", "second@example.eu"),
    )
    .await;
    let token = invitation_token(&app, "second@example.eu").await;
    app.clock.advance_days(29);
    assert_eq!(run_once(&app.state).await.unwrap().referrals_expired, 0);
    app.clock.advance_days(2);
    assert_eq!(run_once(&app.state).await.unwrap().referrals_expired, 1);
    let (subject, _) = app
        .mail_about("service@webshop.example", "CS-2")
        .await
        .unwrap();
    assert!(subject.contains("did not answer"), "{subject}");
    let (status, body) = app
        .post_json(
            &format!("/api/v1/referrals/{token}/confirmation"),
            None,
            json!({}),
        )
        .await;
    assert_eq!(status, Status::Conflict);
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("expired")
    );
}
on_both_engines!(a_referral_declined_or_expired_is_told_to_the_company);

/// Only the company's own representatives refer for it; a bad field is named.
#[rocket::async_test]
async fn r33_only_a_companys_representatives_refer_and_bad_fields_are_named() {
    let app = TestApp::sqlite().await;
    let (company, rep) = webshop(&app).await;
    app.user(
        redress::policy::Role::Company,
        "desk@skyhop.example",
        Some("SkyHop Airlines"),
    )
    .await;
    let other = app.token("desk@skyhop.example").await;
    let (status, _) = app
        .post_json(
            "/api/v1/referrals",
            Some(&other),
            referral(company, "X", "a@example.eu"),
        )
        .await;
    assert_eq!(status, Status::NotFound);
    let consumer = app.token("anna@example.eu").await;
    let (status, _) = app
        .post_json(
            "/api/v1/referrals",
            Some(&consumer),
            referral(company, "X", "a@example.eu"),
        )
        .await;
    assert_eq!(status, Status::NotFound, "a consumer cannot refer: R33");
    let mut bad = referral(company, "X", "not an address");
    let (status, body) = app
        .post_json("/api/v1/referrals", Some(&rep), bad.clone())
        .await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(
        body["error"]["fields"]["consumer_email"].is_array(),
        "{body}"
    );
    bad["consumer"]["email"] = json!("a@example.eu");
    bad["history"]["complained_on"] = json!("2027-01-01");
    let (status, body) = app.post_json("/api/v1/referrals", Some(&rep), bad).await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(
        body["error"]["fields"]["complained_on"].is_array(),
        "{body}"
    );
    let (status, _) = page(&app, "/referrals/not-a-token").await;
    assert_eq!(status, Status::NotFound);

    // The representative's page: the form, and the referral in the list after it.
    let csrf = crate::common::log_in(&app, "service@webshop.example").await;
    let path = format!("/companies/{company}/referrals");
    let (status, location, _) = submit(
        &app,
        &path,
        &[
            ("csrf", &csrf),
            ("company_reference", "CS-PAGE-1"),
            ("consumer_name", "Jan Jansen"),
            ("consumer_email", "jan@example.eu"),
            ("consumer_language", "de"),
            ("case_type", "complaint"),
            ("complained_on", "2026-02-20"),
            ("channel", "phone"),
            ("asked", "A replacement"),
            ("offered", "A voucher"),
            ("final_answer", "A voucher is all we offer."),
            ("desired_outcome", "replacement"),
            ("amount", "89,95"),
        ],
    )
    .await;
    assert_eq!(status, Status::SeeOther);
    assert_eq!(location.as_deref(), Some(path.as_str()));
    let (_, html) = page(&app, &path).await;
    assert!(html.contains("CS-PAGE-1") && html.contains("Jan Jansen") && html.contains("invited"));
    let (subject, _) = app.mail_about("jan@example.eu", "").await.unwrap();
    assert!(subject.contains("bietet an"), "in German: {subject}");
}

/// R36: the company's deadlock letter, a PDF in the consumer's language naming the competent
/// entity and whether the company takes part, with a link that files a case carrying that
/// answer.
#[rocket::async_test]
async fn r36_a_deadlock_letter_names_the_entity_and_files_with_the_companys_answer() {
    let app = TestApp::sqlite().await;
    let (company, rep) = webshop(&app).await;
    let path = format!(
        "/api/v1/companies/{company}/deadlock-letter?reference=CS-9&consumer=Anne%20Dupont&complained_on=2026-02-10&takes_part=true&language=fr"
    );
    let res = app
        .client
        .get(path.clone())
        .header(crate::common::bearer(&rep))
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::Ok);
    assert_eq!(res.content_type(), Some(rocket::http::ContentType::PDF));
    let pdf = res.into_bytes().await.unwrap();
    let text = redress::pdf::text_of(&pdf).expect("text in the PDF");
    assert!(
        text.contains("compétente pour ce litige est Redress"),
        "{text}"
    );
    assert!(
        text.contains("takes_part=yes"),
        "the link carries the answer"
    );
    assert!(text.contains("Nous participerons"), "{text}");
    assert!(text.contains("Anne Dupont") && text.contains("CS-9"));
    let consumer = app.token("anna@example.eu").await;
    let res = app
        .client
        .get(path.clone())
        .header(crate::common::bearer(&consumer))
        .dispatch()
        .await;
    assert_eq!(
        res.status(),
        Status::NotFound,
        "only the company writes its letter"
    );
    let res = app
        .client
        .get(path.replace("2026-02-10", "2027-01-01"))
        .header(crate::common::bearer(&rep))
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::UnprocessableEntity);

    // The consumer follows the letter's link: logged out, they log in and come back to the
    // form, which holds the company, its reference and its answer; the case filed from it
    // carries that answer.
    let link = format!(
        "/cases/new?company_id={company}&prior_reference=CS-9&prior_on=2026-02-10&takes_part=yes"
    );
    let res = app.client.get(link.clone()).dispatch().await;
    assert_eq!(res.status(), Status::SeeOther);
    let login = res.headers().get_one("Location").unwrap().to_string();
    assert!(login.starts_with("/login?next="), "{login}");
    let (_, html) = page(&app, &login).await;
    assert!(
        html.contains("name=\"next\""),
        "the login form keeps where to return"
    );
    let csrf = csrf_of(&app, &login).await;
    let (status, location, _) = submit(
        &app,
        "/login",
        &[
            ("csrf", &csrf),
            ("email", "anna@example.eu"),
            ("password", crate::common::PASSWORD),
            ("next", &link),
        ],
    )
    .await;
    assert_eq!(
        (status, location.as_deref()),
        (Status::SeeOther, Some(link.as_str()))
    );
    let (status, location, _) = submit(
        &app,
        "/login",
        &[
            ("csrf", &csrf),
            ("email", "anna@example.eu"),
            ("password", crate::common::PASSWORD),
            ("next", "//evil.example/"),
        ],
    )
    .await;
    assert_eq!(
        (status, location.as_deref()),
        (Status::SeeOther, Some("/account")),
        "no open redirect"
    );
    let (status, html) = page(&app, &link).await;
    assert_eq!(status, Status::Ok);
    assert!(html.contains("value=\"CS-9\"") && html.contains("it takes part in our procedure"));
    let company_id = company.to_string();
    let (status, location, body) = submit(
        &app,
        "/cases/new",
        &[
            ("csrf", &csrf),
            ("company_id", &company_id),
            ("company_name", ""),
            ("company_email", ""),
            ("company_domain", ""),
            ("case_type", "complaint"),
            (
                "summary",
                "The washing machine leaked from the first day on.",
            ),
            ("desired_outcome", "refund"),
            ("amount", "649,00"),
            ("currency", "EUR"),
            ("language", "en"),
            ("prior_on", "2026-02-10"),
            ("prior_channel", "email"),
            ("prior_reference", "CS-9"),
            ("consumer_name", ""),
            ("consumer_email", ""),
            ("channel", ""),
            ("company_answer", "yes"),
        ],
    )
    .await;
    assert_eq!(status, Status::SeeOther, "{body}");
    let reference: redress::domain::reference::CaseReference = location
        .unwrap()
        .trim_start_matches("/cases/")
        .split('?')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let row = redress::services::dossier::find(&app.state, &reference)
        .await
        .unwrap();
    assert!(
        row.summary.contains("it takes part in this procedure"),
        "{}",
        row.summary
    );
    assert_eq!(row.prior_complaint_reference.as_deref(), Some("CS-9"));
}

const CSV_HEADER: &str = "company_reference,consumer_name,consumer_email,consumer_language,case_type,complained_on,channel,asked,offered,final_answer,desired_outcome,amount_cents,currency";

async fn post_csv(app: &TestApp, company: i64, token: &str, csv: &str) -> (Status, Value) {
    let res = app
        .client
        .post(format!("/api/v1/companies/{company}/referrals.csv"))
        .header(rocket::http::ContentType::CSV)
        .header(crate::common::bearer(token))
        .body(csv)
        .dispatch()
        .await;
    let status = res.status();
    (status, res.into_json().await.unwrap_or(Value::Null))
}

/// A CSV of referrals: every wrong line named with its field and nothing imported; a good
/// file invites each consumer, and a line already referred is not referred twice.
async fn a_csv_of_referrals_is_checked_whole_before_anything_is_imported(app: TestApp) {
    let (company, rep) = webshop(&app).await;
    let bad = format!(
        "{CSV_HEADER}\nB-1,Anna,anna.b@example.eu,nl,complaint,2026-02-10,email,A refund,A repair,No,refund,64900,EUR\nB-2,Jan,not-an-address,de,complaint,2026-02-10,phone,A refund,Nothing,No,refund,1000,EUR\nB-3,Eva,eva@example.eu,fr,complaint,10/02/2026,email,A refund,Nothing,No,refund,1000,EUR\nB-1,Anna,anna.b@example.eu,nl,complaint,2026-02-10,email,A refund,A repair,No,refund,64900,EUR\n"
    );
    let (status, body) = post_csv(&app, company, &rep, &bad).await;
    assert_eq!(status, Status::UnprocessableEntity, "{body}");
    let fields = &body["error"]["fields"];
    assert!(fields["line 3: consumer_email"].is_array(), "{body}");
    assert!(fields["line 4: complained_on"].is_array(), "{body}");
    assert!(
        fields["line 5: company_reference"].is_array(),
        "a reference twice in one file"
    );
    assert_eq!(
        fields.as_object().unwrap().len(),
        3,
        "the good line is not blamed"
    );
    let (_, list) = app
        .get_as(&format!("/api/v1/companies/{company}/referrals"), &rep)
        .await;
    assert_eq!(list.as_array().unwrap().len(), 0, "nothing half-imported");
    assert!(app.mail_about("anna.b@example.eu", "").await.is_none());

    let (status, body) = post_csv(
        &app,
        company,
        &rep,
        "company_reference,consumer_name\nX,Y\n",
    )
    .await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(
        body["error"]["fields"]["line 1: consumer_email"].is_array(),
        "{body}"
    );

    let good = format!(
        "{CSV_HEADER}\nB-1,Anna,anna.b@example.eu,nl,complaint,2026-02-10,email,A refund,A repair,No,refund,64900,EUR\n\"B-2\",\"Jansen, Jan\",jan.b@example.eu,de,incident,2026-02-11,phone,\"A refund, or a new one\",Nothing,No,replacement,1000,EUR\n"
    );
    let (status, body) = post_csv(&app, company, &rep, &good).await;
    assert_eq!(status, Status::Created, "{body}");
    assert_eq!(
        (body["created"].clone(), body["already_referred"].clone()),
        (json!(2), json!(0))
    );
    assert_eq!(body["referrals"][1]["consumer_name"], "Jansen, Jan");
    let (subject, _) = app.mail_about("jan.b@example.eu", "").await.unwrap();
    assert!(subject.contains("bietet an"), "in German: {subject}");
    let (status, body) = post_csv(&app, company, &rep, &good).await;
    assert_eq!(status, Status::Created);
    assert_eq!(
        (body["created"].clone(), body["already_referred"].clone()),
        (json!(0), json!(2))
    );
}
on_both_engines!(a_csv_of_referrals_is_checked_whole_before_anything_is_imported);

const PDF: &[u8] =
    b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

/// A multipart body of `fields` and then files, each `(field, file name, bytes)`.
fn multipart(
    fields: &[(&str, &str)],
    files: &[(&str, &str, &[u8])],
) -> (rocket::http::ContentType, Vec<u8>) {
    let boundary = "referral-boundary";
    let mut body = Vec::new();
    for (name, value) in fields {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
            )
            .as_bytes(),
        );
    }
    for (name, file_name, bytes) in files {
        body.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{file_name}\"\r\nContent-Type: application/octet-stream\r\n\r\n").as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (
        rocket::http::ContentType::new("multipart", "form-data")
            .with_params(("boundary", boundary)),
        body,
    )
}

async fn send_document(
    app: &TestApp,
    referral: &Value,
    token: &str,
    name: &str,
    bytes: &[u8],
) -> (Status, Value) {
    let (content_type, body) = multipart(&[], &[("file", name, bytes)]);
    let res = app
        .client
        .post(format!("/api/v1/referrals/{}/documents", referral["id"]))
        .header(content_type)
        .header(crate::common::bearer(token))
        .body(body)
        .dispatch()
        .await;
    let status = res.status();
    (status, res.into_json().await.unwrap_or(Value::Null))
}

/// R33, item 1: the company's documents travel with the referral. The consumer reads them
/// through the link, and confirming puts them in the case file as the company's, each with its
/// audit entry; after that the referral takes no more.
async fn r33_the_companys_documents_travel_with_the_referral_into_the_case(app: TestApp) {
    let (company, rep) = webshop(&app).await;
    let (_, referral) = app
        .post_json(
            "/api/v1/referrals",
            Some(&rep),
            referral(company, "CS-DOC", "doc.consumer@example.eu"),
        )
        .await;
    let (status, stored) = send_document(&app, &referral, &rep, "final-answer.pdf", PDF).await;
    assert_eq!(status, Status::Created, "{stored}");
    assert_eq!(stored["content_type"], "application/pdf");
    let (status, refused) =
        send_document(&app, &referral, &rep, "tool.bin", &[0, 1, 2, 0, 7]).await;
    assert_eq!(status, Status::UnprocessableEntity, "{refused}");
    assert!(refused["error"]["fields"]["file"].is_array(), "{refused}");
    app.user(Role::Company, "rep@other.example", Some("Other BV"))
        .await;
    let other = app.token("rep@other.example").await;
    let (status, _) = send_document(&app, &referral, &other, "x.pdf", PDF).await;
    assert_eq!(status, Status::NotFound, "another company's referral");

    let token = invitation_token(&app, "doc.consumer@example.eu").await;
    let res = app
        .client
        .get(format!("/api/v1/referrals/{token}"))
        .dispatch()
        .await;
    let view: Value = res.into_json().await.unwrap();
    assert_eq!(
        view["documents"][0]["file_name"], "final-answer.pdf",
        "{view}"
    );
    let link = view["documents"][0]["download"]
        .as_str()
        .unwrap()
        .to_string();
    let res = app.client.get(link.clone()).dispatch().await;
    assert_eq!(res.status(), Status::Ok);
    assert_eq!(res.into_bytes().await.unwrap(), PDF);
    let (_, html) = page(&app, &format!("/referrals/{token}")).await;
    assert!(
        html.contains(&link) && html.contains("final-answer.pdf"),
        "{html}"
    );
    let wrong = link.replace(&token, &"0".repeat(64));
    assert_eq!(
        app.client.get(wrong).dispatch().await.status(),
        Status::NotFound
    );

    let (status, confirmed) = app
        .post_json(
            &format!("/api/v1/referrals/{token}/confirmation"),
            None,
            json!({}),
        )
        .await;
    assert_eq!(status, Status::Created, "{confirmed}");
    let case: redress::domain::reference::CaseReference =
        confirmed["reference"].as_str().unwrap().parse().unwrap();
    let row = redress::services::dossier::find(&app.state, &case)
        .await
        .unwrap();
    let documents = {
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
        entity::attachments::Entity::find()
            .filter(entity::attachments::Column::CaseId.eq(row.id))
            .all(&app.state.db)
            .await
            .unwrap()
    };
    assert_eq!(documents.len(), 1);
    assert_eq!(documents[0].file_name, "final-answer.pdf");
    assert_eq!(documents[0].sha256, stored["sha256"].as_str().unwrap());
    let staff = app.token("staff@example.eu").await;
    let (_, log) = app
        .get_as(&format!("/api/v1/cases/{case}/audit"), &staff)
        .await;
    let entry = log
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["action"] == "case.add_document")
        .expect("the audit log has the document");
    assert!(
        entry["actor"].as_str().unwrap().starts_with("company:"),
        "added as the company's: {entry}"
    );
    let (status, _) = send_document(&app, &referral, &rep, "late.pdf", PDF).await;
    assert_eq!(
        status,
        Status::Conflict,
        "answered: documents go to the case"
    );
}
on_both_engines!(r33_the_companys_documents_travel_with_the_referral_into_the_case);

/// The company's page: a referral with a document from the form, and a CSV import that names
/// its wrong lines and imports nothing, then imports a mended file.
#[rocket::async_test]
async fn a_representative_refers_with_documents_and_imports_a_csv_on_the_page() {
    let app = TestApp::sqlite().await;
    let (company, _) = webshop(&app).await;
    crate::common::log_in(&app, "service@webshop.example").await;
    let path = format!("/companies/{company}/referrals");
    let csrf = csrf_of(&app, &path).await;
    let (content_type, body) = multipart(
        &[
            ("csrf", &csrf),
            ("company_reference", "CS-PAGE"),
            ("consumer_name", "Page Consumer"),
            ("consumer_email", "page.consumer@example.eu"),
            ("consumer_language", "fr"),
            ("case_type", "complaint"),
            ("complained_on", "2026-02-01"),
            ("channel", "email"),
            ("asked", "A refund"),
            ("offered", "Nothing"),
            ("final_answer", "No"),
            ("desired_outcome", "refund"),
            ("amount", "120,00"),
        ],
        &[("documents", "receipt.pdf", PDF), ("documents", "", b"")],
    );
    let res = app
        .client
        .post(&path)
        .header(content_type)
        .body(body)
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::SeeOther);
    let (_, html) = page(&app, &path).await;
    assert!(
        html.contains("CS-PAGE") && html.contains("receipt.pdf"),
        "{html}"
    );

    let bad = format!(
        "{CSV_HEADER}\nP-1,Anna,anna.p@example.eu,nl,complaint,2026-02-10,email,A refund,A repair,No,refund,64900,EUR\nP-2,Jan,nobody,de,complaint,2026-02-10,phone,A refund,Nothing,No,refund,1000,EUR\n"
    );
    let import = format!("{path}/import");
    let (content_type, body) = multipart(&[("csrf", &csrf)], &[("file", "r.csv", bad.as_bytes())]);
    let res = app
        .client
        .post(&import)
        .header(content_type)
        .body(body)
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::UnprocessableEntity);
    let html = res.into_string().await.unwrap();
    assert!(
        html.contains("Nothing was imported") && html.contains("Line 3, consumer_email"),
        "{html}"
    );
    assert!(!html.contains("P-1</td>"), "nothing half-imported");

    let good = bad.replace(",nobody,", ",jan.p@example.eu,");
    let (content_type, body) = multipart(&[("csrf", &csrf)], &[("file", "r.csv", good.as_bytes())]);
    let res = app
        .client
        .post(&import)
        .header(content_type)
        .body(body)
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::Ok);
    let html = res.into_string().await.unwrap();
    assert!(
        html.contains("Imported: 2 consumers invited, 0 already referred"),
        "{html}"
    );
    assert!(html.contains("P-2</td>"));
}
