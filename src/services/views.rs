//! Reading a dossier as the caller may see it. The access policy decides; a caller with no
//! tie to the case learns nothing, not even that it exists; staff and neutral views are
//! recorded in the access log (R30).
use super::dossier::{actor_for, find};
use super::{Caller, Error, Result};
use crate::domain::dossier::Actor;
use crate::domain::reference::CaseReference;
use crate::policy::{Action, Relation, Role};
use crate::state::AppState;
use entity::{
    access_log, attachments, audit_entries, case_events, case_parties, cases, companies, deadlines,
    messages, proposals,
};
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

pub struct CaseFile {
    pub case: cases::Model,
    pub company: companies::Model,
    pub viewer_role: Role,
    /// How the viewer stands to the case, to offer only the steps they may take.
    pub viewer: Actor,
    pub events: Vec<case_events::Model>,
    pub deadlines: Vec<deadlines::Model>,
    pub proposals: Vec<proposals::Model>,
    /// People named to act for a party (R5).
    pub representatives: Vec<case_parties::Model>,
    /// The thread (R14): internal notes only for the neutral and staff.
    pub messages: Vec<messages::Model>,
    pub documents: Vec<attachments::Model>,
}

/// Loads the case if `caller` may do `action` to it, recording staff and neutral access.
async fn open(
    state: &AppState,
    reference: &CaseReference,
    caller: &Caller,
    action: Action,
) -> Result<(cases::Model, Actor)> {
    let case = find(state, reference).await?;
    let actor = actor_for(&state.db, &case, caller).await?;
    super::authorize(&state.policies, &actor, action)?;
    if actor.relation == Relation::AssignedNeutral && !case.neutral_declared {
        return Err(declaration_first(state, &case).await?);
    }
    if let (Role::Staff | Role::Neutral, Some(user_id)) = (actor.role, actor.user_id) {
        access_log::Entity::insert(access_log::ActiveModel {
            id: NotSet,
            user_id: Set(user_id),
            case_id: Set(case.id),
            action: Set(action.to_string()),
            at: Set(state.clock.now()),
        })
        .exec_without_returning(&state.db)
        .await?;
    }
    Ok((case, actor))
}

/// The case, if `caller` may see it (the view is logged like any other).
pub async fn case_file_access(
    state: &AppState,
    reference: &CaseReference,
    caller: &Caller,
) -> Result<cases::Model> {
    Ok(open(state, reference, caller, "case.view").await?.0)
}

/// R12: the assigned neutral sees who the parties are, to check for conflicts, and nothing
/// more until they declare their independence or recuse.
async fn declaration_first(state: &AppState, case: &cases::Model) -> Result<Error> {
    let company = companies::Entity::find_by_id(case.company_id)
        .one(&state.db)
        .await?
        .map(|c| c.name)
        .unwrap_or_default();
    let consumer = entity::users::Entity::find_by_id(case.consumer_id)
        .one(&state.db)
        .await?
        .map(|u| u.name)
        .unwrap_or_default();
    Ok(Error::Forbidden(format!(
        "Before you see the dossier of {}, declare that you are independent of and impartial \
         towards {consumer} and {company}, or recuse yourself (POST /api/v1/cases/{}/declaration).",
        case.reference, case.reference
    )))
}

