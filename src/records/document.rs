//! The record as the parties read it: an A4 PDF in the case's language, with the entity and
//! reference at the head, the parties, the agreed terms as a table with amounts written the
//! way the language writes them, the dates, the notices, and a signature block that says how
//! to check it. The signed record itself travels inside the file.
use super::texts::Texts;
use super::{SignedRecord, seal};
use crate::domain::money::format_amount_in;
use crate::pdf::TextDocument;
use crate::signing::EntityKey;

/// "2026-03-02" from an RFC 3339 time: dates read the same in every language.
fn day(rfc3339: &str) -> String {
    rfc3339.chars().take(10).collect()
}

/// The PDF of `signed`, sealed with `key` (the key that signed the record).
pub fn render(signed: &SignedRecord, key: &EntityKey) -> Vec<u8> {
    seal(layout(signed).render(), key)
}

fn layout(signed: &SignedRecord) -> TextDocument {
    let r = &signed.record;
    let t = Texts::of(&r.language);
    let settlement = r.kind == "settlement";
    let title = if settlement {
        t.title_settlement
    } else {
        t.title_outcome
    };
    let mut doc = TextDocument::new(&format!("{title} {}", r.reference));
    doc.identifier(&signed.identifier())
        .footer(&format!("{} · {title} {}", r.entity, r.reference));
    let intro = if settlement {
        t.intro_settlement
    } else {
        t.intro_outcome
    };
    doc.small(&r.entity)
        .paragraph(&intro.replace("{entity}", &r.entity))
        .blank()
        .row(t.reference, &r.reference)
        .row(
            t.procedure,
            &format!("{} ({})", r.procedure_name, r.procedure),
        )
        .row(t.outcome, &t.outcome_name(&r.outcome));
    if let Some(grounds) = &r.grounds {
        doc.row(t.grounds, grounds);
    }

    doc.heading(t.parties).row(t.consumer, &r.consumer);
    let company = match &r.company.vat_number {
        Some(vat) => format!("{} ({vat}, {})", r.company.name, r.company.country),
        None => format!("{} ({})", r.company.name, r.company.country),
    };
    doc.row(t.company, &company);
    for rep in &r.representatives {
        let label = format!("{} ({})", t.representative, t.side_name(&rep.side));
        doc.row(&label, &rep.name);
    }
    if let Some(n) = &r.neutral {
        doc.row(t.neutral, &format!("{} ({})", n.name, t.kind_name(&n.kind)));
    }

    if let Some(terms) = &r.terms {
        let remedies = terms
            .remedies
            .iter()
            .map(|m| t.remedy_name(m))
            .collect::<Vec<_>>()
            .join(", ");
        doc.heading(t.terms)
            .row(t.proposal, &terms.proposal.to_string())
            .row(
                t.amount,
                &format_amount_in(terms.amount_cents, &terms.currency, &r.language),
            )
            .row(t.remedies, &remedies)
            .row(t.terms_text, &terms.text);
        if let Some(by) = &terms.perform_by {
            doc.row(t.perform_by, &day(by));
        }
    }

    doc.heading(t.dates).row(t.filed, &day(&r.dates.filed));
    for (label, date) in [
        (t.complete, &r.dates.complete),
        (t.agreed, &r.dates.agreed),
        (t.settled, &r.dates.settled),
        (t.closed, &r.dates.closed),
    ] {
        if let Some(date) = date {
            doc.row(label, &day(date));
        }
    }
    doc.row(t.issued, &day(&r.issued_at));

    if settlement {
        doc.heading(t.notices);
        for notice in &r.notices {
            doc.paragraph(&format!("• {notice}"));
        }
    }

    let audit = t
        .audit_value
        .replace("{seq}", &r.audit.seq.to_string())
        .replace("{size}", &r.audit.tree_size.to_string())
        .replace("{root}", &r.audit.root_hash);
    doc.need(190.0)
        .heading(t.seal)
        .paragraph(&t.sealed_by.replace("{entity}", &r.entity))
        .row(t.key, &format!("{} (Ed25519)", signed.key_id))
        .paragraph(t.record_hash)
        .mono(&signed.record_sha256)
        .paragraph(t.signature)
        .mono(&signed.signature)
        .paragraph(t.audit)
        .mono(&audit)
        .rule()
        .small(&t.verify.replace("{url}", &r.verify_at));
    doc
}
