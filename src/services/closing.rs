//! R20: closing a case with its outcome and grounds. `not_settled` ends a running mediation
//! without agreement first; any other outcome must be the one the case already reached.
use super::dossier::{Executed, actor_for, execute, find};
use super::{Caller, Error, Result, authorize};
use crate::domain::dossier::Command;
use crate::domain::reference::CaseReference;
use crate::state::AppState;

pub async fn close(
    state: &AppState,
    caller: &Caller,
    reference: &CaseReference,
    outcome: &str,
    reasons: &str,
) -> Result<Executed> {
    let case = find(state, reference).await?;
    let actor = actor_for(&state.db, &case, caller).await?;
    authorize(&state.policies, &actor, "case.close")?;
    let running = matches!(case.status.as_str(), "assigned" | "negotiating");
    if outcome == "not_settled" && running {
        let end = Command::EndWithoutSettlement {
            reasons: reasons.to_string(),
        };
        execute(state, reference, caller, end).await?;
    } else if outcome != case.status {
        return Err(Error::Conflict(format!(
            "The case is {}; close it as {}, or as not_settled while the mediation runs.",
            case.status, case.status
        )));
    }
    let close = Command::Close {
        reasons: reasons.to_string(),
    };
    execute(state, reference, caller, close).await
}
