//! Comments: the ITU action of each changed provision (ADD, SUP, MOD, NOC,
//! renumbered, moved) and the state of its brackets, in the margin rather
//! than in the text, so that accepting every change still gives the new
//! revision exactly.

use super::package::template_error;
use super::runs::Marks;
use super::stream::Stream;
use crate::error::Result;
use askama::Template;

/// One comment of the package.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comment {
    /// Its id (shared with its anchors).
    pub id: u32,
    /// Its lines, one paragraph each.
    pub lines: Vec<String>,
}

#[derive(Template)]
#[template(path = "docx/comment.xml")]
struct CommentXml<'a> {
    id: u32,
    author: &'a str,
    initials: String,
    date: Option<&'a str>,
    style: Option<&'a str>,
    lines: &'a [String],
}

#[derive(Template)]
#[template(path = "docx/comments.xml")]
struct CommentsXml {
    comments: String,
}

/// The comments whose anchors were written, in id order.
pub fn collect(stream: &Stream, marks: &Marks) -> Vec<Comment> {
    let mut comments: Vec<Comment> = (marks.comments.iter())
        .filter_map(|(&entry, &id)| {
            let text = stream.entries.get(entry)?.comment.as_ref()?;
            Some(Comment { id, lines: text.lines().map(super::xml::clean).collect() })
        })
        .collect();
    comments.sort_by_key(|comment| comment.id);
    comments
}

/// The `w:comment` elements of `comments`, by the comment author of `marks`.
pub fn elements(comments: &[Comment], marks: &Marks, style: Option<&str>) -> Result<String> {
    let author = super::xml::clean(&marks.comment_author);
    let author = author.as_str();
    let initials: String = author.split_whitespace().filter_map(|w| w.chars().next()).collect();
    let mut out = String::new();
    for comment in comments {
        let xml = CommentXml {
            id: comment.id,
            author,
            initials: initials.clone(),
            date: marks.date.as_deref(),
            style,
            lines: &comment.lines,
        };
        out.push_str(&xml.render().map_err(template_error)?);
    }
    Ok(out)
}

/// A whole comments part.
pub fn part(comments: &[Comment], marks: &Marks, style: Option<&str>) -> Result<String> {
    let comments = elements(comments, marks, style)?;
    CommentsXml { comments }.render().map_err(template_error)
}
