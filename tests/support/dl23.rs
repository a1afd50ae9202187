//! The header block of DL/23 (Busan 2014, Working Group of the Plenary), as
//! the flags of `redline diff`: shared by the tests that render it.

/// `--doc-number` ... `--proposal` with DL/23's values.
pub const HEADER: [&str; 14] = [
    "--doc-number",
    "DL/23-E (Rev.2)",
    "--date",
    "31 October 2014",
    "--origin",
    "English",
    "--committee",
    "WORKING GROUP OF THE PLENARY",
    "--draft-title",
    "DRAFT RESOLUTION 140",
    "--status",
    "WORK IN PROGRESS",
    "--proposal",
    "WGPL/23/1",
];
