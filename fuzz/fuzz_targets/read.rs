//! Fuzz target `read`: see `redline_fuzz::oracles::check_read`.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| redline_fuzz::oracles::check_read(data));
