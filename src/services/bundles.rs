//! R10: staff group similar cases against one company; a case joins only with its consumer's
//! consent, recorded through the dossier state machine like every other step.
use super::dossier::{Executed, execute, find};
use super::{Caller, Error, Result, authorize_global};
use crate::domain::dossier::{Command, Status};
use crate::domain::reference::CaseReference;
use crate::state::AppState;
use entity::{bundle_members, bundles, cases};
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

pub struct BundleView {
    pub bundle: bundles::Model,
    /// Each case with its reference: consent given, refused, or still awaited.
    pub members: Vec<(String, bundle_members::Model)>,
}

/// Makes a bundle of open cases against `company_id` and asks each consumer to consent.
pub async fn create(
    state: &AppState,
    caller: &Caller,
    company_id: i64,
    title: &str,
    references: &[CaseReference],
) -> Result<BundleView> {
    authorize_global(&state.policies, caller, "case.bundle")?;
    let title = title.trim();
    if title.is_empty() || title.chars().count() > 200 {
        return Err(Error::invalid(
            "title",
            "name the bundle in 1 to 200 characters",
        ));
    }
    if references.len() < 2 {
        return Err(Error::invalid(
            "cases",
            "a bundle groups at least two cases",
        ));
    }
    let mut found = Vec::new();
    for reference in references {
        let case = find(state, reference)
            .await
            .map_err(|_| Error::invalid("cases", format!("{reference} does not exist")))?;
        if case.company_id != company_id {
            return Err(Error::invalid(
                "cases",
                format!("{reference} is against another company"),
            ));
        }
        if !Status::parse(&case.status).is_some_and(|s| s.is_open()) {
            return Err(Error::invalid("cases", format!("{reference} has ended")));
        }
        found.push(case);
    }
    let by = caller.user_id();
    let bundle = bundles::Entity::insert(bundles::ActiveModel {
        id: NotSet,
        company_id: Set(company_id),
        title: Set(title.to_string()),
        created_by: Set(by),
        created_at: Set(state.clock.now()),
    })
    .exec_with_returning(&state.db)
    .await?;
    for case in &found {
        let reference: CaseReference = case
            .reference
            .parse()
            .map_err(|e: crate::domain::reference::BadReference| Error::Internal(e.into()))?;
        execute(
            state,
            &reference,
            caller,
            Command::ProposeBundle {
                bundle_id: bundle.id,
            },
        )
        .await?;
    }
    view(state, caller, bundle.id).await
}

/// The consumer's answer to the bundle proposed for their case.
pub async fn answer(
    state: &AppState,
    caller: &Caller,
    reference: &CaseReference,
    consent: bool,
) -> Result<Executed> {
    let case = find(state, reference).await?;
    let pending = pending_for(state, case.id).await?;
    let Some(member) = pending else {
        // Authorisation first: a stranger learns nothing, a party learns there is no question.
        let actor = super::dossier::actor_for(&state.db, &case, caller).await?;
        super::authorize(&state.policies, &actor, "case.answer_bundle")?;
        return Err(Error::Conflict(
            "No bundle awaits your answer for this case.".into(),
        ));
    };
    execute(
        state,
        reference,
        caller,
        Command::AnswerBundle {
            bundle_id: member.bundle_id,
            consent,
        },
    )
    .await
}

/// The proposal still awaiting the consumer's answer, if any.
pub async fn pending_for(state: &AppState, case_id: i64) -> Result<Option<bundle_members::Model>> {
    Ok(bundle_members::Entity::find()
        .filter(bundle_members::Column::CaseId.eq(case_id))
        .filter(bundle_members::Column::ConsentedAt.is_null())
        .filter(bundle_members::Column::DeclinedAt.is_null())
        .order_by_desc(bundle_members::Column::ProposedAt)
        .one(&state.db)
        .await?)
}

pub async fn view(state: &AppState, caller: &Caller, id: i64) -> Result<BundleView> {
    authorize_global(&state.policies, caller, "case.bundle")?;
    let bundle = bundles::Entity::find_by_id(id)
        .one(&state.db)
        .await?
        .ok_or(Error::NotFound)?;
    let members = bundle_members::Entity::find()
        .filter(bundle_members::Column::BundleId.eq(id))
        .order_by_asc(bundle_members::Column::CaseId)
        .all(&state.db)
        .await?;
    let ids: Vec<i64> = members.iter().map(|m| m.case_id).collect();
    let references: std::collections::HashMap<i64, String> = cases::Entity::find()
        .filter(cases::Column::Id.is_in(ids))
        .all(&state.db)
        .await?
        .into_iter()
        .map(|c| (c.id, c.reference))
        .collect();
    Ok(BundleView {
        bundle,
        members: members
            .into_iter()
            .map(|m| (references.get(&m.case_id).cloned().unwrap_or_default(), m))
            .collect(),
    })
}
