//! The portal in a real browser (Debian's Chromium through chromedriver): a whole case from
//! registration to a verified settlement record, every main page of each role checked with
//! axe-core (WCAG 2.1 A and AA) at desktop and phone width, keyboard use, and the language
//! switcher. Screenshots land in `target/screenshots/`.
//!
//! Needs the packages chromium and chromium-driver and `npm ci --prefix tests/browser`. Without
//! them the tests say so loudly and pass, except in CI (`CI` set), where they fail.
mod harness;

use harness::{Browser, Portal, tools};
use redress::policy::Role;
use redress::services::users::{CompanyChoice, NewUser, create_user};

const PASSWORD: &str = "correct horse battery staple";

async fn person(portal: &Portal, role: Role, email: &str, company: Option<&str>) -> i64 {
    create_user(
        &portal.state,
        NewUser {
            email: email.into(),
            name: email.split('@').next().unwrap_or("someone").into(),
            role,
            language: "en".into(),
            password: Some(PASSWORD.into()),
            company: company.map(|c| CompanyChoice::ByName(c.into())),
            neutral: None,
            self_registered: false,
        },
        "browser test",
    )
    .await
    .expect("a user")
    .id
}

/// The status the dossier page shows (its first fact).
async fn status_of(b: &Browser) -> String {
    b.client
        .find(fantoccini::Locator::Css("main dl dd"))
        .await
        .expect("the case's facts")
        .text()
        .await
        .expect("its status")
}

fn assert_accessible(browser: &Browser) {
    assert!(
        browser.violations.is_empty(),
        "accessibility problems (WCAG 2.1 AA, axe-core) and phone-width overflow:\n{}",
        browser.violations.join("\n")
    );
}

