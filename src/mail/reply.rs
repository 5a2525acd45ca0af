//! Reply addresses that carry a case and a party: `cases+RD-2026-000123-company-<mac>@domain`.
//! The mac is an HMAC-SHA256 of the reference and the side under the entity's mail secret,
//! so a token cannot be guessed, nor moved to another case or to the other party.
use crate::domain::dossier::Side;
use crate::domain::reference::CaseReference;
use hmac::{Hmac, Mac};
use sha2::Sha256;

/// 10 bytes (20 hex digits, 80 bits): guessing is hopeless, and an address stays short.
const MAC_BYTES: usize = 10;

fn hmac(secret: &[u8], reference: &str, side: Side) -> Hmac<Sha256> {
    let mut m = Hmac::<Sha256>::new_from_slice(secret).expect("HMAC takes any key length");
    m.update(format!("redress-reply-v1:{reference}:{}", side.as_str()).as_bytes());
    m
}

fn mac(secret: &[u8], reference: &str, side: Side) -> String {
    hex::encode(&hmac(secret, reference, side).finalize().into_bytes()[..MAC_BYTES])
}

/// The token of `side` in case `reference`.
pub fn token(secret: &[u8], reference: &str, side: Side) -> String {
    format!("{reference}-{side}-{}", mac(secret, reference, side))
}

/// The reply address for `side` in case `reference` on `domain`.
pub fn address(secret: &[u8], domain: &str, reference: &str, side: Side) -> String {
    format!("cases+{}@{domain}", token(secret, reference, side))
}

/// The case and party a reply address proves, if its token is genuine. Mail systems may
/// change the case of an address's local part, so it is read case-insensitively.
pub fn parse(secret: &[u8], address: &str) -> Option<(CaseReference, Side)> {
    let local = address.trim().trim_matches(['<', '>']).split('@').next()?;
    let token = local.split_once('+')?.1.to_ascii_lowercase();
    let (rest, given) = token.rsplit_once('-')?;
    let (reference, side) = rest.rsplit_once('-')?;
    let side = Side::parse(side)?;
    let reference: CaseReference = reference.to_ascii_uppercase().parse().ok()?;
    let given = hex::decode(given).ok().filter(|b| b.len() == MAC_BYTES)?;
    // Compared in constant time by the HMAC crate.
    hmac(secret, &reference.to_string(), side)
        .verify_truncated_left(&given)
        .ok()?;
    Some((reference, side))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_proves_its_case_and_side_and_nothing_else() {
        let secret = b"a secret of the entity";
        let a = address(secret, "adr.example", "RD-2026-000123", Side::Company);
        assert!(a.starts_with("cases+RD-2026-000123-company-"), "{a}");
        let (reference, side) = parse(secret, &a).unwrap();
        assert_eq!(
            (reference.to_string(), side),
            ("RD-2026-000123".into(), Side::Company)
        );
        assert!(
            parse(secret, &a.to_uppercase()).is_some(),
            "case-insensitive"
        );
        assert!(parse(secret, &format!("<{a}>")).is_some());
        // Moved to another case, or to the other side: refused.
        let moved = a.replace("000123", "000124");
        assert!(parse(secret, &moved).is_none());
        let other_side = a.replace("-company-", "-consumer-");
        assert!(parse(secret, &other_side).is_none());
        assert!(parse(b"another secret", &a).is_none());
        assert!(parse(secret, "cases@adr.example").is_none());
        assert!(parse(secret, "cases+nonsense@adr.example").is_none());
    }
}
