//! Link options of the `dateline` binary.
//!
//! On Linux the binary is linked at a fixed address (`-no-pie`): a
//! position-independent executable of this size carries about 70,000
//! relocations that the loader applies at every start, writing to 1.7 MB of
//! pages, which was most of the time of a short command such as `dateline
//! diff` on two releases (see `scripts/bench-diff-vs-git.sh`). The libraries
//! it loads (libc) are still placed at random addresses.

fn main() {
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    if os == "linux" && env == "gnu" {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
