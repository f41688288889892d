"""Inputs that could hold the store (issue 10, item 8), for bench.py.

One entry of 1 MiB with 96,330 x- keys, added, checked and rendered in a
store of its own; and a 50-entry import into the 20,000-entry store,
whose time is how long it holds the lock, then the same import again
(every entry skipped).  Each must grow linearly: the 1 MiB entry took
31 s to add and 67 s to render before the keys were hashed.
"""
import json
import os
import shutil
import subprocess

KEYS = 96330
DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


def key(i):
    s = ""
    for _ in range(4):
        s, i = DIGITS[i % 36] + s, i // 36
    return s


def many_keys(path):
    """The entry: ten bytes a key, 0.9 MiB in all."""
    with open(path, "w", encoding="utf-8") as f:
        f.write("date: 2026-11-07\ntitle: 鍵の多い日報\nseries: keys\n")
        for i in range(KEYS):
            f.write("x-%s: %d\n" % (key(i), i % 10))


def batch(path, n=50):
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            e = {"date": "2026-11-%02d" % (1 + i % 28),
                 "title": "取り込み %d 件目" % i,
                 "body": "ベンチマークの本文 %d。\n" % i * 8}
            if i % 3 == 0:
                e["series"] = "long"
            f.write(json.dumps(e, ensure_ascii=False) + "\n")


def cases(dl, work, big_store):
    """(name, argv, before, after, output path), as bench.cases."""
    root = os.path.join(work, "store-keys")
    entry = os.path.join(work, "keys.yaml")
    imp = os.path.join(work, "import-50.jsonl")
    many_keys(entry)
    batch(imp)

    def fresh():
        shutil.rmtree(root, ignore_errors=True)
        subprocess.run([dl, "init", root], check=True,
                       stderr=subprocess.DEVNULL)

    def with_entry():
        fresh()
        subprocess.run([dl, "-C", root, "add", "-F", entry], check=True,
                       stdout=subprocess.DEVNULL)

    def remove(ids):
        for d, _, fs in os.walk(os.path.join(big_store, "entries")):
            for eid in ids:
                if eid + ".yaml" in fs:
                    os.unlink(os.path.join(d, eid + ".yaml"))

    def drop_added(out):
        with open(out) as f:
            remove(f.read().split())

    first = []

    def imported():
        first[:] = subprocess.run([dl, "-C", big_store, "import", imp],
                                  check=True, capture_output=True,
                                  text=True).stdout.split()

    def undo_import(_):
        remove(first)

    c = [dl, "-C", root]
    return [
        ("add -F, 96k x- keys", c + ["add", "-F", entry], fresh, None, None),
        ("check, 96k x- keys", c + ["check"], with_entry, None, None),
        ("render, 96k x- keys", c + ["render", "keys", "--width", "0"],
         with_entry, None, None),
        ("export json, 96k keys", c + ["export", "--format", "json"],
         with_entry, None, None),
        ("import 50 into 20k", [dl, "-C", big_store, "import", imp], None,
         drop_added, None),
        ("import 50 again", [dl, "-C", big_store, "import", imp], imported,
         undo_import, None),
    ]
