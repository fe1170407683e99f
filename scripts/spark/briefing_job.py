#!/usr/bin/env python3
"""Who said what over an archive, on Apache Spark.

Reads JSON Lines of articles, one {"id", "text"} object a line, from any path
Spark reads (local files, HDFS, S3, a directory or a glob of them), runs each
partition through the `briefing` binary (`briefing extract --format jsonl`,
the batch mode: one result line per input line) and writes under OUTPUT:

  articles/  one analysis per article, each line exactly what
             `briefing extract --format jsonl` prints for it
  actors/    the briefing-wide actor table: one actor per row with name,
             kind, key, roles, aliases, statement and mention counts and the
             articles it appears in (id, statements, mentions)
  errors/    one record per input line that could not be read:
             {"error", "id", "line"} ("line" counts the lines of the input)

as JSON Lines (the reader opens `briefing OUTPUT/articles` directly) or
Parquet. The three directories are replaced on every run (--mode overwrite)
unless --mode error is given.

The actor table is the join `briefing` makes for a briefing over the same
articles: actors are grouped by the last word of their `key` (the surname of
a person, suffixes aside), which every actor a surname alone may stand for
shares, and each group's actors are joined by `briefing join`. Descriptions
("officials") have no key and stay apart.

One machine, two cores:
  python3 scripts/spark/briefing_job.py --master 'local[2]' \\
      --binary target/release/briefing --input articles.jsonl --output out
A cluster (the binary travels with --files; build it for the executors'
platform):
  spark-submit --master yarn --files target/release/briefing \\
      scripts/spark/briefing_job.py --binary briefing \\
      --input hdfs:///news/2024/*.jsonl --output hdfs:///briefings/2024
"""

import argparse
import json
import os
import queue
import subprocess
import sys
import threading
import time

# Must match `bucket` in src/join.rs: what the join of a surname to a full
# name looks at.
SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}


def bucket(key):
    """The last word of a key's name, suffixes aside; None for no key."""
    if key is None:
        return None
    name = key.split(":", 1)[1] if ":" in key else key
    words = name.split()
    if len(words) > 1 and words[-1] in SUFFIXES:
        words.pop()
    return words[-1] if words else name


def parse_args(argv):
    p = argparse.ArgumentParser(
        description="Statements and speakers of JSONL articles on Spark: "
        "per-article analyses and the briefing-wide actor table."
    )
    p.add_argument("--input", required=True, help="JSONL {id, text} articles: any path Spark reads")
    p.add_argument("--output", required=True, help="directory for articles/, actors/ and errors/")
    p.add_argument(
        "--binary",
        default="briefing",
        help="the briefing binary: its name when shipped with --files, else a path on the driver "
        "(shipped to the executors by the job)",
    )
    p.add_argument("--format", choices=["jsonl", "parquet"], default="jsonl")
    p.add_argument(
        "--partitions",
        type=int,
        default=0,
        help="partitions for the analysis and the join (default: twice Spark's default "
        "parallelism, so a slow partition holds up no core for long)",
    )
    p.add_argument(
        "--max-size",
        type=int,
        default=256,
        metavar="MB",
        help="longest input line, in MB; longer lines go to errors/",
    )
    p.add_argument("--mode", choices=["overwrite", "error"], default="overwrite")
    p.add_argument("--master", help="Spark master, e.g. local[2] (spark-submit sets it otherwise)")
    return p.parse_args(argv)


def executable(binary):
    """The binary on this machine: the copy shipped with the job, else the path."""
    from pyspark import SparkFiles

    try:
        shipped = SparkFiles.get(os.path.basename(binary))
    except Exception:
        shipped = None
    path = shipped if shipped and os.path.isfile(shipped) else binary
    if os.path.isfile(path) and not os.access(path, os.X_OK):
        try:
            os.chmod(path, 0o755)
        except OSError:
            pass
    return path


