//! read (not written yet).
