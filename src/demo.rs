//! Demo data: an account of every role, a few companies, and cases in several states, made
//! through the same services as real use (so the audit log is real) on a clock that walks
//! from six weeks ago to now.
use crate::clock::ManualClock;
use crate::domain::dossier::{Command, ProposalTerms, Remedy};
use crate::domain::money::Money;
use crate::domain::reference::CaseReference;
use crate::policy::Role;
use crate::policy::procedure::RefusalGround;
use crate::services::Caller;
use crate::services::dossier::execute;
use crate::services::filing::{
    Channel, CompanyPick, ConsumerPick, NewCase, PriorComplaint, file_case,
};
use crate::services::users::{
    CompanyChoice, NeutralProfile, NewCompany, NewUser, create_company, create_user,
};
use crate::state::AppState;
use anyhow::Context;
use chrono::{Duration, Utc};
use entity::users;
use sea_orm::{EntityTrait, PaginatorTrait};
use std::sync::Arc;

pub const PASSWORD: &str = "demo-password-2026";

pub const LOGINS: [(&str, &str); 7] = [
    ("staff", "staff@demo.redress.eu"),
    ("consumer", "anna@demo.redress.eu"),
    ("consumer", "bram@demo.redress.eu"),
    ("company", "service@webshop-noord.demo"),
    ("company", "claims@skyhop.demo"),
    ("neutral", "mediator@demo.redress.eu"),
    ("neutral", "lawyer@demo.redress.eu"),
];

