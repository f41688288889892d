# import killed at random instants, by SIGKILL and by SIGINT: once the
# next dailylog command has run, the store holds none or all of the
# batch, never a part of it; SIGINT rolls back before exit and says so;
# and the store works and checks clean afterwards.  A hangup that was
# ignored when the import began stays ignored.
. "$(dirname "$0")/../e2e/lib.sh"

KILLS=${IMPORT_KILLS:-100}

# batch FILE N: N entries as JSON Lines, a third of them in a series
# without a part (numbered by the import), over several months.
batch() {
	python3 - "$1" "$2" <<-'PY'
	import json, sys
	with open(sys.argv[1], "w", encoding="utf-8") as f:
	    for i in range(int(sys.argv[2])):
	        e = {"date": "2026-%02d-%02d" % (1 + i % 12, 1 + i % 28),
	             "title": "一括取り込み %d 件目" % i,
	             "client": "取引先%d" % (i % 7),
	             "body": "取り込みの本文 %d。\n" % i * 12}
	        if i % 3 == 0:
	            e["series"] = "bulk"
	        f.write(json.dumps(e, ensure_ascii=False) + "\n")
	PY
}

# A store with entries of its own, one of them in the series the batch
# continues; a copy of it ($T/pristine) to start again from.
setup() {
	dl add -d 2026-01-05 -s bulk -t 既存の一 本文 >/dev/null &&
	    dl add -d 2026-02-06 -t 既存の二 本文 >/dev/null &&
	    dl add -d 2026-03-07 -t 既存の三 本文 >/dev/null ||
	    { fail "setup add"; return 1; }
	batch "$T/in.jsonl" 300
	cp -a "$S" "$T/pristine"
}

# kills SIGNAL: KILLS imports killed by SIGNAL at random instants, each
# followed by a dailylog command and a count of the store's entries.
kills() {
	python3 - "$DAILYLOG" "$S" "$T/pristine" "$T/in.jsonl" "$1" "$KILLS" \
	    <<-'PY'
	import os, random, shutil, signal, subprocess, sys, time
	dl, store, pristine, batch, sig, kills = sys.argv[1:7]
	sig, kills = getattr(signal, sig), int(kills)
	base, size = 3, 300
	random.seed(os.getpid())

	def count():
	    # The next command: list, which rolls back what was left.
	    r = subprocess.run([dl, "-C", store, "list", "--format", "tsv"],
	                       capture_output=True, text=True)
	    if r.returncode != 0:
	        sys.exit("list after the kill exited %d: %s" % (r.returncode, r.stderr))
	    return len(r.stdout.splitlines()), r.stderr

	def default_signals():
	    # An ignored signal stays ignored in dailylog (nohup(1) works):
	    # the kills must not depend on what this run was started with.
	    for s in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
	        signal.signal(s, signal.SIG_DFL)

	def files():
	    return sum(len([f for f in fs if f.endswith(".yaml")])
	               for _, _, fs in os.walk(os.path.join(store, "entries")))

	# How long an import takes here: kills land across all of it.
	t0 = time.perf_counter()
	subprocess.run([dl, "-C", store, "import", batch], check=True,
	               capture_output=True)
	span = time.perf_counter() - t0
	shutil.rmtree(store)
	shutil.copytree(pristine, store, symlinks=True)

	stats = {"none": 0, "all": 0, "mid-batch": 0, "rolled back at exit": 0}
	for k in range(kills):
	    p = subprocess.Popen([dl, "-C", store, "import", batch],
	                         stdout=subprocess.PIPE, stderr=subprocess.PIPE,
	                         preexec_fn=default_signals)
	    time.sleep(random.uniform(0, span * 1.5))
	    p.send_signal(sig)
	    out, err = p.communicate()
	    err = err.decode()
	    left = os.path.exists(os.path.join(store, ".import"))
	    name = signal.Signals(sig).name
	    if sig != signal.SIGKILL:
	        # Caught: rolled back before exit, said so, status 128 + N.
	        if p.returncode == 128 + sig:
	            if "interrupted by " + name not in err or \
	                    "nothing was imported" not in err:
	                sys.exit("%s: exit %d without saying so: %s" %
	                         (name, p.returncode, err))
	            if left or files() != base:
	                sys.exit("%s: exit %d but the batch is not rolled back "
	                         "(%d files, staging left: %s)" %
	                         (name, p.returncode, files(), left))
	            stats["rolled back at exit"] += 1
	            stats["mid-batch"] += 1
	        elif p.returncode not in (0, -sig):
	            sys.exit("%s: import exited %d: %s" % (name, p.returncode, err))
	    elif p.returncode not in (0, -signal.SIGKILL):
	        sys.exit("import exited %d: %s" % (p.returncode, err))
	    if left:
	        stats["mid-batch"] += 1
	    printed = len(out.split())
	    n, msg = count()
	    if n == base:
	        stats["none"] += 1
	        if printed:
	            sys.exit("import printed %d IDs, but none is in the store" % printed)
	    elif n == base + size:
	        stats["all"] += 1
	    else:
	        sys.exit("after kill %d: %d entries, not %d or %d; %s" %
	                 (k, n, base, base + size, msg))
	    if left and "an import was interrupted; rolled back" not in msg and n == base:
	        sys.exit("a batch was rolled back without a word: " + msg)
	    if os.path.exists(os.path.join(store, ".import")):
	        sys.exit("the staging directory is still there after list")
	    if n != files():
	        sys.exit("list shows %d entries but entries/ holds %d files" % (n, files()))
	    if n != base:
	        shutil.rmtree(store)
	        shutil.copytree(pristine, store, symlinks=True)
	print("%s: %d kills (import %.0f ms): %s" % (signal.Signals(sig).name, kills,
	      span * 1000, ", ".join("%s %d" % kv for kv in stats.items())),
	      file=sys.stderr)
	if stats["mid-batch"] < kills // 10:
	    sys.exit("only %d kills landed while the batch was written" % stats["mid-batch"])
	PY
}

