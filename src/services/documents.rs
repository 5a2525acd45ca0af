//! Documents in a case file (R14). The bytes are checked against the entity's rules (size, and
//! the kind of content recognised from the bytes themselves), stored once under their SHA-256
//! in `DATA_DIR/attachments/`, and recorded through the dossier state machine, so every upload
//! enters the audit log with its hash. Downloads go through the access policy like the case.
use super::dossier::{Executed, actor_for, execute, find};
use super::{Caller, Error, Result, authorize};
use crate::audit::sha256_hex;
use crate::domain::dossier::{Command, Document};
use crate::domain::reference::CaseReference;
use crate::state::AppState;
use entity::attachments;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

/// A file as received: its bytes and the name the sender gave it.
pub struct Upload {
    pub file_name: String,
    pub bytes: Vec<u8>,
}

/// The kind of content, from the bytes: a known binary signature, or UTF-8 text.
pub fn sniff(bytes: &[u8]) -> Option<&'static str> {
    if let Some(kind) = infer::get(bytes) {
        return Some(kind.mime_type());
    }
    let text = std::str::from_utf8(bytes).ok()?;
    (!text.contains('\0')).then_some("text/plain")
}

/// A file name fit to show and to offer for download: no path, no control characters.
fn clean_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = base
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, '"' | '<' | '>'))
        .take(200)
        .collect();
    if cleaned.trim().is_empty() {
        "document".into()
    } else {
        cleaned.trim().to_string()
    }
}

pub async fn add(
    state: &AppState,
    caller: &Caller,
    reference: &CaseReference,
    upload: Upload,
) -> Result<(Executed, attachments::Model)> {
    // Ask first, so a refused upload stores nothing.
    let case = find(state, reference).await?;
    let actor = actor_for(&state.db, &case, caller).await?;
    authorize(&state.policies, &actor, "case.add_document")?;

    let document = keep(state, upload).await?;
    let sha256 = document.sha256.clone();
    let done = execute(state, reference, caller, Command::AddDocument(document)).await?;
    let row = attachments::Entity::find()
        .filter(attachments::Column::CaseId.eq(done.case.id))
        .filter(attachments::Column::Sha256.eq(&sha256))
        .order_by_desc(attachments::Column::Id)
        .one(&state.db)
        .await?
        .ok_or(Error::NotFound)?;
    Ok((done, row))
}

/// Checks a file against the entity's rules (size, and the kind of content recognised from
/// the bytes) and stores it under its hash: the document as the audit log records it.
pub(crate) async fn keep(state: &AppState, upload: Upload) -> Result<Document> {
    let rules = &state.policies.entity.attachments;
    let size = upload.bytes.len() as u64;
    if size > rules.max_bytes {
        return Err(Error::TooLarge(format!(
            "The file is {} KiB; documents may be at most {} KiB.",
            size.div_ceil(1024),
            rules.max_bytes / 1024
        )));
    }
    if size == 0 {
        return Err(Error::invalid("file", "the file is empty"));
    }
    let content_type = sniff(&upload.bytes)
        .filter(|t| rules.types.iter().any(|allowed| allowed == t))
        .ok_or_else(|| {
            Error::invalid(
                "file",
                format!(
                    "this kind of file is not accepted; send {}",
                    rules.types.join(", ")
                ),
            )
        })?;
    let sha256 = sha256_hex(&upload.bytes);
    store(state, &sha256, &upload.bytes).await?;
    Ok(Document {
        sha256,
        size: size as i64,
        content_type: content_type.to_string(),
        file_name: clean_name(&upload.file_name),
    })
}

/// The bytes of a stored document.
pub(crate) async fn read(state: &AppState, storage_key: &str) -> Result<Vec<u8>> {
    tokio::fs::read(state.config.attachment_path(storage_key))
        .await
        .map_err(|e| Error::Internal(anyhow::Error::new(e).context("reading a document")))
}

/// Writes the bytes under their hash, once: a temporary file renamed into place, so a reader
/// never sees half a file.
async fn store(state: &AppState, sha256: &str, bytes: &[u8]) -> Result<()> {
    let path = state.config.attachment_path(sha256);
    if tokio::fs::try_exists(&path).await.unwrap_or(false) {
        return Ok(());
    }
    let dir = path
        .parent()
        .ok_or_else(|| Error::Internal(anyhow::anyhow!("no attachment directory")))?;
    let io =
        |e: std::io::Error| Error::Internal(anyhow::Error::new(e).context("storing a document"));
    tokio::fs::create_dir_all(dir).await.map_err(io)?;
    let temp = dir.join(format!(".{sha256}.{}", uuid::Uuid::new_v4().simple()));
    tokio::fs::write(&temp, bytes).await.map_err(io)?;
    tokio::fs::rename(&temp, &path).await.map_err(io)?;
    Ok(())
}

/// A document of a case, with its bytes, for someone allowed to see the case.
pub async fn download(
    state: &AppState,
    caller: &Caller,
    reference: &CaseReference,
    id: i64,
) -> Result<(attachments::Model, Vec<u8>)> {
    let case = super::views::case_file_access(state, reference, caller).await?;
    let row = attachments::Entity::find_by_id(id)
        .filter(attachments::Column::CaseId.eq(case.id))
        .one(&state.db)
        .await?
        .ok_or(Error::NotFound)?;
    let bytes = read(state, &row.storage_key).await?;
    Ok((row, bytes))
}
