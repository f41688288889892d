# Fuzzing with libFuzzer (clang).  `make fuzz` builds tests/fuzz/fuzz_*.c
# against the library sources under ASan and UBSan and runs each target
# for FUZZ_SECONDS; new inputs go to build/fuzz/corpus-TARGET, crashes to
# build/fuzz/TARGET-crash-*.  Included from the Makefile, which defines
# LIBSRCS, objs, HDRS, DEPS_CFLAGS, DEPS_LIBS and WARN.

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

.PHONY: fuzz fuzz-build
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
	    build/fuzz/$$t -max_total_time=$(FUZZ_SECONDS) -max_len=65536 \
	        -dict=tests/fuzz/yaml.dict -print_final_stats=1 \
	        -artifact_prefix=build/fuzz/$$t- \
	        build/fuzz/corpus-$$t $(FUZZ_SEEDS); \
	done
