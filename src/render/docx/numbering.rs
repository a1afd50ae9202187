//! The old revision's list numbering carried into the new package: a
//! paragraph whose numbering changed records its old numbering
//! (`w:pPrChange`), and an old paragraph written back keeps its list. An
//! old list whose definition the new package has under the same id keeps
//! that id; any other is copied into the new `numbering.xml` under a fresh
//! id, so that with every change rejected Word numbers the old paragraphs
//! as the old document did.

use roxmltree::{Document, Node};
use std::collections::HashMap;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// The lists of one package: each `w:num` as written, and its abstract definition.
#[derive(Debug, Default)]
struct Lists {
    /// numId -> (raw `w:num`, abstractNumId).
    nums: HashMap<u32, (String, u32)>,
    /// abstractNumId -> raw `w:abstractNum`.
    abstracts: HashMap<u32, String>,
    max_num: u32,
    max_abstract: u32,
}

impl Lists {
    fn read(text: &str) -> Lists {
        let Ok(document) = Document::parse(text) else { return Lists::default() };
        let mut lists = Lists::default();
        let attribute = |node: Node, name: &str| -> Option<u32> {
            node.attribute((W, name))?.trim().parse().ok()
        };
        for node in document.root_element().children().filter(Node::is_element) {
            let raw = text[node.range()].to_string();
            match node.tag_name().name() {
                "abstractNum" => {
                    let Some(id) = attribute(node, "abstractNumId") else { continue };
                    lists.max_abstract = lists.max_abstract.max(id);
                    lists.abstracts.insert(id, raw);
                }
                "num" => {
                    let Some(id) = attribute(node, "numId") else { continue };
                    let abstract_id = node
                        .children()
                        .find(|child| child.tag_name().name() == "abstractNumId")
                        .and_then(|child| attribute(child, "val"));
                    lists.max_num = lists.max_num.max(id);
                    lists.nums.insert(id, (raw, abstract_id.unwrap_or_default()));
                }
                _ => {}
            }
        }
        lists
    }

    /// What list `num` is, ids left out.
    fn signature(&self, num: u32) -> Option<String> {
        let (raw, abstract_id) = self.nums.get(&num)?;
        let raw = raw.replacen(&format!("w:numId=\"{num}\""), "", 1);
        let abstract_raw = self.abstracts.get(abstract_id).map_or(String::new(), |raw| {
            raw.replacen(&format!("w:abstractNumId=\"{abstract_id}\""), "", 1)
        });
        Some(format!("{raw}{abstract_raw}"))
    }
}

/// The old package's lists mapped into the new one's.
#[derive(Debug, Default)]
pub struct NumberingMap {
    old: Lists,
    new: Lists,
    nums: HashMap<u32, u32>,
    abstracts: HashMap<u32, u32>,
    added_abstracts: String,
    added_nums: String,
}

impl NumberingMap {
    /// The map between the old and the new `numbering.xml`.
    pub fn new(old: &str, new: &str) -> NumberingMap {
        NumberingMap { old: Lists::read(old), new: Lists::read(new), ..NumberingMap::default() }
    }

    /// Whether old list `old` and new list `new` are defined alike, whatever
    /// their ids (a list whose id shifted because another was added before it).
    pub fn alike(&self, old: u32, new: u32) -> bool {
        let plain = |lists: &Lists, num: u32| {
            let (raw, abstract_id) = lists.nums.get(&num)?;
            let raw = raw.replacen(&format!("w:numId=\"{num}\""), "", 1);
            let raw = raw.replacen(
                &format!("<w:abstractNumId w:val=\"{abstract_id}\""),
                "<w:abstractNumId",
                1,
            );
            let abstract_raw = lists.abstracts.get(abstract_id)?;
            let abstract_raw =
                abstract_raw.replacen(&format!("w:abstractNumId=\"{abstract_id}\""), "", 1);
            Some(format!("{raw}{abstract_raw}"))
        };
        plain(&self.old, old).is_some() && plain(&self.old, old) == plain(&self.new, new)
    }

    /// The new package's id of old list `num` (copied in when it has none).
    pub fn map(&mut self, num: u32) -> u32 {
        if num == 0 {
            return 0;
        }
        if let Some(&mapped) = self.nums.get(&num) {
            return mapped;
        }
        let same =
            self.old.signature(num).is_some() && self.old.signature(num) == self.new.signature(num);
        let mapped = match self.old.nums.get(&num).cloned() {
            Some((raw, abstract_id)) if !same => {
                self.new.max_num += 1;
                let fresh = self.new.max_num;
                let fresh_abstract = self.copy_abstract(abstract_id);
                let raw =
                    raw.replacen(&format!("w:numId=\"{num}\""), &format!("w:numId=\"{fresh}\""), 1);
                let raw = replace_value(&raw, "abstractNumId", abstract_id, fresh_abstract);
                self.added_nums.push_str(&raw);
                fresh
            }
            _ => num,
        };
        self.nums.insert(num, mapped);
        mapped
    }

