//! `--format json`: the models' own serialisations, the versioned contracts.

use crate::error::{Error, Result};
use crate::model::Redline;
use serde::Serialize;

/// The redline as pretty JSON and a newline; the model's shape is the contract.
pub fn pair(redline: &Redline) -> String {
    let mut json = Vec::with_capacity(5 * redline.text_len() + 64 * 1024);
    serde_json::to_writer_pretty(&mut json, redline).expect("a redline always serialises");
    json.push(b'\n');
    String::from_utf8(json).expect("serde_json writes UTF-8")
}

/// Any other view (a series, a bracket report, an outline) as pretty JSON and a newline.
pub fn value(value: &impl Serialize) -> Result<String> {
    serde_json::to_string_pretty(value)
        .map(|json| json + "\n")
        .map_err(|error| Error::Other(format!("cannot write JSON: {error}")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::redline::*;

    #[test]
    fn entries_serialise_as_provisions() {
        let json = pair(&doc(vec![added("a) x\n")]));
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value["provisions"][0]["action"], "ADD");
        assert_eq!(value["provisions"][0]["spans"][0]["op"], "insert");
        assert_eq!(value["summary"]["ADD"], 1);
        assert!(json.ends_with("}\n"));
    }
}