/// Item 6 of the portal issue (R1, R32): a consumer registers and files a case with a
/// document, staff accept and assign, the neutral opens a round, the company counters, the
/// consumer accepts, the reflection period passes, and the consumer downloads the signed
/// settlement record and verifies it on /verify: all through the pages, in a browser.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_case_from_registration_to_a_verified_settlement_in_a_browser() {
    let Some((chromium, driver, axe)) = tools() else {
        return;
    };
    let portal = Portal::start().await;
    person(
        &portal,
        Role::Company,
        "service@webshop.example",
        Some("Webshop Noord BV"),
    )
    .await;
    person(&portal, Role::Staff, "staff@example.eu", None).await;
    let neutral = person(&portal, Role::Neutral, "mediator@example.eu", None).await;
    let mut b = Browser::open(&portal, &chromium, &driver, &axe).await;

    // The consumer registers, and the form keeps what was typed when it shows an error.
    b.goto("/register").await;
    b.look("register").await;
    b.fill("#name", "Anna de Vries").await;
    b.fill("#email", "anna@example.eu").await;
    b.fill("#password", "short").await;
    b.submit("/register").await;
    assert!(
        b.path().await.ends_with("/register"),
        "a short password is refused"
    );
    let kept = b
        .client
        .find(fantoccini::Locator::Css("#email"))
        .await
        .unwrap()
        .prop("value")
        .await
        .unwrap();
    assert_eq!(
        kept.as_deref(),
        Some("anna@example.eu"),
        "the form keeps what was typed"
    );
    b.check_accessibility("register with an error").await;
    b.fill("#password", PASSWORD).await;
    b.submit("/register").await;
    b.fill("#email", "anna@example.eu").await;
    b.fill("#password", PASSWORD).await;
    b.submit("/login").await;

    // She files a complaint against the company, then adds a document.
    b.goto("/cases/new?q=Webshop").await;
    b.look("file-a-complaint").await;
    b.click("input[name=company_id]").await;
    b.fill(
        "#summary",
        "The washing machine I bought on 2 February leaks. The shop refuses a refund.",
    )
    .await;
    b.choose("#desired_outcome", "refund").await;
    b.fill("#amount", "649,00").await;
    b.set_value("#prior_on", "2026-02-10").await;
    b.fill("#prior_channel", "email").await;
    b.submit("/cases/new").await;
    let case = b.path().await;
    assert!(
        case.starts_with("/cases/RD-"),
        "the new case opens: {case}\n{}",
        b.text().await
    );
    let receipt = b.downloads.join("receipt.txt");
    std::fs::write(
        &receipt,
        "Receipt: washing machine, 649 euro, 2 February 2026.",
    )
    .unwrap();
    b.client
        .find(fantoccini::Locator::Css("#file"))
        .await
        .unwrap()
        .send_keys(&receipt.display().to_string())
        .await
        .unwrap();
    b.submit("/documents").await;
    assert!(
        b.text().await.contains("receipt.txt"),
        "the document is in the case file"
    );
    b.look("dossier-consumer").await;

    // Staff review completeness, accept the case; the company takes part; staff assign.
    b.log_in("staff@example.eu", PASSWORD).await;
    b.goto(&case).await;
    b.look("dossier-staff").await;
    b.submit("/completeness").await;
    b.submit("/admissibility").await;
    b.log_in("service@webshop.example", PASSWORD).await;
    b.goto(&case).await;
    b.submit("/participation").await;
    b.log_in("staff@example.eu", PASSWORD).await;
    b.goto(&case).await;
    b.fill("#neutral_id", &neutral.to_string()).await;
    b.submit("/assignment").await;
    assert!(
        b.text().await.contains("neutral assigned"),
        "the timeline has the assignment"
    );

    // The neutral declares independence and opens a round.
    b.log_in("mediator@example.eu", PASSWORD).await;
    b.goto(&case).await;
    b.look("declaration").await;
    b.submit("/declaration").await;
    b.goto(&case).await;
    b.submit("/rounds").await;
    b.look("dossier-neutral").await;

    // The company counters with an offer.
    b.log_in("service@webshop.example", PASSWORD).await;
    b.goto(&case).await;
    b.fill("#offer-amount", "450,00").await;
    b.fill(
        "#offer-terms",
        "We refund 450 euro and collect the machine.",
    )
    .await;
    b.click("#offer-notices").await;
    b.submit("/proposals").await;
    b.look("dossier-company").await;

    // The consumer accepts it, after reading the notices.
    b.log_in("anna@example.eu", PASSWORD).await;
    b.goto(&case).await;
    assert!(
        b.text().await.contains("We refund 450 euro"),
        "the standing proposal is shown"
    );
    b.click("#accept-notices").await;
    b.click_and_wait("form[action*=\"/accept\"] button[type=submit]")
        .await;
    assert_eq!(status_of(&b).await, "agreed", "the proposal is accepted");

    // The reflection period passes; the settlement is recorded and signed.
    portal.clock.advance_days(15);
    redress::jobs::run_once(&portal.state)
        .await
        .expect("the scheduler runs");
    // Two weeks on, her session has lapsed: she logs in again.
    b.log_in("anna@example.eu", PASSWORD).await;
    b.goto(&case).await;
    assert_eq!(
        status_of(&b).await,
        "settled",
        "settled after the reflection period"
    );
    b.look("dossier-settled").await;
    b.click("a[href$=\"/settlement.pdf\"]").await;
    let record = b.downloaded(".pdf").await;

    // Anyone can check the record.
    b.client.delete_all_cookies().await.ok();
    b.goto("/verify").await;
    b.client
        .find(fantoccini::Locator::Css("#record-file"))
        .await
        .unwrap()
        .send_keys(&record.display().to_string())
        .await
        .unwrap();
    b.submit("/verify").await;
    let verdict = b.text().await;
    assert!(
        verdict.contains("Valid record") && !verdict.contains("Not valid"),
        "the record verifies: {verdict}"
    );
    b.look("verify-result").await;
    assert_accessible(&b);
    b.close().await;
}

