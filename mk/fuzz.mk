# Fuzzing with libFuzzer (clang).  `make fuzz` builds tests/fuzz/fuzz_*.c
# against the library sources under ASan and UBSan and runs each target
# for FUZZ_SECONDS, starting from the seeds and the kept corpus; new
# inputs go to build/fuzz/corpus-TARGET, crashes to
# build/fuzz/TARGET-crash-*.  `make fuzz-replay` runs every kept input
# once and mutates nothing: the same inputs on every run, so CI says the
# same of the same code (a random search is for `make fuzz`; what it
# finds is fixed, and the input kept in tests/fuzz/seed).
# `make fuzz-keep` merges build/fuzz/corpus-TARGET into the kept corpus
# tests/fuzz/corpus/TARGET, only the inputs that add coverage.
# Included from the Makefile, which defines LIBSRCS, objs, HDRS,
# DEPS_CFLAGS, DEPS_LIBS and WARN.

FUZZ_CC		?= clang
FUZZ_SECONDS	?= 60
FUZZ_SAN	 = address,undefined -fno-sanitize-recover=all \
		   -fno-omit-frame-pointer
FUZZ_TARGETS	 = $(basename $(notdir $(wildcard tests/fuzz/fuzz_*.c)))
FUZZ_OBJS	 = $(call objs,build/fuzz)
FUZZ_BINS	 = $(FUZZ_TARGETS:%=build/fuzz/%)
# Seeds: the hostile corpus, the fixtures, the sample store, good entries.
FUZZ_SEEDS	 = tests/fuzz/seed tests/hostile \
		   $(wildcard tests/fixtures tests/data/import samples/store/entries)
FUZZ_FLAGS	 = -max_len=65536 -dict=tests/fuzz/yaml.dict

.PHONY: fuzz fuzz-build fuzz-replay fuzz-keep
.SECONDARY: $(FUZZ_OBJS)

fuzz-build: $(FUZZ_BINS)

# The library is instrumented for coverage; only the targets get main().
build/fuzz/%.o: src/%.c $(HDRS)
	@mkdir -p build/fuzz
	$(FUZZ_CC) -g -O1 -fsanitize=fuzzer-no-link,$(FUZZ_SAN) $(WARN) \
	    $(DEPS_CFLAGS) -c -o $@ $<

build/fuzz/%.o: build/gen/%.c $(HDRS)
	@mkdir -p build/fuzz
	$(FUZZ_CC) -g -O1 -fsanitize=fuzzer-no-link,$(FUZZ_SAN) $(WARN) \
	    -Isrc -c -o $@ $<

build/fuzz/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_OBJS) $(HDRS)
	$(FUZZ_CC) -g -O1 -fsanitize=fuzzer,$(FUZZ_SAN) $(WARN) -Isrc \
	    $(DEPS_CFLAGS) -o $@ $< $(FUZZ_OBJS) $(DEPS_LIBS)

fuzz: $(FUZZ_BINS)
	@set -e; for t in $(FUZZ_TARGETS); do \
	    echo "== $$t for $(FUZZ_SECONDS) s"; \
	    mkdir -p build/fuzz/corpus-$$t; \
	    build/fuzz/$$t -max_total_time=$(FUZZ_SECONDS) $(FUZZ_FLAGS) \
	        -print_final_stats=1 -artifact_prefix=build/fuzz/$$t- \
	        build/fuzz/corpus-$$t tests/fuzz/corpus/$$t \
	        $(FUZZ_SEEDS); \
	done

fuzz-replay: $(FUZZ_BINS)
	@set -e; for t in $(FUZZ_TARGETS); do \
	    echo "== $$t: the kept corpus and the seeds, once each"; \
	    build/fuzz/$$t -runs=0 $(FUZZ_FLAGS) \
	        -artifact_prefix=build/fuzz/$$t- \
	        tests/fuzz/corpus/$$t $(FUZZ_SEEDS); \
	done

fuzz-keep: $(FUZZ_BINS)
	@set -e; for t in $(FUZZ_TARGETS); do \
	    mkdir -p tests/fuzz/corpus/$$t; \
	    build/fuzz/$$t -merge=1 $(FUZZ_FLAGS) tests/fuzz/corpus/$$t \
	        build/fuzz/corpus-$$t; \
	done
