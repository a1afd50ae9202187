//! `--format json`: the redline model's own serialisation, the versioned contract.

use crate::model::Redline;

/// The redline as pretty JSON and a newline; the model's shape is the contract.
pub fn render(redline: &Redline) -> String {
    let mut json = Vec::with_capacity(5 * redline.text_len() + 64 * 1024);
    serde_json::to_writer_pretty(&mut json, redline).expect("a redline always serialises");
    json.push(b'\n');
    String::from_utf8(json).expect("serde_json writes UTF-8")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::testkit::*;

    #[test]
    fn entries_serialise_as_provisions() {
        let json = render(&doc(vec![added("a) x\n")]));
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value["provisions"][0]["action"], "ADD");
        assert_eq!(value["provisions"][0]["spans"][0]["op"], "insert");
        assert_eq!(value["summary"]["ADD"], 1);
        assert!(json.ends_with("}\n"));
    }
}
