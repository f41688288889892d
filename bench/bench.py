#!/usr/bin/env python3
"""dailylog's benchmark: each command against the libyaml floor.

usage: bench.py DAILYLOG FLOOR WORKDIR

Generates (once; kept in WORKDIR) stores of 1,000 and 20,000 entries with
gen.py, then runs every command RUNS times, each in a new process, and
prints the median wall time, the peak resident memory, the ratio to the
floor (a bare libyaml event loop over the same files, bench/floor.c) and
the growth from 1,000 to 20,000 entries.  The second floor, floor -s, only
walks and stats the files: what a warm index must still pay.  Timing is by the wall clock
around fork and wait4; memory is ru_maxrss of that child, forked by
bench/peak.c (not by python: see run_once).
"""
import os
import shutil
import statistics
import subprocess
import sys
import time

RUNS = 5
SEED = 1
SIZES = (1000, 20000)
HERE = os.path.dirname(os.path.abspath(__file__))
PEAK = "peak"   # set in main: bench/peak.c, built beside the floor


def run_once(argv, out, env):
    """Wall seconds and peak RSS (KiB) of one process writing to out.

    The command runs under bench/peak.c, which forks it from a small
    process: Linux keeps ru_maxrss across exec, so a child spawned
    straight from python would report python's memory as its own."""
    rss = os.path.join(os.path.dirname(out), "peak.rss")
    with open(out, "wb") as f:
        t0 = time.perf_counter()
        pid = os.posix_spawnp(PEAK, [PEAK, rss] + argv, env, file_actions=[
            (os.POSIX_SPAWN_DUP2, f.fileno(), 1),
            (os.POSIX_SPAWN_OPEN, 2, os.devnull, os.O_WRONLY, 0)])
        _, status, _ = os.wait4(pid, 0)
        wall = time.perf_counter() - t0
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit("bench: %s exited with %d" % (" ".join(argv),
                                                os.waitstatus_to_exitcode(status)))
    with open(rss) as f:
        return wall, int(f.read())


def size_of(path):
    if os.path.isdir(path):
        return sum(os.path.getsize(os.path.join(d, f))
                   for d, _, fs in os.walk(path) for f in fs)
    return os.path.getsize(path)


def measure(argv, work, before=None, after=None, out_path=None):
    """Median wall ms, peak RSS MiB, output bytes over RUNS runs."""
    env = dict(os.environ, LC_ALL="C.UTF-8", NO_COLOR="1")
    out = os.path.join(work, "out")
    walls, rss = [], 0
    for _ in range(RUNS):
        if before:
            before()
        wall, kib = run_once(argv, out, env)
        walls.append(wall)
        rss = max(rss, kib)
        nbytes = size_of(out_path or out)
        if after:
            after(out)
    return statistics.median(walls) * 1000, rss / 1024, nbytes


def store(work, n):
    root = os.path.join(work, "store-%d" % n)
    stamp = os.path.join(root, ".generated")
    if not os.path.exists(stamp):
        shutil.rmtree(root, ignore_errors=True)
        subprocess.run([sys.executable, os.path.join(HERE, "gen.py"), "-s",
                        str(SEED), str(n), root], check=True)
        open(stamp, "w").close()
    return root


def layout(root, which):
    with open(os.path.join(root, "series", "long.yaml"), "w") as f:
        f.write("title: 長期案件の記録\nlang: ja\nlayout: %s\n" % which)


