//! Tests of the Word writer: the XML of small redlines, and round trips through the Word reader.