def piped(binary, args, threads, paired=True):
    """A mapPartitions function that runs each partition's (tag, line) pairs
    through the binary, as RDD.pipe does, resolving the binary on the executor.
    With `paired`, the binary answers every input line with one output line, in
    order (the batch mode with --errors json does), and each answer comes with
    its input's tag; otherwise the output lines come alone. A binary that fails
    fails the task (Spark retries it)."""

    def run(pairs):
        exe = executable(binary)
        env = dict(os.environ)
        # Spark runs a task per core: one thread each.
        env["RAYON_NUM_THREADS"] = str(threads)
        proc = subprocess.Popen(
            [exe] + args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env
        )
        tags = queue.Queue()
        failure = []

        def feed():
            try:
                for tag, line in pairs:
                    if paired:
                        tags.put(tag)
                    proc.stdin.write(line.encode("utf-8") + b"\n")
            except BrokenPipeError:
                pass
            except BaseException as e:  # reported below, in the task
                failure.append(e)
            finally:
                try:
                    proc.stdin.close()
                except BrokenPipeError:
                    pass

        writer = threading.Thread(target=feed, daemon=True)
        writer.start()
        for out in iter(proc.stdout.readline, b""):
            line = out.rstrip(b"\n").decode("utf-8")
            yield (tags.get(), line) if paired else line
        writer.join()
        code = proc.wait()
        if failure:
            raise failure[0]
        if code != 0:
            raise RuntimeError(f"{exe} {' '.join(args)} exited with status {code}")

    return run


def hadoop_path(spark, path):
    jvm = spark.sparkContext._jvm
    conf = spark.sparkContext._jsc.hadoopConfiguration()
    p = jvm.org.apache.hadoop.fs.Path(path)
    return p.getFileSystem(conf), p


def prepare_output(spark, output, mode):
    for sub in ("articles", "actors", "errors"):
        fs, p = hadoop_path(spark, f"{output.rstrip('/')}/{sub}")
        if fs.exists(p):
            if mode == "error":
                sys.exit(f"briefing_job: {output}/{sub} exists (--mode overwrite replaces it)")
            fs.delete(p, True)


def id_and_actors(line):
    """The id and actors of a result line, without parsing its text: the
    binary writes compact JSON, `id` first and `statements` after `actors`,
    and inside a JSON string a quote is always escaped, so these keys cannot
    be faked by an article's text. Anything else is parsed whole."""
    start = line.find(',"actors":[')
    end = line.find(',"statements":[', start)
    if line.startswith('{"id":') and start > 0 and end > 0:
        try:
            ident, _ = json.JSONDecoder().raw_decode(line, 6)
            return ident, json.loads(line[start + 10 : end])
        except ValueError:
            pass
    result = json.loads(line)
    return result.get("id"), result["actors"]


def actor_records(pair):
    """Each actor of one result as ((article, actor), bucket, record)."""
    article, line = pair
    ident, actors = id_and_actors(line)
    for i, actor in enumerate(actors):
        b = bucket(actor.get("key"))
        record = json.dumps(
            {"article": article, "id": ident, "actors": [actor]},
            ensure_ascii=False,
        )
        # A description joins no one: alone in a group of its own.
        yield (article, i), b if b is not None else f"#{article}:{i}", record


def table_schema():
    from pyspark.sql.types import (
        ArrayType,
        LongType,
        StringType,
        StructField,
        StructType,
    )

    return StructType(
        [
            StructField("name", StringType()),
            StructField("kind", StringType()),
            StructField("key", StringType()),
            StructField("roles", ArrayType(StringType())),
            StructField("aliases", ArrayType(StringType())),
            StructField("statements", LongType()),
            StructField("mentions", LongType()),
            StructField(
                "articles",
                ArrayType(
                    StructType(
                        [
                            StructField("id", StringType()),
                            StructField("statements", LongType()),
                            StructField("mentions", LongType()),
                        ]
                    )
                ),
            ),
        ]
    )


