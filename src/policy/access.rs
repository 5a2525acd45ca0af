//! Access rules as data (`policies/access.toml`): a declared vocabulary of roles, relations and
//! actions, flat allow rules with stable ids, default deny, and allow/deny examples that are
//! checked every time the file is loaded.
use super::{PolicyError, parse_toml};
use serde::Deserialize;
use std::collections::BTreeSet;
use std::path::Path;

#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, serde::Serialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Public,
    Consumer,
    Company,
    Neutral,
    Staff,
    /// Redress itself: the scheduler and other automated steps.
    System,
}

impl Role {
    pub fn as_str(&self) -> &'static str {
        match self {
            Role::Public => "public",
            Role::Consumer => "consumer",
            Role::Company => "company",
            Role::Neutral => "neutral",
            Role::Staff => "staff",
            Role::System => "system",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        [
            Role::Public,
            Role::Consumer,
            Role::Company,
            Role::Neutral,
            Role::Staff,
            Role::System,
        ]
        .into_iter()
        .find(|r| r.as_str() == s)
    }
}

/// How the caller stands to the dossier an action touches.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, serde::Serialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// No dossier involved, or no tie to it.
    None,
    /// The consumer who filed it, or their representative.
    OwnCase,
    /// A representative of the respondent company.
    OwnCompany,
    /// The neutral assigned to it.
    AssignedNeutral,
}

/// Every action the code asks about. The policy's vocabulary must list exactly these, so a
/// new action without a rule, or a rule for an action that no longer exists, stops start-up.
pub const ACTIONS: &[&str] = &[
    "case.file",
    "case.register_offline",
    "case.view",
    "case.supply_information",
    "case.review_completeness",
    "case.decide_admissibility",
    "case.answer_participation",
    "case.assign",
    "case.declare",
    "case.open_round",
    "case.propose",
    "case.answer_proposal",
    "case.revoke_consent",
    "case.end_without_settlement",
    "case.withdraw",
    "case.appoint_representative",
    "case.post_message",
    "case.add_document",
    "case.moderate",
    "case.bundle",
    "case.answer_bundle",
    "case.give_feedback",
    "case.request_review",
    "case.answer_review",
    "case.answer_disclosure",
    "case.blind_bid",
    "case.report_compliance",
    "account.declare_conflict",
    "audit.view_all",
    "mail.review",
    "report.view",
    "report.write",
    "company.reply",
    "account.record_training",
    "company.refer",
    "company.webhooks",
    "case.extend",
    "case.close",
    "case.archive",
    "case.deadline",
    "case.view_audit",
    "company.manage_tokens",
    "company.invite_representative",
    "account.create",
    "company.register",
];

pub type Action = &'static str;

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Vocabulary {
    roles: Vec<Role>,
    relations: Vec<Relation>,
    actions: Vec<String>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub id: String,
    pub description: String,
    pub roles: Vec<Role>,
    /// Relations the rule covers; an empty list means any relation.
    #[serde(default)]
    pub relations: Vec<Relation>,
    pub actions: Vec<String>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Example {
    role: Role,
    relation: Relation,
    action: String,
    expect: Expect,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Expect {
    Allow,
    Deny,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct AccessFile {
    version: String,
    vocabulary: Vocabulary,
    rules: Vec<Rule>,
    examples: Vec<Example>,
}

#[derive(Clone, Debug)]
pub struct AccessPolicy {
    pub version: String,
    pub hash: String,
    rules: Vec<Rule>,
}

/// The answer to "may this caller do that": the id of the rule that allowed it, if any.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Decision {
    Allow(String),
    Deny,
}

impl AccessPolicy {
    pub fn load(file: &Path) -> Result<Self, PolicyError> {
        let (raw, hash): (AccessFile, String) = parse_toml(file)?;
        let declared: BTreeSet<&str> = raw.vocabulary.actions.iter().map(String::as_str).collect();
        let known: BTreeSet<&str> = ACTIONS.iter().copied().collect();
        if let Some(missing) = known.difference(&declared).next() {
            return Err(PolicyError::new(
                file,
                "vocabulary.actions",
                format!("action '{missing}' is used by Redress but not declared"),
            ));
        }
        if let Some(extra) = declared.difference(&known).next() {
            return Err(PolicyError::new(
                file,
                "vocabulary.actions",
                format!("action '{extra}' is declared but Redress has no such action"),
            ));
        }
        let mut ids = BTreeSet::new();
        for (i, rule) in raw.rules.iter().enumerate() {
            let key = format!("rules[{i}] ({})", rule.id);
            if !ids.insert(rule.id.as_str()) {
                return Err(PolicyError::new(file, key, "rule id used twice"));
            }
            if let Some(a) = rule.actions.iter().find(|a| !declared.contains(a.as_str())) {
                return Err(PolicyError::new(file, key, format!("unknown action '{a}'")));
            }
            if let Some(r) = rule
                .roles
                .iter()
                .find(|r| !raw.vocabulary.roles.contains(r))
            {
                return Err(PolicyError::new(
                    file,
                    key,
                    format!("undeclared role '{}'", r.as_str()),
                ));
            }
            if let Some(r) = rule
                .relations
                .iter()
                .find(|r| !raw.vocabulary.relations.contains(r))
            {
                return Err(PolicyError::new(
                    file,
                    key,
                    format!("undeclared relation {r:?}"),
                ));
            }
        }
        let policy = Self {
            version: raw.version,
            hash,
            rules: raw.rules,
        };
        for (i, ex) in raw.examples.iter().enumerate() {
            let Some(action) = ACTIONS.iter().find(|a| **a == ex.action) else {
                return Err(PolicyError::new(
                    file,
                    format!("examples[{i}]"),
                    format!("unknown action '{}'", ex.action),
                ));
            };
            let got = policy.decide(ex.role, ex.relation, action);
            let ok = matches!(
                (ex.expect, &got),
                (Expect::Allow, Decision::Allow(_)) | (Expect::Deny, Decision::Deny)
            );
            if !ok {
                return Err(PolicyError::new(
                    file,
                    format!("examples[{i}]"),
                    format!(
                        "{} with relation {:?} doing '{}' should {:?} but the rules give {:?}",
                        ex.role.as_str(),
                        ex.relation,
                        ex.action,
                        ex.expect,
                        got
                    ),
                ));
            }
        }
        Ok(policy)
    }

    /// Default deny: allowed only if a rule names the role, the relation (or any) and the action.
    pub fn decide(&self, role: Role, relation: Relation, action: Action) -> Decision {
        self.rules
            .iter()
            .find(|r| {
                r.roles.contains(&role)
                    && (r.relations.is_empty() || r.relations.contains(&relation))
                    && r.actions.iter().any(|a| a == action)
            })
            .map(|r| Decision::Allow(r.id.clone()))
            .unwrap_or(Decision::Deny)
    }

    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }
}
