//! Neutrals record the training they completed; the activity report counts it (R24, art 7(2)(i)).
use super::{Caller, Error, Result, authorize_global};
use crate::state::AppState;
use chrono::NaiveDate;
use entity::neutral_training;
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

#[derive(Clone, Debug)]
pub struct NewTraining {
    pub completed_on: NaiveDate,
    pub minutes: i32,
    pub title: String,
    pub provider: String,
}

/// At most a fortnight of full days for one entry.
const MAX_MINUTES: i32 = 14 * 24 * 60;

pub async fn record(
    state: &AppState,
    caller: &Caller,
    new: NewTraining,
) -> Result<neutral_training::Model> {
    authorize_global(&state.policies, caller, "account.record_training")?;
    let Some(user_id) = caller.user_id() else {
        return Err(Error::Forbidden(
            "Only a neutral records their training.".into(),
        ));
    };
    let today = state.clock.now().date_naive();
    if new.completed_on > today {
        return Err(Error::invalid(
            "completed_on",
            "record a training once it is completed, not before",
        ));
    }
    if !(1..=MAX_MINUTES).contains(&new.minutes) {
        return Err(Error::invalid(
            "minutes",
            "give the time spent: at least a minute, at most two weeks",
        ));
    }
    let text = |field: &str, value: &str| -> Result<String> {
        let value = value.trim();
        if value.is_empty() || value.chars().count() > 200 {
            return Err(Error::invalid(field, "write 1 to 200 characters"));
        }
        Ok(value.to_string())
    };
    let row = neutral_training::ActiveModel {
        id: NotSet,
        user_id: Set(user_id),
        completed_on: Set(new.completed_on),
        minutes: Set(new.minutes),
        title: Set(text("title", &new.title)?),
        provider: Set(text("provider", &new.provider)?),
        created_at: Set(state.clock.now()),
    };
    Ok(neutral_training::Entity::insert(row)
        .exec_with_returning(&state.db)
        .await?)
}

/// The caller's own entries, newest first.
pub async fn mine(state: &AppState, caller: &Caller) -> Result<Vec<neutral_training::Model>> {
    authorize_global(&state.policies, caller, "account.record_training")?;
    Ok(neutral_training::Entity::find()
        .filter(neutral_training::Column::UserId.eq(caller.user_id().unwrap_or(0)))
        .order_by_desc(neutral_training::Column::CompletedOn)
        .all(&state.db)
        .await?)
}