def id_text(value):
    """An article id for a Parquet column: strings as they are, others as JSON."""
    if value is None or isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def table_row(line):
    a = json.loads(line)
    a["articles"] = [dict(x, id=id_text(x["id"])) for x in a["articles"]]
    return a


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    from pyspark import StorageLevel
    from pyspark.rdd import portable_hash
    from pyspark.sql import SparkSession

    started = time.time()
    builder = SparkSession.builder.appName("briefing").config(
        "spark.ui.showConsoleProgress", "false"
    )
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    sc = spark.sparkContext
    sc.setLogLevel("WARN")
    ready = time.time()

    # Ship the binary unless it came with --files.
    from pyspark import SparkFiles

    name = os.path.basename(args.binary)
    shipped = os.path.isfile(os.path.join(SparkFiles.getRootDirectory(), name))
    if not shipped:
        if not os.path.isfile(args.binary):
            sys.exit(
                f"briefing_job: no binary {args.binary!r}: give its path, or ship it with "
                "spark-submit --files and give its name"
            )
        sc.addFile(os.path.abspath(args.binary))
    binary = name
    threads = int(sc.getConf().get("spark.task.cpus", "1"))
    partitions = args.partitions or 2 * sc.defaultParallelism
    prepare_output(spark, args.output, args.mode)
    out = args.output.rstrip("/")

    # Line numbers (from 1) tag each line, to name bad lines and to keep the
    # input order through the join.
    lines = (
        sc.textFile(args.input, minPartitions=partitions)
        .zipWithIndex()
        .filter(lambda p: p[0].strip())
        .map(lambda p: (p[1] + 1, p[0]))
    )
    if lines.getNumPartitions() < partitions:
        # An unsplittable input (gzip): spread it, keeping the order.
        lines = lines.sortByKey(numPartitions=partitions)
    extract = ["extract", "--format", "jsonl", "--errors", "json", "--max-size", str(args.max_size)]
    answers = lines.mapPartitions(piped(binary, extract, threads)).persist(
        StorageLevel.MEMORY_AND_DISK
    )

    def is_error(pair):
        return pair[1].startswith('{"error"')

    def error_record(pair):
        n, line = pair
        record = json.loads(line)
        # The binary counts lines within its partition; the input's count says more.
        return {"error": record["error"], "id": record.get("id"), "line": n}

    results = answers.filter(lambda p: not is_error(p))
    errors = answers.filter(is_error).map(error_record)

    # The actor table: group by bucket, in input order within each group.
    table = (
        results.flatMap(actor_records)
        .map(lambda t: ((t[0], t[1]), t[2]))
        .repartitionAndSortWithinPartitions(
            partitions, partitionFunc=lambda k: portable_hash(k[1]), keyfunc=lambda k: k[0]
        )
        .map(lambda kv: (None, kv[1]))
        .mapPartitions(piped(binary, ["join"], threads, paired=False))
    )

    stages = {}
    if args.format == "jsonl":
        results.map(lambda p: p[1]).saveAsTextFile(f"{out}/articles")
        stages["articles_seconds"] = round(time.time() - ready, 2)
        table.saveAsTextFile(f"{out}/actors")
        stages["actors_seconds"] = round(time.time() - ready, 2)
        errors.map(lambda e: json.dumps(e, ensure_ascii=False)).saveAsTextFile(f"{out}/errors")
    else:
        from pyspark.sql.types import LongType, StringType, StructField, StructType

        spark.read.json(results.map(lambda p: p[1])).write.parquet(f"{out}/articles")
        spark.createDataFrame(table.map(table_row), table_schema()).write.parquet(f"{out}/actors")
        error_schema = StructType(
            [
                StructField("error", StringType()),
                StructField("id", StringType()),
                StructField("line", LongType()),
            ]
        )
        spark.createDataFrame(
            errors.map(lambda e: dict(e, id=id_text(e["id"]))), error_schema
        ).write.parquet(f"{out}/errors")

    counts = answers.map(lambda p: (is_error(p), 1)).reduceByKey(lambda a, b: a + b).collectAsMap()
    done = time.time()
    summary = {
        "articles": counts.get(False, 0),
        "errors": counts.get(True, 0),
        "startup_seconds": round(ready - started, 2),
        "run_seconds": round(done - ready, 2),
        "partitions": partitions,
        **stages,
    }
    print("briefing_job: " + json.dumps(summary), file=sys.stderr)
    answers.unpersist()
    spark.stop()
    return summary


if __name__ == "__main__":
    main()
