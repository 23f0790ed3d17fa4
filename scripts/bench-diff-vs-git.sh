#!/usr/bin/env bash
# `dateline diff` against `git diff --no-index --word-diff`, both as whole
# processes on the same pairs (the seed pair and the 20,000-word pair of
# crates/diff/benches/compare.rs): hyperfine runs each command many times and
# this prints the medians and the ratio (below 1: Dateline is faster).
#
#   scripts/bench-diff-vs-git.sh [RUNS]        (default 200 runs per command)
#
# Needs hyperfine (Debian: apt-get install hyperfine), git and python3. Builds
# the release `dateline` first; DATELINE_BIN=path skips the build and uses that
# binary instead. Honours CARGO_TARGET_DIR.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-200}"
target="${CARGO_TARGET_DIR:-$root/target}"
for tool in hyperfine git python3; do
  command -v "$tool" >/dev/null || { echo "needs $tool" >&2; exit 2; }
done

if [[ -z "${DATELINE_BIN:-}" ]]; then
  (cd "$root" && cargo build -q --release -p dateline-cli)
  DATELINE_BIN="$target/release/dateline"
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$root" && cargo run -q --release -p dateline-diff --example bench_pairs -- "$work")

# Both sides write to a pipe the same way (hyperfine discards the output).
# Medians of wall time, and (less disturbed by a busy machine) mean CPU time,
# user + system, of each process.
printf '%-12s %12s %12s %8s   %12s %12s %8s\n' pair dateline git ratio "cpu dateline" "cpu git" ratio
for pair in seed 20k_words; do
  a="$work/$pair.a" b="$work/$pair.b"
  # Dateline must succeed (hyperfine -i ignores failures: git exits 1 on a difference).
  "$DATELINE_BIN" diff "$a.json" "$b.json" >/dev/null
  hyperfine -N -i --warmup 20 --runs "$runs" --style none \
    --export-json "$work/$pair.json" \
    -n dateline "$DATELINE_BIN diff $a.json $b.json" \
    -n git "git diff --no-index --word-diff=plain --no-color $a.txt $b.txt" \
    >/dev/null 2>"$work/$pair.err" || { cat "$work/$pair.err" >&2; exit 1; }
  python3 - "$work/$pair.json" "$pair" <<'PY'
import json, sys
res = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
ours, git = res["dateline"]["median"] * 1e3, res["git"]["median"] * 1e3
cpu = {k: (r["user"] + r["system"]) * 1e3 for k, r in res.items()}
print(f"{sys.argv[2]:<12} {ours:10.3f}ms {git:10.3f}ms {ours / git:7.3f}x   "
      f"{cpu['dateline']:10.3f}ms {cpu['git']:10.3f}ms {cpu['dateline'] / cpu['git']:7.3f}x")
PY
done
