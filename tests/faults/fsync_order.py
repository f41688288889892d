#!/usr/bin/env python3
"""Check the order of one dailylog process's file system calls.

usage: fsync_order.py LOG SCOPE...

LOG is `strace -f -y -qq -e trace=file,desc -o LOG dailylog ...` output;
the first process in it is dailylog (children, such as an editor, are not
dailylog's doing and are left out).  SCOPE are directories: the store, an
output directory, their parents.  Inside them, the rules of Pillai et al.
(OSDI 2014) that dailylog(5) promises:

1. A file is flushed (fsync of the file, or a syncfs after its last
   write) before it gets its name by link or rename.
2. After mkdir, rmdir, link, rename and unlink, the directory that
   changed is flushed (fsync of it, or a syncfs), or is itself removed
   and its parent flushed.
3. All of that happens before the process writes its result to stdout
   (the ID that add and import print): nothing is flushed after it.

The index (ROOT/.index) is a cache written without fsync by design, and
the files staged in ROOT/.import get their names before the one syncfs
that flushes them all (the journal is what makes them count): both are
left out of rule 1.  Exits 1 with the first broken rule, else prints a
summary of what it checked.
"""
import os
import re
import sys

LINE = re.compile(r'^(\d+) +(\w+)\((.*)\) += (-?\d+)')
RESUMED = re.compile(r'^(\d+) +<\.\.\. (\w+) resumed>(.*)$')
FD = re.compile(r'^(-?\d+|AT_FDCWD)<([^>]*)>$')


def split_args(s):
    """The top-level arguments of a syscall, strings unquoted."""
    args, cur, depth, quoted, i = [], "", 0, False, 0
    while i < len(s):
        c = s[i]
        if quoted:
            if c == "\\":
                cur += s[i:i + 2]
                i += 2
                continue
            if c == '"':
                quoted = False
            cur += c
        elif c == '"':
            quoted = True
            cur += c
        elif c in "[{(":
            depth += 1
            cur += c
        elif c in "]})":
            depth -= 1
            cur += c
        elif c == "," and depth == 0:
            args.append(cur.strip())
            cur = ""
        else:
            cur += c
        i += 1
    if cur.strip():
        args.append(cur.strip())
    return args


def unquote(a):
    if a.startswith('"'):
        a = a[1:a.rindex('"')]
    return a.encode("latin-1", "backslashreplace").decode("unicode_escape") \
        .encode("latin-1").decode("utf-8", "replace")


def fd_path(a):
    m = FD.match(a)
    return m.group(2) if m else None


def at(dirarg, name):
    """A path argument relative to a directory descriptor."""
    name = unquote(name)
    if name.startswith("/"):
        return os.path.normpath(name)
    base = fd_path(dirarg)
    return os.path.normpath(os.path.join(base, name))


def calls(log):
    """(index, syscall, args, result) of the first process, joined."""
    first, pending, out = None, {}, []
    for raw in open(log, encoding="utf-8", errors="replace"):
        raw = raw.rstrip("\n")
        pid = raw.split(" ", 1)[0]
        if first is None:
            first = pid
        if pid != first:
            continue
        if raw.endswith("<unfinished ...>"):
            pending[pid] = raw[:-len("<unfinished ...>")]
            continue
        m = RESUMED.match(raw)
        if m:
            raw = pending.pop(pid, "") + m.group(3)
        m = LINE.match(raw)
        if m:
            out.append((len(out), m.group(2), split_args(m.group(3)),
                        int(m.group(4))))
    return out


def is_index(p):
    """The index and its temporary file: a cache, never flushed."""
    return re.match(r"^\.+index(\.tmp-.*)?$", os.path.basename(p)) is not None


def is_staged(p):
    """A file staged for import (not the journal)."""
    b = os.path.basename(p)
    return os.path.basename(os.path.dirname(p)) == ".import" and \
        b != "journal" and not b.startswith(".journal.tmp-")


def main(argv):
    log, scopes = argv[1], [os.path.normpath(s) for s in argv[2:]]
    cwd = "AT_FDCWD<%s>" % os.getcwd()

    def inside(p):
        return any(p == s or p.startswith(s + "/") for s in scopes)

    written, flushed = {}, {}      # path -> index of last write / fsync
    syncfs = -1
    owed = []                      # (index, dir, what) awaiting a flush
    stdout_at = None
    checked = {"names": 0, "changes": 0}

    def flushed_after(d, i):
        return max(flushed.get(d, -1), syncfs) > i

    def paid():
        """What is owed that a flush after it has paid is paid."""
        owed[:] = [(j, d, w) for j, d, w in owed if not flushed_after(d, j)]

    def owe(i, path, what):
        d = os.path.dirname(path)
        if inside(d) and not is_index(path):
            owed.append((i, d, what))
            checked["changes"] += 1

    def removed_dir(p):
        # What a removed directory owed goes with it: its parent owes.
        owed[:] = [o for o in owed if o[1] != p]

    def named(i, old, new, how):
        if inside(new) and not is_index(new) and not is_staged(new):
            checked["names"] += 1
            if old in written and not flushed_after(old, written[old]):
                sys.exit("%s: rule 1: %s %s -> %s before it was flushed "
                         "(written at call %d)" % (log, how, old, new,
                                                   written[old]))
        for state in (written, flushed):
            if old in state:
                state[new] = state[old]
        owe(i, new, "%s to %s" % (how, new))
        if how.startswith("rename"):
            owe(i, old, "%s from %s" % (how, old))

    for i, sc, args, ret in calls(log):
        if ret < 0:
            continue
        if stdout_at is not None and sc in ("fsync", "fdatasync", "syncfs"):
            sys.exit("%s: rule 3: %s after the result was printed" % (log, sc))
        if sc in ("write", "pwrite64", "writev"):
            if args[0].startswith("1<"):
                paid()
                if owed:
                    j, d, w = owed[0]
                    sys.exit("%s: rule 3: the result printed while %s (call "
                             "%d) waits for a flush of %s" % (log, w, j, d))
                if stdout_at is None:
                    stdout_at = i
            elif fd_path(args[0]) is not None:
                written[fd_path(args[0])] = i
        elif sc in ("fsync", "fdatasync") and fd_path(args[0]) is not None:
            flushed[fd_path(args[0])] = i
        elif sc == "syncfs":
            syncfs = i
        elif sc in ("link", "rename"):
            named(i, at(cwd, args[0]), at(cwd, args[1]), sc)
        elif sc in ("linkat", "renameat", "renameat2"):
            named(i, at(args[0], args[1]), at(args[2], args[3]), sc)
        elif sc in ("unlink", "rmdir", "mkdir"):
            p = at(cwd, args[0])
            owe(i, p, "%s %s" % (sc, p))
            if sc == "rmdir":
                removed_dir(p)
        elif sc in ("unlinkat", "mkdirat"):
            p = at(args[0], args[1])
            owe(i, p, "%s %s" % (sc, p))
            if "AT_REMOVEDIR" in args[-1]:
                removed_dir(p)
    paid()
    if owed:
        j, d, w = owed[0]
        sys.exit("%s: rule 2: %s (call %d) and no flush of %s after it" %
                 (log, w, j, d))
    print("%s: %d files named after their flush, %d directory changes "
          "flushed%s" % (os.path.basename(log), checked["names"],
                         checked["changes"],
                         ", the result printed after the last flush"
                         if stdout_at is not None else ""))


if __name__ == "__main__":
    main(sys.argv)