    fn copy_abstract(&mut self, abstract_id: u32) -> u32 {
        if let Some(&copied) = self.abstracts.get(&abstract_id) {
            return copied;
        }
        let plain = |lists: &Lists| {
            let raw = lists.abstracts.get(&abstract_id)?;
            Some(raw.replacen(&format!("w:abstractNumId=\"{abstract_id}\""), "", 1))
        };
        if plain(&self.old).is_some() && plain(&self.old) == plain(&self.new) {
            self.abstracts.insert(abstract_id, abstract_id);
            return abstract_id;
        }
        self.new.max_abstract += 1;
        let fresh = self.new.max_abstract;
        if let Some(raw) = self.old.abstracts.get(&abstract_id) {
            let from = format!("w:abstractNumId=\"{abstract_id}\"");
            self.added_abstracts.push_str(&raw.replacen(
                &from,
                &format!("w:abstractNumId=\"{fresh}\""),
                1,
            ));
        }
        self.abstracts.insert(abstract_id, fresh);
        fresh
    }

    /// An old `w:pPr` with its list ids mapped.
    pub fn remap(&mut self, ppr: &str) -> String {
        let Some(at) = ppr.find("<w:numId w:val=\"") else { return ppr.to_string() };
        let start = at + "<w:numId w:val=\"".len();
        let Some(end) = ppr[start..].find('"').map(|len| start + len) else {
            return ppr.to_string();
        };
        let Ok(num) = ppr[start..end].trim().parse::<u32>() else { return ppr.to_string() };
        format!("{}{}{}", &ppr[..start], self.map(num), &ppr[end..])
    }

    /// The new `numbering.xml` with the copied lists; `None` when nothing was copied.
    pub fn apply(&self, new: &str) -> Option<String> {
        if self.added_nums.is_empty() && self.added_abstracts.is_empty() {
            return None;
        }
        let first_num = new.find("<w:num ").or_else(|| new.find("<w:num>"));
        let after_nums = new.rfind("</w:num>").map(|at| at + "</w:num>".len());
        let end = new.rfind("</w:numbering>")?;
        let abstracts_at = first_num.unwrap_or(end);
        let nums_at = after_nums.unwrap_or(end);
        Some(format!(
            "{}{}{}{}{}",
            &new[..abstracts_at],
            self.added_abstracts,
            &new[abstracts_at..nums_at],
            self.added_nums,
            &new[nums_at..]
        ))
    }
}

/// `raw` with `<w:NAME w:val="FROM"` made `TO`.
fn replace_value(raw: &str, name: &str, from: u32, to: u32) -> String {
    raw.replacen(&format!("<w:{name} w:val=\"{from}\""), &format!("<w:{name} w:val=\"{to}\""), 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str =
        r#"<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#;

    #[test]
    fn a_list_defined_alike_keeps_its_id_and_another_is_copied() {
        let old = format!(
            r#"{HEAD}<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"/></w:abstractNum><w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num><w:num w:numId="6"><w:abstractNumId w:val="1"/></w:num></w:numbering>"#
        );
        let new = format!(
            r#"{HEAD}<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"/></w:abstractNum><w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num><w:num w:numId="6"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="11"/></w:lvlOverride></w:num></w:numbering>"#
        );
        let mut map = NumberingMap::new(&old, &new);
        assert_eq!(map.map(5), 5);
        assert_eq!(map.map(6), 7);
        assert_eq!(
            map.remap(
                r#"<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="6"/></w:numPr></w:pPr>"#
            ),
            r#"<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="7"/></w:numPr></w:pPr>"#
        );
        let applied = map.apply(&new).unwrap();
        // The abstract definition is the same in both: shared, so the lists count on together.
        assert!(!applied.contains(r#"w:abstractNumId="2""#), "{applied}");
        assert!(
            applied.ends_with(
                r#"<w:num w:numId="7"><w:abstractNumId w:val="1"/></w:num></w:numbering>"#
            ),
            "{applied}"
        );
        assert!(roxmltree::Document::parse(&applied).is_ok());
    }
}