# After all the kills: the store checks clean, and an import works.
after() {
	dl check >"$T/check.out" 2>"$T/check.err" ||
	    fail "check after the kills: $(head -5 "$T/check.err")"
	expect_no_grep "$T/check.err" "tmp-"
	dups=$(dl list --series bulk --format tsv | cut -f4 | sort | uniq -d)
	expect_eq "$dups" ""
	DAILYLOG_LOCK_TIMEOUT=2 expect_status 0 dl import "$T/in.jsonl"
	expect_eq "$(wc -l <"$T/out" | tr -d ' ')" 300
	expect_eq "$(count_entries)" 303
}

test_sigkill_during_import() {
	setup || return
	kills SIGKILL || fail "SIGKILL: see above"
	after
}

test_sigint_during_import() {
	setup || return
	kills SIGINT || fail "SIGINT: see above"
	after
}

# SIGTERM (a shutdown, kill(1)) and SIGHUP (the terminal gone) alike.
test_sigterm_sighup_during_import() {
	setup || return
	KILLS=$((KILLS / 4)) kills SIGTERM || fail "SIGTERM: see above"
	KILLS=$((KILLS / 4)) kills SIGHUP || fail "SIGHUP: see above"
	after
}

# Started with SIGHUP ignored (nohup(1)), an import goes on through any
# number of hangups: a signal that was ignored stays ignored.
test_ignored_sighup_stays_ignored() {
	setup || return
	python3 - "$DAILYLOG" "$S" "$T/in.jsonl" <<-'PY' || fail "see above"
	import signal, subprocess, sys, time
	dl, store, batch = sys.argv[1:4]
	ignore = lambda: signal.signal(signal.SIGHUP, signal.SIG_IGN)
	p = subprocess.Popen([dl, "-C", store, "import", batch],
	                     stdout=subprocess.PIPE, stderr=subprocess.PIPE,
	                     preexec_fn=ignore)
	sent = 0
	while p.poll() is None:
	    p.send_signal(signal.SIGHUP)
	    sent += 1
	    time.sleep(0.002)
	out, err = p.communicate()
	if p.returncode != 0 or len(out.split()) != 300:
	    sys.exit("after %d hangups: exit %d, %d IDs: %s" %
	             (sent, p.returncode, len(out.split()), err.decode()))
	PY
	expect_eq "$(count_entries)" 303
	dl check >/dev/null 2>"$T/check.err" || fail "check: $(cat "$T/check.err")"
}

run_tests
