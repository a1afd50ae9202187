//! Fuzz target `brackets`: see `redline_fuzz::oracles::check_brackets`.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| redline_fuzz::oracles::check_brackets(data));
