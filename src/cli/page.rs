//! Flags of the HTML pages shared by `diff` and `series`: the header block of
//! an ITU working document and the page layout.

use redline::render::{FrontMatter, Header};

/// The header block of an HTML page, as in an ITU working document.
#[derive(Debug, Clone, clap::Args)]
pub struct HeaderArgs {
    /// Document number for the header block and the running head of printed
    /// pages, e.g. "DL/23-E (Rev.2)".
    #[arg(long, value_name = "S", help_heading = "HTML header")]
    doc_number: Option<String>,
    /// Date for the header block, e.g. "31 October 2014".
    #[arg(long, value_name = "S", help_heading = "HTML header")]
    date: Option<String>,
    /// Original language, shown as "Original: S".
    #[arg(long, value_name = "S", help_heading = "HTML header")]
    origin: Option<String>,
    /// Committee, e.g. "WORKING GROUP OF THE PLENARY".
    #[arg(long, value_name = "S", help_heading = "HTML header")]
    committee: Option<String>,
    /// The draft's title line, centred above the status, e.g. "DRAFT RESOLUTION 140".
    #[arg(long, value_name = "S", help_heading = "HTML header")]
    draft_title: Option<String>,
    /// Status line, e.g. "WORK IN PROGRESS".
    #[arg(long, value_name = "S", help_heading = "HTML header")]
    status: Option<String>,
    /// Proposal mark, e.g. WGPL/23/1, shown as "MOD WGPL/23/1".
    #[arg(long, value_name = "S", help_heading = "HTML header")]
    proposal: Option<String>,
}

impl HeaderArgs {
    /// The header the flags give.
    pub fn header(&self) -> Header {
        let HeaderArgs { doc_number, date, origin, committee, draft_title, status, proposal } =
            self.clone();
        Header { title: None, doc_number, date, origin, committee, draft_title, status, proposal }
    }
}

/// How an HTML page is laid out.
#[derive(Debug, Clone, clap::Args)]
pub struct PageArgs {
    /// Where the legend, summary, change list and bracket table go (html)
    /// [default: before the resolution on screen, after it on paper].
    #[arg(long, value_enum, value_name = "PLACE", help_heading = "HTML page")]
    front_matter: Option<FrontMatterArg>,
    /// Mark unchanged provisions NOC in the margin too (html).
    #[arg(long, help_heading = "HTML page")]
    pub show_noc: bool,
}

impl PageArgs {
    /// Where the front matter goes.
    pub fn front_matter(&self) -> FrontMatter {
        match self.front_matter {
            None => FrontMatter::Auto,
            Some(FrontMatterArg::None) => FrontMatter::Omit,
            Some(FrontMatterArg::After) => FrontMatter::After,
            Some(FrontMatterArg::Before) => FrontMatter::Before,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum FrontMatterArg {
    /// Left out.
    None,
    /// After the resolution.
    After,
    /// Before the resolution.
    Before,
}
