//! Tests of spec-check on the committed spec and vendor texts.
