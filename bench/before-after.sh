#!/bin/sh
# Alternating timings of two checkouts of the generator: `bench/before-after.sh <other-checkout> [spec|gh] [runs]`.
# The other checkout (e.g. `git worktree add ../before <commit>` with node_modules linked) runs
# under tsx if it has no generator/bin.mjs. Prints "label spec wall-s user-s sys-s peak-KiB" per run.
set -e
other=$(cd "$1" && pwd); which=${2:-spec}; runs=${3:-5}
here=$(cd "$(dirname "$0")/.." && pwd)
gh="$here/node_modules/@octokit/openapi/generated/api.github.com.json"
out=$(mktemp -d)
for i in $(seq 1 "$runs"); do
  for label in before after; do
    root=$here; [ "$label" = before ] && root=$other
    if [ -f "$root/generator/bin.mjs" ]; then cmd="node $root/generator/bin.mjs"; else cmd="node --import tsx $root/generator/cli.ts"; fi
    spec="$root/spec/openapi.yaml"; [ "$which" = gh ] && spec=$gh
    rm -rf "$out/$label"
    (cd "$root" && /usr/bin/time -f "$label $which %e %U %S %M" $cmd --spec "$spec" --out "$out/$label" >/dev/null 2>"$out/err") || true
    tail -1 "$out/err"
  done
done
rm -rf "$out"
