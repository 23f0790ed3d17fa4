#!/usr/bin/env bash
# Type-checks the Rust of the Windows and macOS builds on this Linux machine.
#
#   scripts/check-targets.sh                       both targets, check + clippy, all targets
#   scripts/check-targets.sh x86_64-pc-windows-msvc   one target
#   CHECK_TARGETS_NO_CLIPPY=1 scripts/check-targets.sh   plain `cargo check` only
#
# Nothing is linked or run: this proves that the cfg(windows) and cfg(target_os = "macos") code
# (and every dependency used only there) compiles, not that the app works there. The bundles
# are built and the tests run on real Windows and macOS machines by .github/workflows/desktop.yml.
#
# How (no Windows SDK, no Xcode, no rustup target needed):
# - Debian's rustc-web, cargo-web and rust-web-src (1.96): a toolchain whose standard-library
#   sources are in its sysroot, so `-Zbuild-std` (RUSTC_BOOTSTRAP=1) compiles std for the target.
#   rust-web-clippy adds clippy. Installed with apt when missing.
# - Build scripts that call a C toolchain through cc-rs (bundled SQLite, objc2's exception helper,
#   vswhom) or a resource compiler (tauri-build's Windows resources) get stand-in tools that only
#   create the files they are asked for: `check` links nothing, so empty objects are enough.
#   blake3 is told to skip its assembly and C (CARGO_FEATURE_PURE).
# - ui/dist must exist for tauri::generate_context!; a placeholder is made (and removed) if absent.
#   ui/node_modules must too (the e2e tests embed axe-core): `npm ci --prefix ui` if absent.
# - Its own target dir ($CARGO_TARGET_DIR/cross, else target/cross): another compiler version
#   would otherwise invalidate the normal build's artifacts.
#
# Cold, a target takes about 4.5 minutes on 2 cores; a re-check after an edit takes seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(x86_64-pc-windows-msvc aarch64-apple-darwin)

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# --- the toolchain ---------------------------------------------------------------------------
PKGS=(rustc-web cargo-web rust-web-src)
[ -n "${CHECK_TARGETS_NO_CLIPPY:-}" ] || PKGS+=(rust-web-clippy)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  log "installing Debian packages: ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
# Debian's binaries by full path: ~/.cargo/bin (rustup's proxies) usually comes first in PATH,
# and rustup's toolchains have no standard-library sources for these targets.
export CARGO=/usr/bin/cargo RUSTC=/usr/bin/rustc RUSTDOC=/usr/bin/rustdoc
unset RUSTC_WRAPPER RUSTC_WORKSPACE_WRAPPER RUSTUP_TOOLCHAIN
export RUSTC_BOOTSTRAP=1
if [ ! -d "$("$RUSTC" --print sysroot)/lib/rustlib/src/rust/library/std" ]; then
  echo "$RUSTC has no standard-library sources (rust-web-src)" >&2
  exit 1
fi

CROSS_DIR=${CHECK_TARGETS_DIR:-${CARGO_TARGET_DIR:-$ROOT/target}/cross}
export CARGO_TARGET_DIR=$CROSS_DIR
STANDIN=$CROSS_DIR/standin
mkdir -p "$STANDIN"

# --- stand-in C tools ------------------------------------------------------------------------
# A compiler, archiver and resource compiler in one: it answers cc-rs's and embed-resource's
# probes and creates each output file it is asked for, empty.
cat >"$STANDIN/tool" <<'EOF'
#!/bin/sh
# Stand-in C compiler / archiver / resource compiler for `cargo check` of another target.
touch_out() { mkdir -p "$(dirname "$1")" && : >"$1"; }
case "$(basename "$0")" in
  ar)
    # ar-style (`cq LIB objs`, `s LIB`) or lib.exe-style (`-out:LIB`).
    for a in "$@"; do
      case "$a" in -out:*|/OUT:*|/out:*) touch_out "${a#*:}"; exit 0 ;; esac
    done
    [ $# -ge 2 ] && touch_out "$2"
    exit 0 ;;
esac
prev=
for a in "$@"; do
  case "$prev" in
    -o|--output|/fo|-fo) touch_out "$a" ;;
  esac
  case "$a" in
    -E) echo '"clang"' ;;                        # cc-rs's family probe: clang-like
    '-?'|'/?') exit 1 ;;                         # not cl.exe-like
    -V) echo 'GNU windres (stand-in)' ;;          # embed-resource's probe: windres-like
    --output=*) touch_out "${a#--output=}" ;;
    -Fo?*|/Fo?*) touch_out "${a#??Fo}" ;;
    -o?*) touch_out "${a#-o}" ;;
  esac
  prev=$a
done
exit 0
EOF
chmod +x "$STANDIN/tool"
for name in cc c++ ar rc; do ln -sf tool "$STANDIN/$name"; done

export CARGO_FEATURE_PURE=1                # blake3: portable Rust, no assembly or C
export SDKROOT=/nonexistent-macos-sdk      # cc-rs must not look for Xcode (xcrun)
export MACOSX_DEPLOYMENT_TARGET=11.0       # = bundle.macOS.minimumSystemVersion

# --- ui/dist ---------------------------------------------------------------------------------
if [ ! -d ui/dist ]; then
  log "ui/dist is missing: using a placeholder page (only the Rust is checked)"
  mkdir -p ui/dist
  printf '<!doctype html><title>Dateline</title>\n' >ui/dist/index.html
  trap 'rm -rf "$ROOT/ui/dist"' EXIT
fi

# The end-to-end tests embed axe-core from the UI's packages.
if [ ! -f ui/node_modules/axe-core/axe.min.js ]; then
  log "installing UI packages (npm ci): the end-to-end tests embed axe-core from them"
  npm ci --prefix ui --no-audit --no-fund --loglevel=error
fi

# --- check -----------------------------------------------------------------------------------
# Every crate of the workspace, with its tests, benches and examples (`--all-targets`), with the
# features the shipped app is built with.
ARGS=('-Zbuild-std=std,panic_abort' --workspace --all-targets --features dateline-app/custom-protocol --locked)
for t in "${TARGETS[@]}"; do
  var=${t//-/_}
  export "CC_$var=$STANDIN/cc" "CXX_$var=$STANDIN/c++" "AR_$var=$STANDIN/ar" "RC_$var=$STANDIN/rc"
  start=$SECONDS
  if [ -n "${CHECK_TARGETS_NO_CLIPPY:-}" ]; then
    log "cargo check --target $t"
    "$CARGO" check --target "$t" "${ARGS[@]}"
  else
    # clippy runs the compiler's checks too, so a separate `cargo check` would add nothing.
    log "cargo clippy --target $t"
    /usr/bin/cargo-clippy clippy --target "$t" "${ARGS[@]}" -- -D warnings
  fi
  log "$t: type-checks ($((SECONDS - start)) s)"
done
