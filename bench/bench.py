#!/usr/bin/env python3
"""dailylog's benchmark: each command beside the floor it cannot go below.

usage: bench.py DAILYLOG FLOOR WORKDIR

Stores of 1,000 and 20,000 entries (and 100,000 with BENCH_BIG=1) are
generated once with gen.py and kept in WORKDIR.  Every case then runs
BENCH_RUNS times (default 5), each in a new process, interleaved: one run
of every case, then the next round, so that a noisy machine slows all of
them alike and the ratios hold.  The table gives the median wall time at
each size, the growth from size to size, the ratio to the case's floor at
the largest size, the target where the issue sets one, and the peak
resident memory at the largest size.

The floors are small C programs (bench/floor.c): libyaml's event parser
over every file; the walk with an fstatat(2) of every file; the same with
the index mapped and read; and the system calls of add.  As root, the
first listing of the day is also measured with a cold page cache
(/proc/sys/vm/drop_caches) beside the walk with a cold cache.

Timing is by the wall clock around fork and wait4 of the command, and
memory is ru_maxrss of that child, both taken by bench/peak.c, which
forks it (not python: see run_once).
"""
import os
import shutil
import statistics
import subprocess
import sys
import time

RUNS = int(os.environ.get("BENCH_RUNS", "5"))
SEED = 1
SIZES = (1000, 20000) + ((100000,) if os.environ.get("BENCH_BIG") == "1"
                         else ())
HERE = os.path.dirname(os.path.abspath(__file__))
PEAK = "peak"   # set in main: bench/peak.c, built beside the floor
# The racy window of the index: files younger than this are re-read.
RACY_SECONDS = 2.1