def cases(dl, root, work):
    """(name, argv, before, after, output path) for one store."""
    index = os.path.join(root, ".index")
    tree = os.path.join(work, "tree")

    def no_index():
        if os.path.exists(index):
            os.unlink(index)

    def warm():
        subprocess.run([dl, "-C", root, "list", "--format", "tsv"],
                       stdout=subprocess.DEVNULL, check=True)

    def fresh_tree():
        shutil.rmtree(tree, ignore_errors=True)

    def drop_added(out):
        with open(out) as f:
            for eid in f.read().split():
                for d, _, fs in os.walk(os.path.join(root, "entries")):
                    if eid + ".yaml" in fs:
                        os.unlink(os.path.join(d, eid + ".yaml"))

    def window():
        layout(root, "window")
        fresh_tree()

    c = [dl, "-C", root]
    return [
        ("list tsv, no index", c + ["list", "--format", "tsv"], no_index, None, None),
        ("list table", c + ["list", "--format", "table"], warm, None, None),
        ("list tsv", c + ["list", "--format", "tsv"], warm, None, None),
        ("list --grep", c + ["list", "--format", "tsv", "--grep", "見積書"], warm, None, None),
        ("check", c + ["check"], None, None, None),
        ("export jsonl", c + ["export", "--format", "jsonl"], warm, None, None),
        ("series, no index", c + ["series", "--format", "tsv"], no_index, None, None),
        ("series", c + ["series", "--format", "tsv"], warm, None, None),
        ("show long:500, no index", c + ["show", "long:500"], no_index, None, None),
        ("show long:500", c + ["show", "long:500"], warm, None, None),
        ("render all, 1 doc", c + ["render", "long", "--width", "0"], None, None, None),
        ("render all, dir", c + ["render", "long", "-o", tree + "/"], fresh_tree,
         None, tree),
        ("render window, dir", c + ["render", "long", "-o", tree + "/"], window,
         lambda _: layout(root, "all"), tree),
        # The same over the files the run before left: replaced, not created.
        ("render window, dir kept", c + ["render", "long", "-o", tree + "/"],
         lambda: layout(root, "window"), lambda _: layout(root, "all"), tree),
        ("add -s long", c + ["add", "-s", "long", "-t", "bench", "text"], warm,
         drop_added, None),
    ]


def inputs(dl, work, big_store):
    """The inputs that could hold the store (bench/inputs.py): one run."""
    sys.path.insert(0, HERE)
    import inputs as cases_of_inputs
    res = {}
    for name, args, before, after, out_path in \
            cases_of_inputs.cases(dl, work, big_store):
        res[name] = measure(args, work, before, after, out_path)
    print("\ninputs that could hold the store (RUNS=%d, median)" % RUNS)
    for name, (ms, mib, nbytes) in res.items():
        print("%-24s %8.1f ms %6.1f MiB %10s" % (name, ms, mib, nbytes))


def main(argv):
    if len(argv) != 4:
        sys.exit("usage: bench.py DAILYLOG FLOOR WORKDIR")
    global PEAK
    dl, floor, work = (os.path.abspath(a) for a in argv[1:])
    PEAK = os.path.join(os.path.dirname(floor), "peak")
    os.makedirs(work, exist_ok=True)
    res = {}
    for n in SIZES:
        root = store(work, n)
        layout(root, "all")
        res[n] = {"floor (libyaml)": measure([floor, root], work),
                  "floor (walk+stat)": measure([floor, "-s", root], work)}
        files = sorted(os.path.join(d, f) for d, _, fs in
                       os.walk(os.path.join(root, "entries")) for f in fs)
        res[n]["cat"] = measure(["cat"] + files, work)
        for name, args, before, after, out_path in cases(dl, root, work):
            res[n][name] = measure(args, work, before, after, out_path)
        print("measured %d entries" % n, file=sys.stderr)
    small, big = SIZES
    fl = res[big]["floor (libyaml)"][0]
    head = ("command", "1k ms", "20k ms", "20k÷1k", "÷floor", "MiB", "out 1k", "out 20k")
    row = "%-24s %8s %8s %7s %7s %6s %9s %10s"
    print("RUNS=%d median wall time; MiB = peak RSS at 20k; "
          "÷floor = 20k ms / floor 20k ms" % RUNS)
    print(row % head)
    for name in res[big]:
        a, b = res[small][name], res[big][name]
        print(row % (name, "%.1f" % a[0], "%.1f" % b[0], "%.1f" % (b[0] / a[0]),
                     "%.2f" % (b[0] / fl), "%.1f" % b[1], a[2], b[2]))
    inputs(dl, work, store(work, big))


if __name__ == "__main__":
    main(sys.argv)
