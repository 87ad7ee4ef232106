#!/usr/bin/env bash
# Check that two builds of `brief` give byte-identical output on the dev data: the speed work
# must not change a brief (issue 9). Reads the evaluation data and the Geneva corpus from
# ../shared (never copied into the repository) and the generated corpora of the benchmark.
#
#   bash benches/same_output.sh OLD_BRIEF NEW_BRIEF
#
# OLD_BRIEF and NEW_BRIEF are binaries (copy target/release/brief aside before rebuilding).
# Compared: the full JSON brief and the 200-word summary of every DUC 2002 cluster, the
# 100-word summary of every Multi-News dev cluster, the full JSON brief of the generated
# 100- and 1,000-article corpora, of Geneva and of the example story. Exit 0 when identical.
set -eu
cd "$(dirname "$0")/.."
old=$(readlink -f "$1")
new=$(readlink -f "$2")
shared=${SHARED:-../shared}
eval_data=$shared/eval/data
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for n in 100 1000; do
    [ -d "target/bench-corpus/$n" ] || cargo run -q --release --example gen-corpus -- "target/bench-corpus/$n" "$n" >/dev/null
done
cp -r "$shared/corpus/geneva-2016-09" "$work/geneva"

outputs() {
    local bin=$1 out=$2
    mkdir -p "$out/duc" "$out/mn" "$out/gen"
    for d in "$eval_data"/duc2002/docs/*/; do
        local name
        name=$(basename "$d")
        "$bin" build "$d" --format json -o - -q >"$out/duc/$name.json" 2>/dev/null || true
        "$bin" summarize "$d" --words 200 -q >"$out/duc/$name.sum" 2>/dev/null || true
    done
    for d in "$eval_data"/multinews-dev/docs/*/; do
        "$bin" summarize "$d" --words 100 -q >"$out/mn/$(basename "$d").sum" 2>/dev/null || true
    done
    for n in 100 1000; do
        "$bin" build "target/bench-corpus/$n" --format json -o - -q >"$out/gen/$n.json"
    done
    "$bin" build "$work/geneva" --format json -o - -q >"$out/geneva.json"
    "$bin" build briefings/suez-2021-03/sources --format json -o - -q >"$out/suez.json"
}

outputs "$old" "$work/old"
outputs "$new" "$work/new"
files=$(find "$work/old" -type f | wc -l)
if diff -rq "$work/old" "$work/new"; then
    echo "identical: $files outputs"
else
    echo "DIFFERENT (above) out of $files outputs" >&2
    exit 1
fi
