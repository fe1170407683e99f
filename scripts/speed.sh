#!/usr/bin/env bash
# Speed and memory of `briefing extract` on real-shaped news (README, "Speed").
#
#   scripts/speed.sh [ARTICLES.jsonl]
#
# ARTICLES is JSON Lines with "id" and "text" (other fields are ignored); by
# default PolNeAR's training split when ../shared is present, else 4 MB of
# generated news. Prints, best of three runs each:
# - whole-process `extract --format json` on the texts concatenated, one core
#   (taskset -c 0), and on four times the text;
# - the JSON Lines batch on one core and on two;
# - peak RSS of the batch over about 100 MB of lines.
# Needs python3, taskset and GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet --bin briefing --example throughput
bin=target/release/briefing
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

articles=${1:-../shared/eval/polnear-train.jsonl}
if [ ! -f "$articles" ]; then
  articles="$work/generated.jsonl"
  target/release/examples/throughput --write-generated 4 >"$articles"
fi
python3 - "$articles" "$work" <<'PY'
import json, sys
src, work = sys.argv[1], sys.argv[2]
rows = [json.loads(l) for l in open(src, encoding="utf-8") if l.strip()]
batch = "".join(json.dumps({"id": r["id"], "text": r["text"]}) + "\n" for r in rows)
open(f"{work}/batch.jsonl", "w", encoding="utf-8").write(batch)
text = "\n\n".join(r["text"] for r in rows)
open(f"{work}/news.txt", "w", encoding="utf-8").write(text)
open(f"{work}/news4.txt", "w", encoding="utf-8").write("\n\n".join([text] * 4))
# About 100 MB of distinct lines: the batch again and again under new ids.
with open(f"{work}/big.jsonl", "w", encoding="utf-8") as out:
    size, round_ = 0, 0
    while size < 100 << 20:
        for r in rows:
            line = json.dumps({"id": f"{round_}-{r['id']}", "text": r["text"]}) + "\n"
            out.write(line)
            size += len(line.encode())
        round_ += 1
PY

# Best wall time of three, in seconds; standard input from $input.
input=/dev/null
best() {
  local best=
  for _ in 1 2 3; do
    local t
    /usr/bin/time -f "%e" -o "$work/time" "$@" <"$input" >/dev/null 2>&1
    t=$(tail -1 "$work/time")
    best=$(python3 -c "print(min(float('$t'), float('${best:-$t}')))")
  done
  echo "$best"
}
mb() { python3 -c "import os; print(f'{os.path.getsize(\"$1\") / 1e6:.2f}')"; }
rate() { python3 -c "print(f'{$1 / $2:.1f}')"; }

one=$(best taskset -c 0 "$bin" extract --format json "$work/news.txt")
four=$(best taskset -c 0 "$bin" extract --format json "$work/news4.txt")
echo "one core, whole process: $(mb "$work/news.txt") MB in ${one} s = $(rate "$(mb "$work/news.txt")" "$one") MB/s"
echo "four times the text:     $(mb "$work/news4.txt") MB in ${four} s = $(rate "$four" "$one")x the time"

input=$work/batch.jsonl
b1=$(best taskset -c 0 "$bin" extract --format jsonl)
b2=$(best taskset -c 0,1 "$bin" extract --format jsonl)
echo "batch, one core:   $(mb "$work/batch.jsonl") MB in ${b1} s = $(rate "$(mb "$work/batch.jsonl")" "$b1") MB/s"
echo "batch, two cores:  $(mb "$work/batch.jsonl") MB in ${b2} s = $(rate "$b1" "$b2")x one core"

/usr/bin/time -f "%M" -o "$work/time" "$bin" extract --format jsonl <"$work/big.jsonl" >/dev/null 2>&1
rss=$(tail -1 "$work/time")
echo "batch of $(mb "$work/big.jsonl") MB: peak RSS $((rss / 1024)) MB"