/// Every main page of each role, on the demo's data: no axe-core violation (WCAG 2.1 AA), and
/// nothing wider than a 360 px phone. Keyboard: the first Tab reaches the skip link, which
/// leads to the content. The language switcher turns the portal Dutch and remembers it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_main_page_is_accessible_fits_a_phone_and_speaks_four_languages() {
    let Some((chromium, driver, axe)) = tools() else {
        return;
    };
    let portal = Portal::start().await;
    redress::demo::load(&portal.state)
        .await
        .expect("the demo data");
    let mut b = Browser::open(&portal, &chromium, &driver, &axe).await;

    // The checker finds what it should: a field without a label is a violation.
    b.goto("/").await;
    b.client
        .execute("document.querySelector('main').insertAdjacentHTML('beforeend', '<input id=unlabelled>')", vec![])
        .await
        .unwrap();
    b.check_accessibility("self-check").await;
    assert!(
        b.violations.iter().any(|v| v.contains("label")),
        "axe-core reports an unlabelled field: {:?}",
        b.violations
    );
    b.violations.clear();

    let public = [
        ("home", "/"),
        ("login", "/login"),
        ("public-cases", "/public/cases"),
        ("verify", "/verify"),
        ("companies", "/companies?q=Webshop"),
        ("about", "/about"),
        ("forgot-password", "/password/forgot"),
    ];
    for (name, path) in public {
        b.goto(path).await;
        b.look(name).await;
    }

    // Keyboard only: Tab reaches the skip link first; following it moves focus to the content.
    b.goto("/").await;
    b.client
        .find(fantoccini::Locator::Css("body"))
        .await
        .unwrap()
        .send_keys("\u{e004}")
        .await
        .unwrap();
    let focused = b
        .client
        .execute("return document.activeElement.className", vec![])
        .await
        .unwrap();
    assert_eq!(focused, "skip", "the first Tab reaches the skip link");
    b.client
        .execute("document.activeElement.click()", vec![])
        .await
        .unwrap();
    let focused = b
        .client
        .execute("return document.activeElement.id", vec![])
        .await
        .unwrap();
    assert_eq!(focused, "main", "the skip link leads to the content");

    // The language switcher.
    b.click_and_wait("a[hreflang=nl]").await;
    let html_lang = b
        .client
        .execute("return document.documentElement.lang", vec![])
        .await
        .unwrap();
    assert_eq!(html_lang, "nl");
    b.goto("/login").await;
    assert!(
        b.text().await.contains("Openbare klachten"),
        "the choice is remembered"
    );
    b.look("login-nl").await;
    for code in ["fr", "de"] {
        b.click_and_wait(&format!("a[hreflang={code}]")).await;
        b.look(&format!("login-{code}")).await;
    }
    b.click_and_wait("a[hreflang=en]").await;

    // Each role: who logs in, and their pages (a name for the screenshot, the path).
    type RolePages<'a> = (&'a str, &'a str, &'a [(&'a str, &'a str)]);
    let roles: [RolePages; 4] = [
        (
            "consumer",
            "anna@demo.redress.eu",
            &[("my-cases", "/cases"), ("account-consumer", "/account")],
        ),
        (
            "company",
            "service@webshop-noord.demo",
            &[("company-inbox", "/cases"), ("account-company", "/account")],
        ),
        (
            "neutral",
            "mediator@demo.redress.eu",
            &[("neutral-dossiers", "/cases")],
        ),
        (
            "staff",
            "staff@demo.redress.eu",
            &[
                ("staff-dashboard", "/staff"),
                ("staff-triage", "/staff/triage"),
                ("staff-moderation", "/staff/moderation"),
                ("staff-mail", "/staff/mail"),
                ("staff-reports", "/staff/reports?year=2026"),
                ("staff-cases", "/cases"),
            ],
        ),
    ];
    for (role, email, pages) in roles {
        b.log_in(email, redress::demo::PASSWORD).await;
        for (name, path) in pages {
            b.goto(path).await;
            b.look(name).await;
        }
        // The first case on the role's list: the dossier page as this role sees it.
        b.goto("/cases").await;
        if let Ok(link) = b
            .client
            .find(fantoccini::Locator::Css("main a[href^=\"/cases/RD-\"]"))
            .await
        {
            let href = link.attr("href").await.unwrap().unwrap();
            b.goto(&href).await;
            b.look(&format!("dossier-{role}")).await;
        }
    }
    assert_accessible(&b);
    b.close().await;
}