def run_once(argv, out, env):
    """Wall seconds and peak RSS (KiB) of one process writing to out.

    The command runs under bench/peak.c, which forks it from a small
    process: Linux keeps ru_maxrss across exec, so a child spawned
    straight from python would report python's memory as its own.  It
    also times the command from its fork to its wait4, so that python's
    spawn of the wrapper and the wrapper's exec (~1.5 ms) are not
    counted."""
    rss = os.path.join(os.path.dirname(out), "peak.rss")
    with open(out, "wb") as f:
        pid = os.posix_spawnp(PEAK, [PEAK, rss] + argv, env, file_actions=[
            (os.POSIX_SPAWN_DUP2, f.fileno(), 1),
            (os.POSIX_SPAWN_OPEN, 2, os.devnull, os.O_WRONLY, 0)])
        _, status, _ = os.wait4(pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit("bench: %s exited with %d" % (" ".join(argv),
                                                os.waitstatus_to_exitcode(status)))
    with open(rss) as f:
        kib, ns = f.read().split()
    return int(ns) / 1e9, int(kib)


def size_of(path):
    if os.path.isdir(path):
        return sum(os.path.getsize(os.path.join(d, f))
                   for d, _, fs in os.walk(path) for f in fs)
    return os.path.getsize(path)


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


def can_drop_caches():
    try:
        with open("/proc/sys/vm/drop_caches", "w") as f:
            f.write("3\n")
        return True
    except OSError:
        return False


def drop_caches():
    os.sync()
    with open("/proc/sys/vm/drop_caches", "w") as f:
        f.write("3\n")


class Case:
    """A command with what runs before and after it (not timed)."""

    def __init__(self, name, argv, before=None, after=None, out_path=None,
                 floor=None, target=None, env=None):
        self.name, self.argv = name, argv
        self.before, self.after, self.out_path = before, after, out_path
        self.floor = floor      # the name of the floor case
        self.target = target    # ("ratio", x) or ("ms", x, at size)
        self.env = env or {}


def cases(dl, floor, root, work, cold):
    index = os.path.join(root, ".index")
    tree = os.path.join(work, "tree")
    c = [dl, "-C", root]

    def no_index():
        if os.path.exists(index):
            os.unlink(index)

    def warm():
        subprocess.run(c + ["list", "--format", "tsv"],
                       stdout=subprocess.DEVNULL, check=True)

    def cold_warm():
        warm()
        drop_caches()

    def fresh_tree():
        shutil.rmtree(tree, ignore_errors=True)

    def drop_added(out):
        with open(out) as f:
            for eid in f.read().split():
                path = os.path.join(root, "entries", eid[:4], eid[4:6],
                                    eid + ".yaml")
                if os.path.exists(path):
                    os.unlink(path)

    def window():
        layout(root, "window")
        fresh_tree()

    # An entry of the long series and a unique prefix of its ID.
    warm()
    rows = subprocess.run(c + ["list", "--format", "tsv", "--series", "long"],
                          stdout=subprocess.PIPE, check=True,
                          text=True).stdout.splitlines()
    eid = rows[len(rows) // 2].split("\t")[0]
    ids = subprocess.run(c + ["list", "--format", "tsv"], stdout=subprocess.PIPE,
                         check=True, text=True).stdout.split("\n")
    ids = [r.split("\t")[0] for r in ids if r]
    plen = 11
    while sum(1 for i in ids if i.startswith(eid[:plen])) > 1:
        plen += 1
    prefix = eid[:plen]
    mid = "long:%d" % (len(rows) // 2)
    ratio = lambda x: ("ratio", x)
    ms = lambda x, at: ("ms", x, at)
    out = [
        Case("floor libyaml", [floor, root]),
        Case("floor walk+stat", [floor, "-s", root]),
        Case("floor mmap+stat", [floor, "-m", root], warm),
        Case("floor add", [floor, "-a", root]),
        Case("list tsv", c + ["list", "--format", "tsv"], warm,
             floor="floor libyaml", target=ratio(0.10)),
        Case("list table", c + ["list", "--format", "table"], warm,
             floor="floor mmap+stat"),
        Case("list tsv, no index", c + ["list", "--format", "tsv"], no_index,
             floor="floor libyaml"),
        Case("list --grep", c + ["list", "--format", "tsv", "--grep", "見積書"],
             warm, floor="floor libyaml"),
        Case("check", c + ["check"], warm, floor="floor libyaml",
             target=ratio(1.20)),
        Case("export jsonl", c + ["export", "--format", "jsonl"], warm,
             floor="floor libyaml", target=ratio(1.20)),
        Case("series", c + ["series", "--format", "tsv"], warm,
             floor="floor mmap+stat"),
        Case("series, no index", c + ["series", "--format", "tsv"], no_index,
             floor="floor libyaml"),
        Case("show ID", c + ["show", eid], warm, target=ms(10, 100000)),
        Case("show ID prefix", c + ["show", prefix], warm,
             target=ms(10, 100000)),
        Case("edit ID, unchanged", c + ["edit", eid], warm,
             target=ms(10, 100000), env={"EDITOR": "true"}),
        Case("show long:half", c + ["show", mid], warm, target=ms(5, 100000)),
        Case("show long:half, no index", c + ["show", mid], no_index,
             floor="floor libyaml"),
        Case("render all, 1 doc", c + ["render", "long", "--width", "0"]),
        Case("render all, dir", c + ["render", "long", "-o", tree + "/"],
             fresh_tree, None, tree),
        Case("render window, dir", c + ["render", "long", "-o", tree + "/"],
             window, lambda _: layout(root, "all"), tree),
        # The same over the files the run before left: replaced, not created.
        Case("render window, dir kept", c + ["render", "long", "-o", tree + "/"],
             lambda: layout(root, "window"), lambda _: layout(root, "all"),
             tree),
        Case("add -s long", c + ["add", "-s", "long", "-t", "bench", "text"],
             warm, drop_added, floor="floor add", target=ms(10, 20000)),
        Case("add", c + ["add", "-t", "bench", "text"], warm, drop_added,
             floor="floor add"),
    ]
    cold_cases = []
    if cold:
        cold_cases = [
            Case("cold floor walk+stat", [floor, "-s", root], drop_caches),
            Case("cold list tsv", c + ["list", "--format", "tsv"], cold_warm,
                 floor="cold floor walk+stat", target=ratio(2.0)),
        ]
    return out, cold_cases


def measure_size(dl, floor, work, n, cold):
    """Every case of the store of n entries, interleaved: name -> result."""
    root = store(work, n)
    layout(root, "all")
    # Files younger than the index's racy window would be re-read.
    age = time.time() - max(os.stat(d).st_mtime for d, _, _ in
                            os.walk(os.path.join(root, "entries")))
    if age < RACY_SECONDS:
        time.sleep(RACY_SECONDS - age)
    base = dict(os.environ, LC_ALL="C.UTF-8", NO_COLOR="1")
    out = os.path.join(work, "out")
    # Every file in the page cache first (the cold cases come last).
    subprocess.run([floor, root], stdout=subprocess.DEVNULL, check=True)
    warm_cases, cold_cases = cases(dl, floor, root, work, cold)
    cs = warm_cases + cold_cases
    walls = {k.name: [] for k in cs}
    rss = {k.name: 0 for k in cs}
    nbytes = {}
    for group in (warm_cases, cold_cases):
        for _ in range(RUNS):
            for k in group:
                if k.before:
                    k.before()
                wall, kib = run_once(k.argv, out, dict(base, **k.env))
                walls[k.name].append(wall * 1000)
                rss[k.name] = max(rss[k.name], kib)
                nbytes[k.name] = size_of(k.out_path or out)
                if k.after:
                    k.after(out)
    print("measured %d entries" % n, file=sys.stderr)
    return cs, {k.name: (statistics.median(walls[k.name]), rss[k.name] / 1024,
                         nbytes[k.name]) for k in cs}


def measure(argv, work, before=None, after=None, out_path=None):
    """One case RUNS times in a row: median wall ms, peak MiB, bytes out."""
    base = dict(os.environ, LC_ALL="C.UTF-8", NO_COLOR="1")
    out = os.path.join(work, "out")
    walls, rss, nbytes = [], 0, 0
    for _ in range(RUNS):
        if before:
            before()
        wall, kib = run_once(argv, out, base)
        walls.append(wall * 1000)
        rss = max(rss, kib)
        nbytes = size_of(out_path or out)
        if after:
            after(out)
    return statistics.median(walls), rss / 1024, nbytes


def inputs(dl, work, big_store):
    """The inputs that could hold the store (bench/inputs.py): one run."""
    sys.path.insert(0, HERE)
    import inputs as cases_of_inputs
    res = {}
    for name, args, before, after, out_path in \
            cases_of_inputs.cases(dl, work, big_store):
        res[name] = measure(args, work, before, after, out_path)
    print("\ninputs that could hold the store (BENCH_RUNS=%d, median)" % RUNS)
    for name, (ms, mib, nbytes) in res.items():
        print("%-24s %8.1f ms %6.1f MiB %10s" % (name, ms, mib, nbytes))


def verdict(case, res, sizes):
    """The target and whether it holds, as two columns."""
    if case.target is None:
        return "", ""
    if case.target[0] == "ratio":
        big = sizes[-1]
        # The ratio targets are set at 20k; they must hold above it too.
        at = [s for s in sizes if s >= 20000] or [big]
        r = [res[s][case.name][0] / res[s][case.floor][0] for s in at]
        return "<=%.2fx" % case.target[1], ("met" if max(r) <= case.target[1]
                                            else "MISSED")
    _, limit, at = case.target
    # At that size and above; else at the largest there is, said so.
    at_sizes = [s for s in sizes if s >= at] or [sizes[-1]]
    got = max(res[s][case.name][0] for s in at_sizes)
    note = "" if at_sizes[0] >= at else " (at %dk)" % (at_sizes[0] // 1000)
    return ("<=%dms@%dk+" % (limit, at // 1000),
            ("met" if got <= limit else "MISSED") + note)


def main(argv):
    if len(argv) != 4:
        sys.exit("usage: bench.py DAILYLOG FLOOR WORKDIR")
    global PEAK
    dl, floor, work = (os.path.abspath(a) for a in argv[1:])
    PEAK = os.path.join(os.path.dirname(floor), "peak")
    os.makedirs(work, exist_ok=True)
    cold = can_drop_caches()
    res, cs = {}, None
    for n in SIZES:
        cs, res[n] = measure_size(dl, floor, work, n, cold)
    sizes = SIZES
    big = sizes[-1]
    label = lambda n: "%dk" % (n // 1000)
    head = (["command"] + ["%s ms" % label(n) for n in sizes] +
            ["%s/%s" % (label(b), label(a)) for a, b in zip(sizes, sizes[1:])] +
            ["floor", "÷floor", "target", "", "MiB"])
    print("BENCH_RUNS=%d, interleaved; median wall ms; growth between sizes; "
          "÷floor and MiB (peak RSS) at %s%s" % (RUNS, label(big),
          "" if cold else "; no cold-cache cases (not root)"))
    rows = []
    for k in cs:
        r = [k.name]
        r += ["%.1f" % res[n][k.name][0] for n in sizes]
        r += ["%.1f" % (res[b][k.name][0] / res[a][k.name][0])
              for a, b in zip(sizes, sizes[1:])]
        if k.floor:
            r += [k.floor.replace("floor ", ""), "%.2f" % (
                res[big][k.name][0] / res[big][k.floor][0])]
        else:
            r += ["", ""]
        r += list(verdict(k, res, sizes))
        r += ["%.1f" % res[big][k.name][1]]
        rows.append(r)
    widths = [max(len(x) for x in col) for col in zip(head, *rows)]
    for r in [head] + rows:
        print("  ".join(x.ljust(w) if i == 0 else x.rjust(w)
                        for i, (x, w) in enumerate(zip(r, widths))).rstrip())
    mem = [k.name for k in cs if k.name.split(" ")[0] in ("list", "export")
           and res[big][k.name][1] >= 64]
    print("peak memory of list and export under 64 MiB: %s" %
          ("met" if not mem else "MISSED (%s)" % ", ".join(mem)))
    inputs(dl, work, store(work, 20000))


if __name__ == "__main__":
    main(sys.argv)
