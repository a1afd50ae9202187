//! The date on every change (`w:date`), never the clock: so the same input
//! gives the same bytes. Taken from a date given (`2014-10-31`, `31 October
//! 2014`), else from `SOURCE_DATE_EPOCH` (seconds since 1970), else from the
//! new Word document's last-modified date (`docProps/core.xml`), else none
//! (the attribute is optional).

use jiff::Timestamp;
use jiff::civil::Date;

/// How `w:date` is written: an ISO 8601 date-time in UTC.
const W_DATE: &str = "%Y-%m-%dT%H:%M:%SZ";

/// The forms of a date given by hand, after the ISO ones.
const WRITTEN: [&str; 4] = ["%d %B %Y", "%B %d, %Y", "%d %b %Y", "%b %d, %Y"];

/// `YYYY-MM-DDT00:00:00Z` for a date written `2014-10-31`,
/// `2014-10-31T12:00:00Z`, `31 October 2014` or `October 31, 2014`.
pub fn parse(text: &str) -> Option<String> {
    let text = text.trim();
    iso(text).or_else(|| {
        let date = WRITTEN.iter().find_map(|form| Date::strptime(form, text).ok())?;
        written(date.to_zoned(jiff::tz::TimeZone::UTC).ok()?.timestamp())
    })
}

/// An ISO 8601 date or date-time (UTC), normalised.
fn iso(text: &str) -> Option<String> {
    if let Ok(timestamp) = text.parse::<Timestamp>() {
        return written(timestamp);
    }
    let date: Date = text.parse().ok()?;
    written(date.to_zoned(jiff::tz::TimeZone::UTC).ok()?.timestamp())
}

/// `SOURCE_DATE_EPOCH` (whole seconds since 1970-01-01 UTC) as a date-time.
pub fn from_epoch(seconds: &str) -> Option<String> {
    written(Timestamp::from_second(seconds.trim().parse().ok()?).ok()?)
}

/// A date-time as `w:date` holds it, for the years 1 to 9999.
fn written(timestamp: Timestamp) -> Option<String> {
    let year = timestamp.to_zoned(jiff::tz::TimeZone::UTC).year();
    (1..=9999).contains(&year).then(|| timestamp.strftime(W_DATE).to_string())
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
        assert_eq!(parse("2014-02-31"), None, "no such day");
    }

    #[test]
    fn epoch_seconds_as_a_date() {
        assert_eq!(from_epoch("0").as_deref(), Some("1970-01-01T00:00:00Z"));
        assert_eq!(from_epoch("1414713600").as_deref(), Some("2014-10-31T00:00:00Z"));
        assert_eq!(from_epoch("951782400").as_deref(), Some("2000-02-29T00:00:00Z"));
        assert_eq!(from_epoch("soon"), None);
    }
}
