//! The cumulative redline of a small series built from slots, in each format.

use crate::render::{Format, Options};
use crate::series::Series;
use crate::testkit::slots::small_series;

fn series(series: &Series, format: Format) -> crate::Result<String> {
    crate::render::series(series, &Options { format, ..Options::default() })
}

#[test]
fn text_rendering() {
    insta::assert_snapshot!(series(&small_series(), Format::Text).unwrap());
}

/// The page after its `<head>`: the style sheet is the pair page's.
#[test]
fn html_rendering() {
    let html = series(&small_series(), Format::Html).unwrap();
    insta::assert_snapshot!(&html[html.find("<body").unwrap()..]);
}

#[test]
fn json_rendering_has_the_contract_keys() {
    let json: serde_json::Value =
        serde_json::from_str(&series(&small_series(), Format::Json).unwrap()).unwrap();
    let keys: Vec<&str> = json.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(keys, ["cumulative", "header", "revisions", "steps"], "serde_json sorts keys");
    assert_eq!(
        json["revisions"][0],
        serde_json::json!({"number": 1, "label": "First (constructed)", "path": "r1.txt", "encoding": "UTF-8"})
    );
    let span = &json["cumulative"]["provisions"][1]["spans"][0];
    assert_eq!((span["inserted_in"].as_u64(), span["deleted_in"].as_u64()), (None, Some(2)));
}
