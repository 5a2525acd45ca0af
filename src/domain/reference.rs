//! Case references such as `RD-2026-000123`: the year of filing and a number within that year.
use std::fmt;
use std::str::FromStr;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CaseReference {
    year: i32,
    number: u32,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("'{0}' is not a case reference (expected the form RD-2026-000123)")]
pub struct BadReference(pub String);

impl CaseReference {
    pub fn new(year: i32, number: u32) -> Result<Self, BadReference> {
        if !(2000..=9999).contains(&year) || number == 0 || number > 999_999_999 {
            return Err(BadReference(format!("RD-{year}-{number:06}")));
        }
        Ok(Self { year, number })
    }

    pub fn year(&self) -> i32 {
        self.year
    }

    pub fn number(&self) -> u32 {
        self.number
    }
}

impl fmt::Display for CaseReference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "RD-{}-{:06}", self.year, self.number)
    }
}

impl FromStr for CaseReference {
    type Err = BadReference;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || BadReference(s.chars().take(40).collect());
        let rest = s.strip_prefix("RD-").ok_or_else(bad)?;
        let (year, number) = rest.split_once('-').ok_or_else(bad)?;
        let digits = |t: &str, min: usize, max: usize| {
            (min..=max).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit())
        };
        if !digits(year, 4, 4) || !digits(number, 6, 9) {
            return Err(bad());
        }
        let year = year.parse().map_err(|_| bad())?;
        let number = number.parse().map_err(|_| bad())?;
        Self::new(year, number).map_err(|_| bad())
    }
}

impl serde::Serialize for CaseReference {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for CaseReference {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_with_six_digits_and_parses_back() {
        let r = CaseReference::new(2026, 123).unwrap();
        assert_eq!(r.to_string(), "RD-2026-000123");
        assert_eq!("RD-2026-000123".parse::<CaseReference>().unwrap(), r);
        let big = CaseReference::new(2026, 1_234_567).unwrap();
        assert_eq!(big.to_string().parse::<CaseReference>().unwrap(), big);
    }

    #[test]
    fn rejects_anything_else() {
        for bad in [
            "",
            "RD-2026-123",
            "rd-2026-000123",
            "RD-26-000123",
            "RD-2026-000000",
            "RD-2026-00012a",
            "RD-2026-000123-",
            "RD-2026-0001234567",
            "../etc/passwd",
        ] {
            assert!(bad.parse::<CaseReference>().is_err(), "{bad} parsed");
        }
    }
}
