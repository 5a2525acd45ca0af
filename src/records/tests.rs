//! R27: a record and its PDF verify, and any change to the record, its signature, its key
//! id or the PDF's bytes is caught; a rotated key still verifies what it signed.
use super::*;
use crate::signing::EntityKey;
use chrono::TimeZone;

fn known(key: &EntityKey) -> impl Fn(&str) -> Option<KnownKey> + '_ {
    move |id: &str| {
        (id == key.id).then(|| KnownKey {
            public_hex: key.public_hex(),
            not_before: Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap(),
            not_after: None,
        })
    }
}

#[test]
fn r27_the_same_record_gives_the_same_bytes_hash_and_signature() {
    let key = EntityKey::generate();
    let a = example("nl").sign(&key);
    let b = example("nl").sign(&key);
    assert_eq!(a, b, "Ed25519 is deterministic and the record canonical");
    assert_eq!(example("nl").canonical(), example("nl").canonical());
    let reparsed: Record = serde_json::from_slice(&example("nl").canonical()).unwrap();
    assert_eq!(
        reparsed.sha256(),
        a.record_sha256,
        "a round trip keeps the hash"
    );
    a.verify(&known(&key)).unwrap();
}

#[test]
fn r27_a_changed_record_signature_or_key_id_is_caught() {
    let key = EntityKey::generate();
    let signed = example("en").sign(&key);

    let mut amount = signed.clone();
    amount.record.terms.as_mut().unwrap().amount_cents += 1;
    assert!(
        amount
            .verify(&known(&key))
            .unwrap_err()
            .0
            .contains("SHA-256")
    );

    let mut rehashed = amount.clone();
    rehashed.record_sha256 = rehashed.record.sha256();
    assert!(
        rehashed
            .verify(&known(&key))
            .unwrap_err()
            .0
            .contains("signature")
    );

    let mut signature = signed.clone();
    signature.signature = EntityKey::generate().sign(&signed.record.canonical());
    assert!(signature.verify(&known(&key)).is_err());

    let mut key_id = signed.clone();
    key_id.key_id = "rk-0000000000000000".into();
    assert!(
        key_id
            .verify(&known(&key))
            .unwrap_err()
            .0
            .contains("never published")
    );

    let mut proof = signed.clone();
    proof.record.audit.seq = 5;
    proof.record_sha256 = proof.record.sha256();
    proof.signature = key.sign(&proof.record.canonical());
    assert!(
        proof
            .verify(&known(&key))
            .unwrap_err()
            .0
            .contains("audit proof")
    );
}

#[test]
fn r27_a_rotated_key_still_verifies_what_it_signed_but_not_later_records() {
    let old = EntityKey::generate();
    let new = EntityKey::generate();
    let rotated_at = Utc.with_ymd_and_hms(2026, 6, 1, 0, 0, 0).unwrap();
    let keys = |id: &str| {
        if id == old.id {
            Some(KnownKey {
                public_hex: old.public_hex(),
                not_before: Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap(),
                not_after: Some(rotated_at),
            })
        } else if id == new.id {
            Some(KnownKey {
                public_hex: new.public_hex(),
                not_before: rotated_at,
                not_after: None,
            })
        } else {
            None
        }
    };
    let before = example("de").sign(&old);
    before.verify(&keys).unwrap();
    let pdf = document::render(&before, &old);
    verify_pdf(&pdf, &keys).unwrap();
    let mut late = example("de");
    late.issued_at = "2026-07-01T00:00:00.000000Z".into();
    let late = late.sign(&old);
    assert!(late.verify(&keys).unwrap_err().0.contains("not in use"));
}

#[test]
fn r27_every_language_renders_a_pdf_that_verifies_offline() {
    let key = EntityKey::generate();
    for (language, amount, title) in [
        ("en", "€1,234.56", "Settlement record"),
        ("nl", "€ 1.234,56", "Vastlegging van de schikking"),
        ("fr", "€ 1.234,56", "Constat d'accord"),
        ("de", "€ 1.234,56", "Vergleichsprotokoll"),
    ] {
        let signed = example(language).sign(&key);
        let pdf = document::render(&signed, &key);
        assert_eq!(
            verify_pdf(&pdf, &known(&key)),
            Ok(signed.clone()),
            "{language}"
        );
        let text = crate::pdf::text_of(&pdf).expect("a readable PDF");
        for expected in [
            title,
            amount,
            "Zoë Ørsted-Müller",
            "RD-2026-000042",
            &signed.key_id,
        ] {
            assert!(
                text.contains(expected),
                "{language}: {expected} missing in {text}"
            );
        }
        // The notices, in the record's language (wrapped, so their opening words).
        let notice = texts::Texts::of(language).consent_notices[1];
        let opening = notice.split(' ').take(4).collect::<Vec<_>>().join(" ");
        assert!(text.contains(&opening), "{language}: {opening}");
    }
}

#[test]
fn r27_one_changed_byte_anywhere_in_the_pdf_is_caught() {
    let key = EntityKey::generate();
    let pdf = document::render(&example("fr").sign(&key), &key);
    // Every 97th byte, and the last ones (the seal itself).
    let positions = (0..pdf.len())
        .step_by(97)
        .chain(pdf.len() - 20..pdf.len() - 1);
    for i in positions {
        let mut changed = pdf.clone();
        changed[i] ^= 0x01;
        assert!(
            verify_pdf(&changed, &known(&key)).is_err(),
            "byte {i} of {}",
            pdf.len()
        );
    }
    let mut cut = pdf.clone();
    cut.truncate(pdf.len() - 200);
    assert!(verify_pdf(&cut, &known(&key)).is_err());
    assert!(verify_pdf(b"%PDF-1.7 nothing", &known(&key)).is_err());
    assert!(
        verify_pdf(b"GIF89a", &known(&key))
            .unwrap_err()
            .0
            .contains("not a PDF")
    );
}

/// With REDRESS_RECORD_SAMPLES set to a directory, writes a sample record PDF per language
/// there, for a person to look at (`.ci/render-records` turns them into PNG pages).
#[test]
fn sample_pdfs_for_a_person_to_look_at() {
    let Some(dir) = std::env::var_os("REDRESS_RECORD_SAMPLES") else {
        return;
    };
    let key = EntityKey::generate();
    for language in ["en", "nl", "fr", "de"] {
        let pdf = document::render(&example(language).sign(&key), &key);
        let file = std::path::Path::new(&dir).join(format!("record-{language}.pdf"));
        std::fs::write(&file, pdf).expect("the sample directory is writable");
    }
}
