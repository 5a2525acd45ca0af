//! R31: what may be published of a public case. `flagged` finds the words of the policy's
//! lists (insults, discrimination, threats) in a text; `redact` takes e-mail addresses, phone
//! numbers and IBANs out of every public view. Pure functions, no I/O.
use regex::Regex;
use std::sync::LazyLock;

/// The listed words or phrases found in `text`, matched on whole words, ignoring case.
pub fn flagged(text: &str, words: &[String]) -> Vec<String> {
    let normalised = format!(" {} ", words_of(text).join(" "));
    words
        .iter()
        .filter(|w| {
            let phrase = words_of(w).join(" ");
            !phrase.is_empty() && normalised.contains(&format!(" {phrase} "))
        })
        .cloned()
        .collect()
}

fn words_of(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)[a-z0-9._%+\-]+@[a-z0-9\-]+(\.[a-z0-9\-]+)+").expect("a valid pattern")
});
static IBAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b[a-z]{2}[0-9]{2}(?:[ ]?[a-z0-9]{4}){2,7}(?:[ ]?[a-z0-9]{1,4})?\b")
        .expect("a valid pattern")
});
static PHONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\+|\b00|\b0)[0-9](?:[ ./\-]?[0-9]){7,13}\b").expect("a valid pattern")
});

/// The text with e-mail addresses, IBANs and phone numbers replaced by a marker.
pub fn redact(text: &str) -> String {
    let text = EMAIL.replace_all(text, "[e-mail address]");
    let text = IBAN.replace_all(&text, "[bank account]");
    PHONE.replace_all(&text, "[phone number]").into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listed_words_are_found_as_whole_words_in_any_case() {
        let words = vec!["idiot".to_string(), "ich bringe dich um".to_string()];
        assert_eq!(flagged("What an IDIOT, that shop!", &words), vec!["idiot"]);
        assert!(flagged("The idiotic delay annoyed me", &words).is_empty());
        assert_eq!(
            flagged("Er sagte: Ich bringe dich um!", &words),
            vec!["ich bringe dich um"]
        );
    }

    #[test]
    fn contact_details_and_bank_accounts_are_redacted() {
        let text = "Mail anna.jansen@example.eu or call +31 6 1234 5678 or 0612345678; \
                    refund to NL91 ABNA 0417 1643 00 or BE68539007547034. Order 4411 of 12.03.2026.";
        let out = redact(text);
        for gone in [
            "anna.jansen",
            "1234 5678",
            "0612345678",
            "NL91",
            "BE68539007547034",
        ] {
            assert!(!out.contains(gone), "{gone} left in: {out}");
        }
        assert!(
            out.contains("Order 4411 of 12.03.2026."),
            "ordinary numbers stay: {out}"
        );
        assert!(
            out.contains("[e-mail address]")
                && out.contains("[bank account]")
                && out.contains("[phone number]")
        );
    }
}
