//! Fuzz target `parse`: see `redline_fuzz::oracles::check_parse`.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| redline_fuzz::oracles::check_parse(data));
