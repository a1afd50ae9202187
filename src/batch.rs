//! batch (not written yet).
