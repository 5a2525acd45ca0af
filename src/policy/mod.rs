//! Loads and validates `policies/`: the ADR entity's settings, the procedures (deadlines,
//! refusal grounds, reflection period, rounds, calendars, retention) and the access rules.
//! A bad file stops start-up with a message naming the file, the key and the problem.
pub mod access;
pub mod procedure;

use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub use access::{AccessPolicy, Action, Decision, Relation, Role};
pub use procedure::{ProcedureKind, ProcedurePolicy, RefusalGround};

#[derive(Debug, thiserror::Error)]
#[error("{file}: {key}: {problem}")]
pub struct PolicyError {
    pub file: PathBuf,
    pub key: String,
    pub problem: String,
}

impl PolicyError {
    pub fn new(file: &Path, key: impl Into<String>, problem: impl Into<String>) -> Self {
        Self {
            file: file.to_path_buf(),
            key: key.into(),
            problem: problem.into(),
        }
    }
}

/// `policies/entity.toml`: who runs this Redress and which procedure new cases follow.
#[derive(Clone, Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntitySettings {
    pub name: String,
    pub country: String,
    pub website: String,
    pub default_procedure: String,
    pub attachments: AttachmentRules,
    pub scorecard: ScorecardRules,
    pub referrals: ReferralRules,
}

/// Complaints companies refer: how long the consumer's invitation stays open.
#[derive(Clone, Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReferralRules {
    pub invitation_days: u32,
}

/// How a company's public score is made (seed 004 and R13): over its cases of the last
/// `months`, only once it has `min_cases` of them. The weights are relative: a part without
/// data (no verdict given yet, no settlement due) drops out and the others share its weight.
#[derive(Clone, Debug, serde::Deserialize, serde::Serialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ScorecardRules {
    pub months: u32,
    pub min_cases: u32,
    /// An answer within this many days counts as quick.
    pub quick_answer_days: u32,
    pub weights: ScoreWeights,
}

#[derive(Clone, Debug, serde::Deserialize, serde::Serialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ScoreWeights {
    /// The consumers' own verdict: resolved or not.
    pub verdict: u32,
    pub response_rate: u32,
    pub response_speed: u32,
    /// Settlements the company carried out, by the consumers' word.
    pub compliance: u32,
}

/// What documents parties may add to a case file: a size limit and the kinds of content,
/// recognised by the bytes themselves, not by the file name.
#[derive(Clone, Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AttachmentRules {
    pub max_bytes: u64,
    pub types: Vec<String>,
}

/// The server never accepts a file larger than this, whatever the policy says.
pub const ATTACHMENT_HARD_LIMIT: u64 = 25 * 1024 * 1024;
/// Content types Redress can recognise from a file's bytes.
pub const RECOGNISED_TYPES: &[&str] = &[
    "application/pdf",
    "image/jpeg",
    "image/png",
    "image/gif",
    "image/webp",
    "text/plain",
];

/// Every policy loaded from one directory.
#[derive(Clone, Debug)]
pub struct PolicySet {
    pub entity: EntitySettings,
    pub access: AccessPolicy,
    /// R31: per language, the words that hold a public complaint for review.
    moderation: BTreeMap<String, Vec<String>>,
    procedures: BTreeMap<String, ProcedurePolicy>,
}