pub async fn case_file(
    state: &AppState,
    reference: &CaseReference,
    caller: &Caller,
) -> Result<CaseFile> {
    let (case, viewer) = open(state, reference, caller, "case.view").await?;
    let viewer_role = viewer.role;
    let company = companies::Entity::find_by_id(case.company_id)
        .one(&state.db)
        .await?
        .ok_or(Error::NotFound)?;
    let events = case_events::Entity::find()
        .filter(case_events::Column::CaseId.eq(case.id))
        .order_by_asc(case_events::Column::Id)
        .all(&state.db)
        .await?;
    let deadlines = deadlines::Entity::find()
        .filter(deadlines::Column::CaseId.eq(case.id))
        .filter(deadlines::Column::FiredAt.is_null())
        .filter(deadlines::Column::CancelledAt.is_null())
        .order_by_asc(deadlines::Column::DueAt)
        .all(&state.db)
        .await?;
    let proposals = proposals::Entity::find()
        .filter(proposals::Column::CaseId.eq(case.id))
        .order_by_asc(proposals::Column::Number)
        .all(&state.db)
        .await?;
    let representatives = case_parties::Entity::find()
        .filter(case_parties::Column::CaseId.eq(case.id))
        .filter(case_parties::Column::Capacity.eq("representative"))
        .order_by_asc(case_parties::Column::Id)
        .all(&state.db)
        .await?;
    let neutral_or_staff = matches!(viewer_role, Role::Neutral | Role::Staff);
    // An internal note never reaches a party, neither in the thread nor in the timeline.
    let own_side = viewer.side();
    let events = events
        .into_iter()
        .filter(|e| neutral_or_staff || !is_internal_note(e))
        .map(|e| seal_blind_limit(e, own_side))
        .collect();
    let mut thread = messages::Entity::find()
        .filter(messages::Column::CaseId.eq(case.id))
        .order_by_asc(messages::Column::Id);
    if !neutral_or_staff {
        thread = thread.filter(messages::Column::Internal.eq(false));
    }
    let messages = thread.all(&state.db).await?;
    let documents = attachments::Entity::find()
        .filter(attachments::Column::CaseId.eq(case.id))
        .order_by_asc(attachments::Column::Id)
        .all(&state.db)
        .await?;
    Ok(CaseFile {
        case,
        company,
        viewer_role,
        viewer,
        events,
        deadlines,
        proposals,
        representatives,
        messages,
        documents,
    })
}

pub async fn case_audit(
    state: &AppState,
    reference: &CaseReference,
    caller: &Caller,
) -> Result<Vec<audit_entries::Model>> {
    let (case, _) = open(state, reference, caller, "case.view_audit").await?;
    Ok(audit_entries::Entity::find()
        .filter(audit_entries::Column::CaseId.eq(case.id))
        .order_by_asc(audit_entries::Column::Seq)
        .all(&state.db)
        .await?)
}

/// One page of the whole audit log, oldest first, after entry `after` (staff only, checked by
/// the caller).
pub async fn audit_page(
    state: &AppState,
    after: i64,
    limit: u64,
) -> Result<Vec<audit_entries::Model>> {
    use sea_orm::QuerySelect;
    Ok(audit_entries::Entity::find()
        .filter(audit_entries::Column::Seq.gt(after))
        .order_by_asc(audit_entries::Column::Seq)
        .limit(limit)
        .all(&state.db)
        .await?)
}

/// What an incomplete case still lacks: the list of the latest completeness review (R6).
pub async fn missing_information(state: &AppState, case: &cases::Model) -> Result<Vec<String>> {
    if case.status != "incomplete" {
        return Ok(Vec::new());
    }
    let last = case_events::Entity::find()
        .filter(case_events::Column::CaseId.eq(case.id))
        .filter(case_events::Column::Kind.eq("marked_incomplete"))
        .order_by_desc(case_events::Column::Id)
        .one(&state.db)
        .await?;
    Ok(last
        .and_then(|e| serde_json::from_str::<serde_json::Value>(&e.payload).ok())
        .and_then(|v| serde_json::from_value(v["missing"].clone()).ok())
        .unwrap_or_default())
}

/// A confidential limit of double-blind bidding is shown to the side that gave it only;
/// everyone else sees that a limit came in, without the figure or the hash of it.
fn seal_blind_limit(
    mut event: case_events::Model,
    viewer: Option<crate::domain::dossier::Side>,
) -> case_events::Model {
    if event.kind != "blind_limit_submitted" {
        return event;
    }
    let payload = serde_json::from_str::<serde_json::Value>(&event.payload).unwrap_or_default();
    let side = payload["side"].as_str().unwrap_or_default().to_string();
    if viewer.is_none_or(|v| v.as_str() != side) {
        event.payload = serde_json::json!({ "event": event.kind, "side": side }).to_string();
        event.payload_hash = String::new();
    }
    event
}

fn is_internal_note(event: &case_events::Model) -> bool {
    event.kind == "message_posted"
        && serde_json::from_str::<serde_json::Value>(&event.payload)
            .map(|v| v["internal"] != serde_json::Value::Bool(false))
            .unwrap_or(true)
}
