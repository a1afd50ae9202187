//! render (not written yet).
