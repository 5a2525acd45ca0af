//! Money as integer cents with an ISO 4217 currency; never floating point.
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Currency([u8; 3]);

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum MoneyError {
    #[error("'{0}' is not a currency code (three capital letters, such as EUR)")]
    Currency(String),
    #[error("an amount cannot be negative")]
    Negative,
}

impl Currency {
    pub const EUR: Currency = Currency(*b"EUR");

    pub fn as_str(&self) -> &str {
        // Only ASCII capitals are ever stored, see `from_str`.
        std::str::from_utf8(&self.0).unwrap_or("EUR")
    }
}

impl FromStr for Currency {
    type Err = MoneyError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let b = s.as_bytes();
        if b.len() == 3 && b.iter().all(u8::is_ascii_uppercase) {
            Ok(Currency([b[0], b[1], b[2]]))
        } else {
            Err(MoneyError::Currency(s.chars().take(10).collect()))
        }
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A non-negative amount of money in the smallest unit of its currency.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "MoneyRepr", into = "MoneyRepr")]
pub struct Money {
    cents: i64,
    currency: Currency,
}

#[derive(Serialize, Deserialize)]
struct MoneyRepr {
    amount_cents: i64,
    currency: String,
}

impl TryFrom<MoneyRepr> for Money {
    type Error = MoneyError;
    fn try_from(r: MoneyRepr) -> Result<Self, Self::Error> {
        Money::new(r.amount_cents, r.currency.parse()?)
    }
}

impl From<Money> for MoneyRepr {
    fn from(m: Money) -> Self {
        MoneyRepr {
            amount_cents: m.cents,
            currency: m.currency.to_string(),
        }
    }
}

impl Money {
    pub fn new(cents: i64, currency: Currency) -> Result<Self, MoneyError> {
        if cents < 0 {
            return Err(MoneyError::Negative);
        }
        Ok(Self { cents, currency })
    }

    pub fn eur(cents: i64) -> Result<Self, MoneyError> {
        Self::new(cents, Currency::EUR)
    }

    pub fn cents(&self) -> i64 {
        self.cents
    }

    pub fn currency(&self) -> Currency {
        self.currency
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&format_amount(self.cents, self.currency.as_str()))
    }
}

/// "EUR 649.00": how amounts read in pages, mails and PDFs (stored amounts, already checked).
pub fn format_amount(cents: i64, currency: &str) -> String {
    format!("{currency} {}.{:02}", cents / 100, cents % 100)
}

/// An amount as a reader of `language` writes it: "€1,234.56" in English, "€ 1.234,56" in
/// Dutch, French and German; other currencies by their code ("CHF 1.234,56").
pub fn format_amount_in(cents: i64, currency: &str, language: &str) -> String {
    let (whole, fraction) = (cents / 100, cents % 100);
    let digits = whole.to_string();
    let (group, decimal) = if language == "en" {
        (',', '.')
    } else {
        ('.', ',')
    };
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(group);
        }
        grouped.push(d);
    }
    let symbol = if currency == "EUR" { "€" } else { currency };
    let space = if language == "en" && currency == "EUR" {
        ""
    } else {
        " "
    };
    format!("{symbol}{space}{grouped}{decimal}{fraction:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_read_as_each_language_writes_them() {
        assert_eq!(format_amount_in(123_456, "EUR", "nl"), "€ 1.234,56");
        assert_eq!(format_amount_in(123_456, "EUR", "de"), "€ 1.234,56");
        assert_eq!(format_amount_in(123_456, "EUR", "fr"), "€ 1.234,56");
        assert_eq!(format_amount_in(123_456, "EUR", "en"), "€1,234.56");
        assert_eq!(format_amount_in(5, "EUR", "nl"), "€ 0,05");
        assert_eq!(
            format_amount_in(100_000_000, "CHF", "de"),
            "CHF 1.000.000,00"
        );
        assert_eq!(format_amount_in(99_900, "EUR", "en"), "€999.00");
    }

    #[test]
    fn amounts_are_cents_and_never_negative() {
        assert_eq!(Money::eur(123_456).unwrap().to_string(), "EUR 1234.56");
        assert_eq!(Money::eur(-1), Err(MoneyError::Negative));
        assert!("eur".parse::<Currency>().is_err());
        assert!("EURO".parse::<Currency>().is_err());
        let json = serde_json::to_string(&Money::eur(5).unwrap()).unwrap();
        assert_eq!(json, r#"{"amount_cents":5,"currency":"EUR"}"#);
        assert!(serde_json::from_str::<Money>(r#"{"amount_cents":-5,"currency":"EUR"}"#).is_err());
    }
}