impl PolicySet {
    pub fn load(dir: &Path) -> Result<Self, PolicyError> {
        if !dir.is_dir() {
            return Err(PolicyError::new(
                dir,
                "-",
                "the policy directory does not exist (set --policies or REDRESS_POLICIES)",
            ));
        }
        let entity_file = dir.join("entity.toml");
        let entity: EntitySettings = parse_toml(&entity_file)?.0;
        let rules = &entity.attachments;
        if !(1..=ATTACHMENT_HARD_LIMIT).contains(&rules.max_bytes) {
            return Err(PolicyError::new(
                &entity_file,
                "attachments.max_bytes",
                format!("must be between 1 and {ATTACHMENT_HARD_LIMIT} (25 MiB)"),
            ));
        }
        if let Some(unknown) = rules
            .types
            .iter()
            .find(|t| !RECOGNISED_TYPES.contains(&t.as_str()))
        {
            return Err(PolicyError::new(
                &entity_file,
                "attachments.types",
                format!(
                    "'{unknown}' cannot be recognised from a file's content; use some of {}",
                    RECOGNISED_TYPES.join(", ")
                ),
            ));
        }
        let card = &entity.scorecard;
        let w = &card.weights;
        if !(1..=120).contains(&card.months)
            || card.min_cases == 0
            || card.quick_answer_days == 0
            || w.verdict + w.response_rate + w.response_speed + w.compliance == 0
        {
            return Err(PolicyError::new(
                &entity_file,
                "scorecard",
                "needs 1 to 120 months, min_cases and quick_answer_days of at least 1, and a weight above 0",
            ));
        }
        if !(1..=365).contains(&entity.referrals.invitation_days) {
            return Err(PolicyError::new(
                &entity_file,
                "referrals.invitation_days",
                "must be between 1 and 365",
            ));
        }
        let access = AccessPolicy::load(&dir.join("access.toml"))?;

        let moderation = load_word_lists(&dir.join("moderation"))?;
        let mut procedures = BTreeMap::new();
        let proc_dir = dir.join("procedures");
        let mut files: Vec<PathBuf> = std::fs::read_dir(&proc_dir)
            .map_err(|e| PolicyError::new(&proc_dir, "-", format!("cannot read directory: {e}")))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .collect();
        files.sort();
        for file in files {
            let policy = ProcedurePolicy::load(&file)?;
            if let Some(other) = procedures.get(&policy.id) {
                let other: &ProcedurePolicy = other;
                return Err(PolicyError::new(
                    &file,
                    "id",
                    format!(
                        "procedure id '{}' is also used by {}",
                        policy.id,
                        other.source.display()
                    ),
                ));
            }
            procedures.insert(policy.id.clone(), policy);
        }
        if !procedures.contains_key(&entity.default_procedure) {
            return Err(PolicyError::new(
                &entity_file,
                "default_procedure",
                format!(
                    "no procedure with id '{}' in {} (found: {})",
                    entity.default_procedure,
                    proc_dir.display(),
                    procedures.keys().cloned().collect::<Vec<_>>().join(", ")
                ),
            ));
        }
        Ok(Self {
            entity,
            access,
            moderation,
            procedures,
        })
    }

    /// The moderation words for a language (none when the language has no list).
    pub fn moderation_words(&self, language: &str) -> &[String] {
        self.moderation
            .get(language)
            .map(Vec::as_slice)
            .unwrap_or_default()
    }

    pub fn default_procedure(&self) -> &ProcedurePolicy {
        &self.procedures[&self.entity.default_procedure]
    }

    /// The procedure a dossier runs under. A dossier keeps the version it was filed under;
    /// when that version is no longer loaded, the caller learns it instead of silently
    /// applying other rules.
    pub fn procedure(&self, id: &str, version: &str) -> Option<&ProcedurePolicy> {
        self.procedures.get(id).filter(|p| p.version == version)
    }

    pub fn procedures(&self) -> impl Iterator<Item = &ProcedurePolicy> {
        self.procedures.values()
    }
}

/// Parses a TOML file into `T`, returning the value and the SHA-256 of the file's bytes.
pub(crate) fn parse_toml<T: serde::de::DeserializeOwned>(
    file: &Path,
) -> Result<(T, String), PolicyError> {
    let text = std::fs::read_to_string(file)
        .map_err(|e| PolicyError::new(file, "-", format!("cannot read file: {e}")))?;
    let hash = hex::encode(Sha256::digest(text.as_bytes()));
    let value = toml::from_str(&text).map_err(|e| {
        let key = e
            .span()
            .map(|span| locate(&text, span.start))
            .unwrap_or_else(|| "-".into());
        PolicyError::new(file, key, e.message().to_string())
    })?;
    Ok((value, hash))
}

/// "line L, the text there" for an error position, so the reader finds the key at once.
fn locate(text: &str, offset: usize) -> String {
    let line_no = text[..offset.min(text.len())].matches('\n').count() + 1;
    let line = text.lines().nth(line_no - 1).unwrap_or("").trim();
    format!("line {line_no} `{line}`")
}

/// `moderation/<language>.txt`: one word or phrase per line, `#` starts a comment. Every
/// language of the shipped procedures needs a list, so no public text goes unchecked.
fn load_word_lists(dir: &Path) -> Result<BTreeMap<String, Vec<String>>, PolicyError> {
    let mut lists = BTreeMap::new();
    for language in procedure::SUPPORTED_LANGUAGES {
        let file = dir.join(format!("{language}.txt"));
        let text = std::fs::read_to_string(&file).map_err(|e| {
            PolicyError::new(&file, "-", format!("cannot read the moderation list: {e}"))
        })?;
        let words: Vec<String> = text
            .lines()
            .map(|l| {
                l.split('#')
                    .next()
                    .unwrap_or_default()
                    .trim()
                    .to_lowercase()
            })
            .filter(|l| !l.is_empty())
            .collect();
        if words.is_empty() {
            return Err(PolicyError::new(&file, "-", "the moderation list is empty"));
        }
        lists.insert(language.to_string(), words);
    }
    Ok(lists)
}