/// Loads the demo data into an empty database; returns false if there were users already.
pub async fn load(state: &AppState) -> anyhow::Result<bool> {
    if users::Entity::find().count(&state.db).await? > 0 {
        return Ok(false);
    }
    let clock = Arc::new(ManualClock::new(Utc::now() - Duration::days(42)));
    let demo = state.with_clock(clock.clone());
    let s = &demo;

    let mut ids = Vec::new();
    for (role, email) in LOGINS {
        let company = match email {
            "service@webshop-noord.demo" => Some(CompanyChoice::ByName("Webshop Noord BV".into())),
            "claims@skyhop.demo" => Some(CompanyChoice::ByName("SkyHop Airlines".into())),
            _ => None,
        };
        let name = email.split('@').next().unwrap_or(email);
        let new = NewUser {
            email: email.to_string(),
            name: capitalise(name),
            role: Role::parse(role).unwrap_or(Role::Consumer),
            language: if email.starts_with("bram") {
                "nl"
            } else {
                "en"
            }
            .to_string(),
            password: Some(PASSWORD.to_string()),
            company,
            neutral: neutral_profile(email),
            self_registered: false,
        };
        ids.push(
            create_user(s, new, "operator")
                .await
                .with_context(|| format!("demo user {email}"))?
                .id,
        );
    }
    let [staff, anna, bram, shop_rep, air_rep, mediator, _lawyer] = ids[..] else {
        anyhow::bail!("demo users were not all created");
    };
    let user = |id, role| Caller::User { id, role };
    let (staff, anna, bram) = (
        user(staff, Role::Staff),
        user(anna, Role::Consumer),
        user(bram, Role::Consumer),
    );
    let (shop, air, mediator_caller) = (
        user(shop_rep, Role::Company),
        user(air_rep, Role::Company),
        user(mediator, Role::Neutral),
    );
    let bikes = create_company(
        s,
        NewCompany {
            name: "Fietsenwinkel Zuid".into(),
            vat_number: Some("NL123456789B01".into()),
            domain: Some("fietsenwinkel-zuid.demo".into()),
            complaint_email: Some("klachten@fietsenwinkel-zuid.demo".into()),
            sector: "retail".into(),
            country: "NL".into(),
        },
        "operator",
    )
    .await?;
    let company_of = |name: &str| {
        let name = name.to_string();
        async move {
            use sea_orm::{ColumnTrait, QueryFilter};
            entity::companies::Entity::find()
                .filter(entity::companies::Column::Name.eq(name))
                .one(&state.db)
                .await
                .map(|c| c.map(|c| c.id).unwrap_or_default())
        }
    };
    let shop_id = company_of("Webshop Noord BV").await?;
    let air_id = company_of("SkyHop Airlines").await?;

    let consumer_of = |c: &Caller| c.user_id().unwrap_or_default();
    let new_case = |who: &Caller, company_id, summary: &str, cents, prior: bool| NewCase {
        consumer: ConsumerPick::Account(consumer_of(who)),
        company: CompanyPick::Existing(company_id),
        allow_duplicate: true,
        consumer_country: None,
        case_type: "complaint".into(),
        channel: Channel::Web,
        language: "en".into(),
        public: false,
        summary: summary.into(),
        desired_outcome: Remedy::Refund,
        claim: Money::eur(cents).unwrap_or_else(|_| Money::eur(0).expect("zero is a valid amount")),
        prior_complaint: prior.then(|| PriorComplaint {
            on: (clock_now(&clock) - Duration::days(20)).date_naive(),
            channel: "email".into(),
            reference: Some("CS-44120".into()),
        }),
    };
    let step = |r: CaseReference, who: Caller, cmd: Command| {
        let s = s.clone();
        async move {
            execute(&s, &r, &who, cmd)
                .await
                .map(|_| ())
                .with_context(|| format!("demo step on {r}"))
        }
    };
    let reference = |c: &entity::cases::Model| {
        c.reference
            .parse::<CaseReference>()
            .context("demo reference")
    };
    let reasons = |t: &str| t.to_string();

    // 1. Settled and closed: the whole journey.
    let settled = reference(&file_case(s, &anna, new_case(&anna, shop_id, "The washing machine I ordered arrived with a broken drum and the shop refuses a refund.", 64_900, true)).await?)?;
    step(
        settled,
        staff.clone(),
        Command::ReviewCompleteness { missing: vec![] },
    )
    .await?;
    step(settled, staff.clone(), Command::AcceptCase).await?;
    clock.advance_days(2);
    step(
        settled,
        shop.clone(),
        Command::AnswerParticipation {
            takes_part: true,
            reasons: String::new(),
        },
    )
    .await?;
    step(
        settled,
        staff.clone(),
        Command::Assign {
            neutral_id: mediator,
            facts: Default::default(),
        },
    )
    .await?;
    step(
        settled,
        mediator_caller.clone(),
        Command::DeclareIndependence,
    )
    .await?;
    step(
        settled,
        mediator_caller.clone(),
        Command::OpenRound { deadline: None },
    )
    .await?;
    clock.advance_days(3);
    let offer = |cents, terms: &str, counter_to| ProposalTerms {
        amount_cents: cents,
        currency: "EUR".into(),
        remedies: vec![Remedy::Refund],
        terms: terms.into(),
        performance_days: 14,
        counter_to,
        notices_acknowledged: true,
    };
    step(
        settled,
        shop.clone(),
        Command::Propose(offer(
            30_000,
            "Partial refund; the customer keeps the machine",
            None,
        )),
    )
    .await?;
    clock.advance_days(2);
    step(
        settled,
        anna.clone(),
        Command::Propose(offer(
            64_900,
            "Full refund; the shop collects the machine",
            Some(1),
        )),
    )
    .await?;
    clock.advance_days(2);
    step(
        settled,
        shop.clone(),
        Command::AcceptProposal {
            number: 2,
            notices_acknowledged: true,
        },
    )
    .await?;
    clock.advance_days(8);
    crate::jobs::run_once(s).await?;
    step(
        settled,
        mediator_caller.clone(),
        Command::Close {
            reasons: reasons("Both parties agreed on a full refund and collection of the machine."),
        },
    )
    .await?;

    // 2. Negotiating, with the company's offer standing.
    let negotiating = reference(&file_case(s, &bram, new_case(&bram, air_id, "My flight was cancelled and the airline has not paid the compensation it promised.", 40_000, true)).await?)?;
    step(
        negotiating,
        staff.clone(),
        Command::ReviewCompleteness { missing: vec![] },
    )
    .await?;
    step(negotiating, staff.clone(), Command::AcceptCase).await?;
    step(
        negotiating,
        air.clone(),
        Command::AnswerParticipation {
            takes_part: true,
            reasons: String::new(),
        },
    )
    .await?;
    step(
        negotiating,
        staff.clone(),
        Command::Assign {
            neutral_id: mediator,
            facts: Default::default(),
        },
    )
    .await?;
    step(
        negotiating,
        mediator_caller.clone(),
        Command::DeclareIndependence,
    )
    .await?;
    step(
        negotiating,
        mediator_caller.clone(),
        Command::OpenRound { deadline: None },
    )
    .await?;
    step(
        negotiating,
        air.clone(),
        Command::Propose(offer(25_000, "Compensation paid as a travel voucher", None)),
    )
    .await?;

    // 3. Refused on a listed ground, and closed.
    let refused = reference(&file_case(s, &bram, new_case(&bram, bikes.id, "The bicycle shop sold me a bike and I want a second one for free because I am unhappy.", 120_000, true)).await?)?;
    step(
        refused,
        staff.clone(),
        Command::ReviewCompleteness { missing: vec![] },
    )
    .await?;
    step(
        refused,
        staff.clone(),
        Command::RefuseCase {
            ground: RefusalGround::FrivolousOrVexatious,
            reasons: reasons("The claim does not describe any failure of the trader."),
        },
    )
    .await?;
    step(
        refused,
        staff.clone(),
        Command::Close {
            reasons: reasons("Refused as frivolous; the consumer may still go to court."),
        },
    )
    .await?;

    // 4. Accepted, waiting for the company to say whether it takes part.
    clock.set(Utc::now() - Duration::days(5));
    let waiting = reference(
        &file_case(
            s,
            &anna,
            new_case(
                &anna,
                air_id,
                "Lost luggage on a flight to Lisbon; the airline never answered my claim form.",
                85_000,
                true,
            ),
        )
        .await?,
    )?;
    step(
        waiting,
        staff.clone(),
        Command::ReviewCompleteness { missing: vec![] },
    )
    .await?;
    step(waiting, staff.clone(), Command::AcceptCase).await?;

    // 5. Withdrawn by the consumer.
    let withdrawn = reference(&file_case(s, &anna, new_case(&anna, bikes.id, "The bike lights stopped working after a week and the shop asks me to pay for repair.", 4_500, true)).await?)?;
    step(
        withdrawn,
        anna.clone(),
        Command::Withdraw {
            reason: reasons("The shop repaired the lights after all."),
        },
    )
    .await?;

    // 6. Incomplete: the consumer has not yet said how they complained to the company.
    clock.set(Utc::now() - Duration::hours(2));
    file_case(
        s,
        &bram,
        new_case(
            &bram,
            shop_id,
            "The coffee machine I ordered never arrived although I paid in advance.",
            19_900,
            false,
        ),
    )
    .await?;

    // 7. Just submitted.
    file_case(
        s,
        &anna,
        new_case(
            &anna,
            bikes.id,
            "The shop charged my card twice for the same bicycle helmet.",
            5_999,
            true,
        ),
    )
    .await?;
    Ok(true)
}

fn clock_now(clock: &ManualClock) -> chrono::DateTime<Utc> {
    use crate::clock::Clock;
    clock.now()
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().collect::<String>() + chars.as_str())
        .unwrap_or_default()
}

/// The demo's two neutrals: a mediator and an in-house lawyer, with their languages and fields.
fn neutral_profile(email: &str) -> Option<NeutralProfile> {
    let (kind, languages, sectors) = match email {
        "mediator@demo.redress.eu" => ("mediator", "en,nl,fr", "retail,travel,general"),
        "lawyer@demo.redress.eu" => ("in_house_lawyer", "en,de", "travel,energy"),
        _ => return None,
    };
    let list = |s: &str| s.split(',').map(str::to_string).collect();
    Some(NeutralProfile {
        kind: kind.into(),
        languages: list(languages),
        sectors: list(sectors),
        employer_company_id: None,
    })
}
