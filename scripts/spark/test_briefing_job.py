#!/usr/bin/env python3
"""Runs scripts/spark/briefing_job.py in Spark local mode on the invented
articles of tests/fixtures/briefing (speakers shared across articles, one
quoted by full name and by surname alone) plus a broken line, and checks:

- articles/: each line byte for byte what `briefing extract -f jsonl` prints
  for the same input, in input order;
- actors/: the same named actors, kinds, statement counts and articles as
  the briefing `briefing extract -f json` makes of the same articles;
- errors/: the broken line, by its line number; nothing else lost;
- the reader's way in: `briefing extract -f jsonl OUTPUT/articles` reads the
  results back as they were;
- Parquet: the same tables.

Fails (never skips) when Spark cannot run. BRIEFING_BIN names the binary
(default: target/release/briefing).
"""

import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
JOB = os.path.join(ROOT, "scripts", "spark", "briefing_job.py")
BIN = os.environ.get("BRIEFING_BIN", os.path.join(ROOT, "target", "release", "briefing"))
FIXTURES = os.path.join(ROOT, "tests", "fixtures", "briefing")


def fixtures():
    out = []
    for path in sorted(glob.glob(os.path.join(FIXTURES, "*.txt"))):
        with open(path, encoding="utf-8") as f:
            out.append((os.path.splitext(os.path.basename(path))[0], f.read()))
    assert len(out) >= 4, f"fixtures missing in {FIXTURES}"
    return out


def run(args, stdin=None):
    r = subprocess.run(args, input=stdin, capture_output=True)
    if r.returncode != 0:
        sys.exit(f"FAIL: {' '.join(args)} exited {r.returncode}\n{r.stderr.decode(errors='replace')}")
    return r.stdout.decode("utf-8")


def parts(directory, ext=""):
    files = sorted(glob.glob(os.path.join(directory, "part-*" + ext)))
    assert os.path.exists(os.path.join(directory, "_SUCCESS")), f"{directory}: no _SUCCESS"
    return files


def read_lines(directory):
    lines = []
    for path in parts(directory):
        with open(path, encoding="utf-8") as f:
            lines.extend(f.read().splitlines())
    return lines


def run_job(inp, out, fmt):
    args = [
        sys.executable, JOB, "--master", "local[2]", "--binary", BIN,
        "--input", inp, "--output", out, "--format", fmt, "--partitions", "3",
    ]
    r = subprocess.run(args, capture_output=True)
    if r.returncode != 0:
        sys.exit(f"FAIL: the Spark job ({fmt}) exited {r.returncode}\n"
                 + r.stderr.decode(errors="replace")[-4000:])


def actor_view(actors, ids_of):
    """What the floors compare: name, kind, statements, articles by id."""
    return sorted(
        (a["name"], a["kind"], a["statements"], tuple(ids_of(a["articles"])))
        for a in actors
    )


def check(cond, what):
    if not cond:
        sys.exit(f"FAIL: {what}")
    print(f"ok: {what}")


def main():
    if not os.access(BIN, os.X_OK):
        sys.exit(f"FAIL: no briefing binary at {BIN} (cargo build --release)")
    articles = fixtures()
    good = [json.dumps({"id": i, "text": t}, ensure_ascii=False) for i, t in articles]
    broken = '{"id": "broken", "text": "never closed'
    # The broken line is line 3 of the input; a blank line is no article.
    lines = good[:2] + [broken, ""] + good[2:]
    tmp = tempfile.mkdtemp(prefix="briefing-spark-")
    inp = os.path.join(tmp, "articles.jsonl")
    with open(inp, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    good_path = os.path.join(tmp, "good.jsonl")
    with open(good_path, "w", encoding="utf-8") as f:
        f.write("\n".join(good) + "\n")

    direct = run([BIN, "extract", "--format", "jsonl"], ("\n".join(good) + "\n").encode()).splitlines()
    local = json.loads(run([BIN, "extract", "--format", "json", good_path]))
    ids = [i for i, _ in articles]
    local_actors = actor_view(local["actors"], lambda arts: [ids[a["article"]] for a in arts])

    out = os.path.join(tmp, "out")
    run_job(inp, out, "jsonl")

    spark_articles = read_lines(os.path.join(out, "articles"))
    check(spark_articles == direct,
          f"per-article output byte for byte the direct run's ({len(direct)} articles)")

    table = [json.loads(line) for line in read_lines(os.path.join(out, "actors"))]
    spark_actors = actor_view(table, lambda arts: [a["id"] for a in arts])
    check(spark_actors == local_actors,
          f"actor table = the local briefing's actors ({len(local_actors)}: names, kinds, statements, articles)")
    # Named in full in two articles and by surname alone in the third.
    marta = [a for a in spark_actors if a[0] == "Marta Quiñones"]
    check(marta and marta[0][3] == ("01-harbour-reopens", "02-ferry-timetable", "03-council-budget"),
          f"the surname alone joins the full name across articles: {marta}")

    errors = [json.loads(line) for line in read_lines(os.path.join(out, "errors"))]
    check(len(errors) == 1 and errors[0]["line"] == 3 and "invalid JSON" in errors[0]["error"],
          f"the broken line is in errors/ by its line number: {errors}")

    again = run([BIN, "extract", "--format", "jsonl", os.path.join(out, "articles")]).splitlines()

    def same(a, b):
        a, b = json.loads(a), json.loads(b)
        return a.pop("id") == b.pop("source") and a == b

    check(len(again) == len(direct) and all(same(a, b) for a, b in zip(direct, again)),
          "briefing reads OUTPUT/articles back as the analyses it holds")

    # Parquet: the same tables, read back by Spark.
    pout = os.path.join(tmp, "parquet")
    run_job(inp, pout, "parquet")
    for sub in ("articles", "actors", "errors"):
        check(parts(os.path.join(pout, sub), ".parquet"), f"parquet {sub}/ written")
    from pyspark.sql import SparkSession

    spark = (
        SparkSession.builder.master("local[1]")
        .appName("briefing-test")
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )
    try:
        rows = [r.asDict(recursive=True) for r in spark.read.parquet(os.path.join(pout, "actors")).collect()]
        check(actor_view(rows, lambda arts: [a["id"] for a in arts]) == local_actors,
              "parquet actor table = the local briefing's actors")
        n = spark.read.parquet(os.path.join(pout, "articles")).count()
        e = spark.read.parquet(os.path.join(pout, "errors")).collect()
        check(n == len(direct) and len(e) == 1 and e[0]["line"] == 3,
              "parquet articles and errors")
    finally:
        spark.stop()
    shutil.rmtree(tmp, ignore_errors=True)
    print("all Spark checks passed")


if __name__ == "__main__":
    main()
