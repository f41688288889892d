# The benchmark (bench/): `make bench` builds dailylog and the floors
# (bench/floor.c: libyaml, walk+stat, mmap+stat, add's system calls),
# generates stores of 1,000 and 20,000 entries in build/bench (kept
# between runs; BENCH_BIG=1 adds 100,000) and prints the table of
# bench/bench.py: interleaved runs (BENCH_RUNS, default 5), medians,
# each figure beside its floor, the targets.  The binary is copied
# first, so a rebuild meanwhile cannot disturb it.

BENCH_DIR	= build/bench

.PHONY: bench

$(BENCH_DIR)/floor: bench/floor.c
	@mkdir -p $(BENCH_DIR)
	$(CC) $(CFLAGS) $(WARN) $(DEPS_CFLAGS) -o $@ bench/floor.c $(DEPS_LIBS)

$(BENCH_DIR)/peak: bench/peak.c
	@mkdir -p $(BENCH_DIR)
	$(CC) $(CFLAGS) $(WARN) -o $@ bench/peak.c

bench: dailylog $(BENCH_DIR)/floor $(BENCH_DIR)/peak
	cp dailylog $(BENCH_DIR)/dailylog
	python3 bench/bench.py $(BENCH_DIR)/dailylog $(BENCH_DIR)/floor \
	    $(BENCH_DIR)
