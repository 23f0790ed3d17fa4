//! dateline-export (being built).
pub mod sanitize;
