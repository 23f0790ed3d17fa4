//! dateline-diff (being built).
