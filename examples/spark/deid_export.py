"""De-identify a FHIR Bulk Data export folder with fhir-deid on Apache Spark (see README.md).

    deid_export.py INPUT OUTPUT [--fhir-deid PATH] [--preset NAME | -c FILE]
                   [--partitions N] [--today YYYY-MM-DD] [-- FHIR-DEID OPTION ...]

Every *.ndjson and *.ndjson.gz file of INPUT is cut into N partitions of whole lines, in order;
each partition goes through one fhir-deid process on its standard input (rdd.pipe), and the
results are written to OUTPUT/<name>/part-00000, part-00001, ... (<name> without .gz). The parts
of a file, concatenated in name order, are its de-identified file, byte for byte the output of
one fhir-deid run on it.

The keys come from this driver's environment (FHIR_DEID_CRYPTO_HASH_KEY,
FHIR_DEID_DATE_SHIFT_KEY, FHIR_DEID_ENCRYPT_KEY) and reach every fhir-deid process in its
environment, never on a command line.
"""

import argparse
import datetime
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile

from py4j.protocol import Py4JJavaError
from pyspark import SparkConf, SparkContext

KEY_VARIABLES = ("FHIR_DEID_CRYPTO_HASH_KEY", "FHIR_DEID_DATE_SHIFT_KEY", "FHIR_DEID_ENCRYPT_KEY")


def parse_arguments(argv):
    parser = argparse.ArgumentParser(
        description="De-identify a FHIR Bulk Data export folder with fhir-deid on Spark."
    )
    parser.add_argument("input", help="the export folder (its *.ndjson and *.ndjson.gz files)")
    parser.add_argument("output", help="the folder to create, one subfolder of parts per file")
    parser.add_argument(
        "--fhir-deid", default="fhir-deid", help="the binary, at this path on every executor"
    )
    rules = parser.add_mutually_exclusive_group()
    rules.add_argument("--preset", help="a built-in configuration (default: safe-harbor)")
    rules.add_argument("-c", "--config", help="a configuration file, at this path everywhere")
    parser.add_argument("--partitions", type=int, default=8, help="partitions per file (default 8)")
    parser.add_argument(
        "--today",
        default=datetime.date.today().isoformat(),
        help='the date the "age over 89" rules count from (default: the driver\'s today)',
    )
    parser.epilog = "Options after -- go to every fhir-deid run."
    cut = argv.index("--") if "--" in argv else len(argv)
    arguments = parser.parse_args(argv[:cut])
    arguments.extra = argv[cut + 1 :]
    if arguments.partitions < 1:
        parser.error("--partitions must be at least 1")
    return arguments


def listing(sc, folder):
    """(name, path) of the *.ndjson and *.ndjson.gz files of folder, sorted by name; any Hadoop
    file system (local, HDFS, S3)."""
    jvm = sc._jvm
    path = jvm.org.apache.hadoop.fs.Path(folder)
    fs = path.getFileSystem(sc._jsc.hadoopConfiguration())
    files = []
    for status in fs.listStatus(path):
        name = status.getPath().getName()
        if status.isFile() and not name.startswith((".", "_")):
            if name.endswith(".ndjson") or name.endswith(".ndjson.gz"):
                files.append((name, status.getPath().toString()))
    return sorted(files)


def main(argv):
    arguments = parse_arguments(argv)
    fhir_deid = arguments.fhir_deid
    if arguments.config:
        rules = ["--config", arguments.config]
    else:
        rules = ["--preset", arguments.preset or "safe-harbor"]
    # One day for every partition, one worker thread per process (Spark runs one task per core),
    # -q: no summary line per partition in the executors' logs. The options after -- come last
    # and win.
    defaults = ["-q", "-j", "1", "--today", arguments.today]
    keys = {name: os.environ[name] for name in KEY_VARIABLES if name in os.environ}
    # rdd.pipe replaces the environment of the process: give it the keys and a PATH.
    env = dict(keys, PATH=os.environ.get("PATH", "/usr/local/bin:/usr/bin:/bin"))

    # Check the rules and keys once, here, before any data is read, and learn the date-shift
    # scope: the partitions come on standard input, which has no file or folder name.
    with tempfile.TemporaryDirectory() as tmp:
        stats_path = os.path.join(tmp, "stats.json")
        try:
            check = subprocess.run(
                [fhir_deid] + rules + defaults + arguments.extra + ["--stats", stats_path],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                env=env,
            )
        except OSError as error:
            print(f"deid_export.py: {fhir_deid}: {error.strerror}", file=sys.stderr)
            return 69
        if check.returncode != 0:
            return check.returncode
        with open(stats_path, encoding="utf-8") as f:
            stats = json.load(f)
    if stats["keys"]["random"]:
        print("deid_export.py: --random-keys: each partition would get others", file=sys.stderr)
        return 78
    scope = stats["dateShift"]["scope"]

    sc = SparkContext.getOrCreate(SparkConf().setAppName("fhir-deid"))
    sc.setLogLevel("WARN")
    try:
        return run(sc, arguments, fhir_deid, rules, defaults, scope, env)
    finally:
        sc.stop()


def run(sc, arguments, fhir_deid, rules, defaults, scope, env):
    files = listing(sc, arguments.input)
    if not files:
        print(f"deid_export.py: {arguments.input}: no *.ndjson or *.ndjson.gz", file=sys.stderr)
        return 66
    outputs = {}
    for name, _ in files:
        plain = name.removesuffix(".gz")
        if plain in outputs:
            print(f"deid_export.py: {outputs[plain]} and {name} map to one output", file=sys.stderr)
            return 64
        outputs[plain] = name
    output_path = sc._jvm.org.apache.hadoop.fs.Path(arguments.output)
    if output_path.getFileSystem(sc._jsc.hadoopConfiguration()).exists(output_path):
        print(f"deid_export.py: {arguments.output} exists", file=sys.stderr)
        return 73
    folder_name = os.path.basename(os.path.normpath(arguments.input))
    n = arguments.partitions

    for name, path in files:
        # The name a run on the file itself would hash for date-shift scopes file and folder.
        prefix = {"file": name, "folder": folder_name}.get(scope)
        command = [fhir_deid] + rules + defaults
        command += (["--date-shift-prefix", prefix] if prefix else []) + arguments.extra
        lines = sc.textFile(path, minPartitions=n)
        if lines.getNumPartitions() < n:
            # A gzip file is one partition: number its lines and cut them into n ranges, in order.
            total = max(lines.count(), 1)
            lines = (
                lines.zipWithIndex()
                .map(lambda pair: (pair[1], pair[0]))
                .repartitionAndSortWithinPartitions(n, lambda i: i * n // total)
                .values()
            )
        # checkCode: a fhir-deid that fails (exit 65 invalid input, 1 processing error, ...)
        # fails its task, and a failed job commits no part of its output.
        try:
            lines.pipe(shlex.join(command), env=env, checkCode=True).saveAsTextFile(
                arguments.output.rstrip("/") + "/" + name.removesuffix(".gz")
            )
        except Py4JJavaError as error:
            status = re.search(r"exited with error code (\d+)", str(error))
            print(
                f"deid_export.py: {name}: not written: "
                + (f"fhir-deid exited with {status[1]}" if status else "the Spark job failed")
                + " (its message is in the executor's log)",
                file=sys.stderr,
            )
            return int(status[1]) if status else 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
