//! The date on every change (`w:date`), never the clock: so the same input
//! gives the same bytes. Taken from a date given (`2014-10-31`, `31 October
//! 2014`), else from `SOURCE_DATE_EPOCH` (seconds since 1970), else from the
//! new Word document's last-modified date (`docProps/core.xml`), else none
//! (the attribute is optional).

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// `YYYY-MM-DDT00:00:00Z` for a date written `2014-10-31`,
/// `2014-10-31T12:00:00Z`, `31 October 2014` or `October 31, 2014`.
pub fn parse(text: &str) -> Option<String> {
    let text = text.trim();
    if let Some(iso) = iso(text) {
        return Some(iso);
    }
    let words: Vec<String> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let month = |word: &str| MONTHS.iter().position(|m| m.starts_with(word) && word.len() >= 3);
    let (day, month, year) = match words.as_slice() {
        [d, m, y] if d.parse::<u32>().is_ok() => (d.parse().ok()?, month(m)?, y.parse().ok()?),
        [m, d, y] => (d.parse().ok()?, month(m)?, y.parse().ok()?),
        _ => return None,
    };
    civil(year, month as u32 + 1, day)
}

/// An ISO 8601 date or date-time (UTC), normalised.
fn iso(text: &str) -> Option<String> {
    let date = text.get(..10)?;
    let bytes = date.as_bytes();
    if bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let (year, month, day) =
        (date[..4].parse().ok()?, date[5..7].parse().ok()?, date[8..].parse().ok()?);
    let day = civil(year, month, day)?;
    let time = text.get(10..).unwrap_or_default();
    let time = time.strip_prefix('T').map(|t| t.trim_end_matches('Z'));
    match time {
        Some(t)
            if t.len() >= 8
                && t[..8]
                    .bytes()
                    .enumerate()
                    .all(|(i, b)| if i % 3 == 2 { b == b':' } else { b.is_ascii_digit() }) =>
        {
            Some(format!("{}T{}Z", &day[..10], &t[..8]))
        }
        _ if text.len() == 10 => Some(day),
        _ => None,
    }
}

fn civil(year: i64, month: u32, day: u32) -> Option<String> {
    let valid = (1..=9999).contains(&year) && (1..=12).contains(&month) && (1..=31).contains(&day);
    valid.then(|| format!("{year:04}-{month:02}-{day:02}T00:00:00Z"))
}

/// `SOURCE_DATE_EPOCH` (whole seconds since 1970-01-01 UTC) as a date-time.
pub fn from_epoch(seconds: &str) -> Option<String> {
    let seconds: i64 = seconds.trim().parse().ok()?;
    let (days, rest) = (seconds.div_euclid(86_400), seconds.rem_euclid(86_400));
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    let (h, m, s) = (rest / 3600, rest % 3600 / 60, rest % 60);
    (1..=9999)
        .contains(&year)
        .then(|| format!("{year:04}-{month:02}-{day:02}T{h:02}:{m:02}:{s:02}Z"))
}

/// The last-modified date in a Word package's `docProps/core.xml`.
pub fn from_package(package: &[u8]) -> Option<String> {
    let parts = super::package::Parts::read(package).ok()?;
    let core = parts.text("docProps/core.xml")?;
    let start = core.find("dcterms:modified")?;
    let value = &core[start..];
    let value = &value[value.find('>')? + 1..];
    iso(value[..value.find('<')?].trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_several_forms() {
        assert_eq!(parse("2014-10-31").as_deref(), Some("2014-10-31T00:00:00Z"));
        assert_eq!(parse("2014-10-31T09:30:00Z").as_deref(), Some("2014-10-31T09:30:00Z"));
        assert_eq!(parse("31 October 2014").as_deref(), Some("2014-10-31T00:00:00Z"));
        assert_eq!(parse("Oct 31, 2014").as_deref(), Some("2014-10-31T00:00:00Z"));
        assert_eq!(parse("WORK IN PROGRESS"), None);
        assert_eq!(parse("2014-13-01"), None);
    }

    #[test]
    fn epoch_seconds_as_a_date() {
        assert_eq!(from_epoch("0").as_deref(), Some("1970-01-01T00:00:00Z"));
        assert_eq!(from_epoch("1414713600").as_deref(), Some("2014-10-31T00:00:00Z"));
        assert_eq!(from_epoch("951782400").as_deref(), Some("2000-02-29T00:00:00Z"));
        assert_eq!(from_epoch("soon"), None);
    }
}
