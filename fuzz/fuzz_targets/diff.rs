//! Fuzz target `diff`: see `redline_fuzz::oracles::check_diff`.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| redline_fuzz::oracles::check_diff(data));
