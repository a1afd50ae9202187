//! series (not written yet).
