//! brackets (not written yet).
