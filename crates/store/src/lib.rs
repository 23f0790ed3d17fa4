//! dateline-store (being built).
