//! Signed records of a case's outcome (R20, R21, R23, R27): what was agreed, or how the
//! procedure ended, as a canonical JSON record hashed with SHA-256 and signed by the entity's
//! Ed25519 key, and the PDF the parties keep.
//!
//! The PDF carries the signed record inside (its document identifier), so it verifies
//! offline, and ends with a seal: a signature by the same key over every byte before it, so
//! any changed byte anywhere in the file shows. Same record in, same record bytes out; the
//! PDF's own bytes are not reproducible (printpdf draws random object ids), which is why the
//! seal signs the exact file and `settlements.pdf_sha256` keeps its hash.
pub mod document;
pub mod texts;

use crate::audit::canonical_json;
use crate::audit::merkle::{from_hex, verify_inclusion};
use base64::Engine;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

pub const FORMAT: &str = "redress-record/1";
const RECORD_MARK: &[u8] = b"redress-record:";
const SEAL_MARK: &[u8] = b"\n%redress-seal:";
const B64URL: base64::engine::GeneralPurpose = base64::engine::general_purpose::URL_SAFE_NO_PAD;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Record {
    pub format: String,
    /// settlement (the parties agreed) or outcome (the procedure ended otherwise)
    pub kind: String,
    pub entity: String,
    pub reference: String,
    /// The procedure's language, which the record is written in (R32).
    pub language: String,
    /// "eu-default@2026.1"
    pub procedure: String,
    pub procedure_name: String,
    /// settled, not_settled, withdrawn, refused or lapsed
    pub outcome: String,
    /// The written grounds of an outcome other than a settlement (R20).
    pub grounds: Option<String>,
    pub consumer: String,
    pub company: Company,
    pub representatives: Vec<Representative>,
    pub neutral: Option<Neutral>,
    /// R21: when the procedure started and ended, RFC 3339.
    pub dates: Dates,
    /// What was agreed (settlements only).
    pub terms: Option<Terms>,
    /// R16: what the parties were told before agreeing, in the record's language.
    pub notices: Vec<String>,
    pub audit: AuditAnchor,
    pub issued_at: String,
    /// Where anyone can check the record.
    pub verify_at: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Company {
    pub name: String,
    pub vat_number: Option<String>,
    pub country: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Representative {
    /// consumer or company
    pub side: String,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Neutral {
    pub name: String,
    /// mediator or in_house_lawyer
    pub kind: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Dates {
    pub filed: String,
    pub complete: Option<String>,
    pub agreed: Option<String>,
    pub settled: Option<String>,
    pub closed: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Terms {
    pub proposal: i32,
    pub amount_cents: i64,
    pub currency: String,
    pub remedies: Vec<String>,
    pub text: String,
    pub performance_days: i32,
    /// The date by which the company must have done what it agreed.
    pub perform_by: Option<String>,
}

/// Where the record's step sits in the audit log, with the proof that it is in the tree whose
/// root was signed: anyone holding the record and a later signed head can show the entry was
/// never removed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct AuditAnchor {
    pub seq: i64,
    pub entry_hash: String,
    pub tree_size: i64,
    pub root_hash: String,
    pub inclusion_proof: Vec<String>,
}

/// A record with its hash and the entity's signature over its canonical bytes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct SignedRecord {
    pub record: Record,
    pub record_sha256: String,
    pub key_id: String,
    /// Ed25519, base64, over the canonical JSON of `record`.
    pub signature: String,
}

/// A public key as the verifier needs it.
#[derive(Clone, Debug)]
pub struct KnownKey {
    pub public_hex: String,
    pub not_before: DateTime<Utc>,
    pub not_after: Option<DateTime<Utc>>,
}

impl Record {
    /// The bytes that are hashed and signed: canonical JSON, keys sorted, no whitespace.
    pub fn canonical(&self) -> Vec<u8> {
        canonical_json(self)
    }

    pub fn sha256(&self) -> String {
        crate::audit::sha256_hex(&self.canonical())
    }

    pub fn sign(self, key: &crate::signing::EntityKey) -> SignedRecord {
        let bytes = self.canonical();
        SignedRecord {
            record_sha256: crate::audit::sha256_hex(&bytes),
            key_id: key.id.clone(),
            signature: key.sign(&bytes),
            record: self,
        }
    }
}

/// Why a record or a PDF does not verify, in words for the person checking it.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct Invalid(pub String);

fn invalid(text: impl Into<String>) -> Invalid {
    Invalid(text.into())
}

impl SignedRecord {
    /// Checks hash, signature, the key's validity and the audit proof, with the published
    /// keys `key_of` finds.
    pub fn verify(&self, key_of: &impl Fn(&str) -> Option<KnownKey>) -> Result<(), Invalid> {
        let bytes = self.record.canonical();
        if crate::audit::sha256_hex(&bytes) != self.record_sha256 {
            return Err(invalid(
                "the record does not match its SHA-256: it was changed after it was signed",
            ));
        }
        let key = key_of(&self.key_id).ok_or_else(|| {
            invalid(format!(
                "the record names key {}, which this entity never published",
                self.key_id
            ))
        })?;
        if !crate::signing::verify(&key.public_hex, &bytes, &self.signature) {
            return Err(invalid(
                "the signature does not verify with the entity's published key",
            ));
        }
        let issued = DateTime::parse_from_rfc3339(&self.record.issued_at)
            .map_err(|_| invalid("the record's issue date is unreadable"))?
            .with_timezone(&Utc);
        if issued < key.not_before || key.not_after.is_some_and(|end| issued > end) {
            return Err(invalid(format!(
                "key {} was not in use on {}",
                self.key_id, self.record.issued_at
            )));
        }
        let a = &self.record.audit;
        let proof = a
            .inclusion_proof
            .iter()
            .map(|h| from_hex(h))
            .collect::<Option<Vec<_>>>();
        let included = match (from_hex(&a.entry_hash), from_hex(&a.root_hash), proof) {
            (Some(leaf), Some(root), Some(proof)) if a.seq >= 1 && a.tree_size >= a.seq => {
                verify_inclusion(&leaf, (a.seq - 1) as u64, a.tree_size as u64, &proof, &root)
            }
            _ => false,
        };
        if !included {
            return Err(invalid(
                "the audit proof inside the record does not lead to its tree root",
            ));
        }
        Ok(())
    }

    /// The value the PDF's document identifier holds.
    pub fn identifier(&self) -> String {
        let mut id = String::from_utf8_lossy(RECORD_MARK).into_owned();
        id.push_str(&B64URL.encode(canonical_json(self)));
        id
    }
}

/// The rendered PDF with its seal appended: a signature over every byte before it.
pub fn seal(pdf: Vec<u8>, key: &crate::signing::EntityKey) -> Vec<u8> {
    let signature = key.sign(&pdf);
    let mut out = pdf;
    out.extend_from_slice(SEAL_MARK);
    out.extend_from_slice(format!("{}:{signature}\n", key.id).as_bytes());
    out
}

/// Checks a sealed PDF on its own: the seal over the file, then the signed record inside.
pub fn verify_pdf(
    bytes: &[u8],
    key_of: &impl Fn(&str) -> Option<KnownKey>,
) -> Result<SignedRecord, Invalid> {
    if !bytes.starts_with(b"%PDF-") {
        return Err(invalid("this is not a PDF file"));
    }
    let at =
        find_last(bytes, SEAL_MARK).ok_or_else(|| invalid("this PDF carries no Redress seal"))?;
    let (body, tail) = bytes.split_at(at);
    let seal = std::str::from_utf8(&tail[SEAL_MARK.len()..])
        .map_err(|_| invalid("the seal at the end of the PDF is unreadable"))?
        .trim_end_matches('\n');
    let (key_id, signature) = seal
        .split_once(':')
        .ok_or_else(|| invalid("the seal at the end of the PDF is unreadable"))?;
    let key = key_of(key_id).ok_or_else(|| {
        invalid(format!(
            "the PDF is sealed with key {key_id}, which this entity never published"
        ))
    })?;
    if !crate::signing::verify(&key.public_hex, body, signature) {
        return Err(invalid(
            "the PDF was changed after it was sealed: its seal does not match its bytes",
        ));
    }
    let record = extract(body).ok_or_else(|| invalid("no signed record inside this PDF"))?;
    if record.key_id != key_id {
        return Err(invalid("the PDF's seal and its record name different keys"));
    }
    record.verify(key_of)?;
    Ok(record)
}

/// The signed record a PDF carries in its document identifier.
fn extract(body: &[u8]) -> Option<SignedRecord> {
    let start = find_last(body, RECORD_MARK)? + RECORD_MARK.len();
    let len = body[start..]
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || *b == b'-' || *b == b'_'))?;
    let json = B64URL.decode(&body[start..start + len]).ok()?;
    serde_json::from_slice(&json).ok()
}

fn find_last(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

/// A filled-in record with a real audit proof (over a nine-entry tree), for the sample PDFs,
/// the benchmarks and the tests.
pub fn example(language: &str) -> Record {
    use crate::audit::merkle::{MerkleTree, to_hex};
    use sha2::{Digest, Sha256};
    let mut tree = MerkleTree::new();
    for i in 0u64..9 {
        tree.push(Sha256::digest(i.to_be_bytes()).into());
    }
    let proof = tree.inclusion_proof(5, 9).unwrap_or_default();
    let notices = texts::Texts::of(language).consent_notices;
    Record {
        format: FORMAT.into(),
        kind: "settlement".into(),
        entity: "Geschillencommissie Zuid".into(),
        reference: "RD-2026-000042".into(),
        language: language.into(),
        procedure: "eu-default@2026.1".into(),
        procedure_name: "EU consumer mediation".into(),
        outcome: "settled".into(),
        grounds: None,
        consumer: "Zoë Ørsted-Müller".into(),
        company: Company {
            name: "Webshop Noord BV".into(),
            vat_number: Some("NL123456789B01".into()),
            country: "NL".into(),
        },
        representatives: vec![Representative {
            side: "consumer".into(),
            name: "Consumentenbond".into(),
        }],
        neutral: Some(Neutral {
            name: "Élodie Lefèvre".into(),
            kind: "mediator".into(),
        }),
        dates: Dates {
            filed: "2026-03-02T09:00:00.000000Z".into(),
            complete: Some("2026-03-03T09:00:00.000000Z".into()),
            agreed: Some("2026-04-01T09:00:00.000000Z".into()),
            settled: Some("2026-04-08T09:00:00.000000Z".into()),
            closed: None,
        },
        terms: Some(Terms {
            proposal: 3,
            amount_cents: 123_456,
            currency: "EUR".into(),
            remedies: vec!["refund".into(), "apology".into()],
            text: "Refund of the washing machine; the consumer returns it at the company's cost."
                .into(),
            performance_days: 14,
            perform_by: Some("2026-04-22T09:00:00.000000Z".into()),
        }),
        notices: notices.iter().map(|n| n.to_string()).collect(),
        audit: AuditAnchor {
            seq: 6,
            entry_hash: to_hex(&tree.leaf(5).unwrap_or_default()),
            tree_size: 9,
            root_hash: to_hex(&tree.root(9).unwrap_or_default()),
            inclusion_proof: proof.iter().map(to_hex).collect(),
        },
        issued_at: "2026-04-08T09:00:00.000000Z".into(),
        verify_at: "https://redress.example/verify".into(),
    }
}

#[cfg(test)]
mod tests;
