//! Fuzz target `docx`: see `redline_fuzz::oracles::check_docx`.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| redline_fuzz::oracles::check_docx(data));
