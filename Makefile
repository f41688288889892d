# dailylog — see README.md.  `make deps demo`, then `make check`.

PREFIX	?= /usr/local
BINDIR	 = $(PREFIX)/bin
MANDIR	 = $(PREFIX)/share/man
# Where each shell looks on Debian: bash-completion's directory (it also
# searches $XDG_DATA_DIRS, /usr/local/share included); zsh's fpath has
# /usr/share/zsh/vendor-completions and /usr/local/share/zsh/site-functions;
# fish's vendor_completions.d under /usr/share, or under each directory of
# $XDG_DATA_DIRS when that is set.
BASHCOMPDIR = $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR  = $(if $(filter /usr,$(PREFIX)),$(PREFIX)/share/zsh/vendor-completions,$(PREFIX)/share/zsh/site-functions)
FISHCOMPDIR = $(PREFIX)/share/fish/vendor_completions.d
DESTDIR	?=

CC	?= cc
CFLAGS	?= -O2 -g
# Warnings are errors in the checks and in CI (WERROR=1), never in a
# user's plain `make`: a newer compiler must not break the build.  The
# flags are kept in build/flags, so a change of them rebuilds everything.
WERROR	?=
ifneq ($(filter check check-% fuzz fuzz-%,$(MAKECMDGOALS)),)
WERROR	 = 1
endif
WARN	 = -std=c11 -D_GNU_SOURCE -Wall -Wextra -Wpedantic \
	   -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wvla \
	   $(if $(WERROR),-Werror)
PKGS	 = yaml-0.1
DEPS_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
DEPS_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null || echo -lyaml) -lunistring
CHECK_CFLAGS := $(shell pkg-config --cflags check 2>/dev/null)
CHECK_LIBS   := $(shell pkg-config --libs check 2>/dev/null)

ASAN	 = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all

SRCS	 = $(sort $(wildcard src/*.c))
# The templates init installs are built in, from share/templates/.
TEMPLATES = $(sort $(wildcard share/templates/*.yaml))
GENSRCS	 = build/gen/shipped_templates.c
LIBSRCS	 = $(filter-out src/main.c,$(SRCS)) $(GENSRCS)
HDRS	 = $(wildcard src/*.h)
TESTSRCS = $(sort $(wildcard tests/test_*.c))
MANPAGES = $(sort $(wildcard man/*.1 man/*.5))

# build/obj/NAME.o for src/NAME.c and build/gen/NAME.c alike.
objs	 = $(patsubst build/gen/%.c,$(1)/%.o,$(LIBSRCS:src/%.c=$(1)/%.o))
OBJS	 = $(call objs,build/obj)
AOBJS	 = $(call objs,build/asan)
TESTS	 = $(TESTSRCS:tests/%.c=build/obj/%)
ATESTS	 = $(TESTSRCS:tests/%.c=build/asan/%)

DEBIAN_PACKAGES = build-essential pkg-config libyaml-dev check libsubunit-dev \
	libunistring-dev mandoc man-db texinfo info python3 clang cmark diffutils \
	bash-completion zsh fish cmark-gfm pandoc hugo strace git

.PHONY: FORCE all check check-unit check-e2e check-asan check-faults check-git lint install uninstall clean deps demo

all: dailylog

dailylog: build/obj/main.o $(OBJS)
	$(CC) $(CFLAGS) -o $@ build/obj/main.o $(OBJS) $(DEPS_LIBS) $(LDFLAGS)

build/flags: FORCE
	@mkdir -p build
	@echo '$(CC) $(CFLAGS) $(WARN)' | cmp -s - $@ || \
	    echo '$(CC) $(CFLAGS) $(WARN)' >$@

FORCE:

build/obj/%.o: src/%.c $(HDRS) build/flags
	@mkdir -p build/obj
	$(CC) $(CFLAGS) $(WARN) $(DEPS_CFLAGS) -c -o $@ $<

build/asan/%.o: src/%.c $(HDRS) build/flags
	@mkdir -p build/asan
	$(CC) -O1 -g $(ASAN) $(WARN) $(DEPS_CFLAGS) -c -o $@ $<

build/gen/shipped_templates.c: $(TEMPLATES) mk/templates.awk
	@mkdir -p build/gen
	awk -f mk/templates.awk $(TEMPLATES) >$@.tmp && mv $@.tmp $@

build/obj/%.o: build/gen/%.c $(HDRS) build/flags
	@mkdir -p build/obj
	$(CC) $(CFLAGS) $(WARN) -Isrc -c -o $@ $<

build/asan/%.o: build/gen/%.c $(HDRS) build/flags
	@mkdir -p build/asan
	$(CC) -O1 -g $(ASAN) $(WARN) -Isrc -c -o $@ $<

build/asan/dailylog: build/asan/main.o $(AOBJS)
	$(CC) -g $(ASAN) -o $@ build/asan/main.o $(AOBJS) $(DEPS_LIBS)

build/obj/test_%: tests/test_%.c tests/check_main.h $(OBJS) $(HDRS)
	$(CC) $(CFLAGS) $(WARN) -Isrc $(DEPS_CFLAGS) $(CHECK_CFLAGS) -o $@ $< $(OBJS) $(CHECK_LIBS) $(DEPS_LIBS)

build/asan/test_%: tests/test_%.c tests/check_main.h $(AOBJS) $(HDRS)
	$(CC) -O1 -g $(ASAN) $(WARN) -Isrc $(DEPS_CFLAGS) $(CHECK_CFLAGS) -o $@ $< $(AOBJS) $(CHECK_LIBS) $(DEPS_LIBS)

check: check-unit check-e2e

check-unit: $(TESTS)
	@fail=0; for t in $(TESTS); do echo "== $$t"; ./$$t || fail=1; done; exit $$fail

check-e2e: dailylog
	@DAILYLOG=$(CURDIR)/dailylog sh tests/e2e/run.sh

# The same suites under AddressSanitizer and UndefinedBehaviorSanitizer.
check-asan: build/asan/dailylog $(ATESTS)
	@set -e; for t in $(ATESTS); do echo "== $$t"; \
	    CK_DEFAULT_TIMEOUT=60 ASAN_OPTIONS=detect_leaks=1 ./$$t; done
	@DAILYLOG=$(CURDIR)/build/asan/dailylog ASAN_OPTIONS=detect_leaks=1 \
	    sh tests/e2e/run.sh

# Many writers, SIGKILL during add and import, a full disk, permissions,
# the lock, and the order of every writer's system calls (strace).
check-faults: dailylog
	@DAILYLOG=$(CURDIR)/dailylog sh tests/e2e/run.sh tests/faults

# A team at scale through git: ten clones, three hundred entries, syncs
# that race (tests/git/); a minute or so.
check-git: dailylog
	@DAILYLOG=$(CURDIR)/dailylog sh tests/e2e/run.sh tests/git

lint:
	mandoc -Tlint -Wwarning $(MANPAGES)

install: dailylog
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5
	install -m 755 dailylog $(DESTDIR)$(BINDIR)/dailylog
	install -m 644 man/*.1 $(DESTDIR)$(MANDIR)/man1/
	install -m 644 man/*.5 $(DESTDIR)$(MANDIR)/man5/
	install -d $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR) \
	    $(DESTDIR)$(FISHCOMPDIR)
	install -m 644 completion/dailylog.bash $(DESTDIR)$(BASHCOMPDIR)/dailylog
	install -m 644 completion/_dailylog $(DESTDIR)$(ZSHCOMPDIR)/_dailylog
	install -m 644 completion/dailylog.fish $(DESTDIR)$(FISHCOMPDIR)/dailylog.fish

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/dailylog
	for p in $(notdir $(wildcard man/*.1)); do rm -f $(DESTDIR)$(MANDIR)/man1/$$p; done
	for p in $(notdir $(wildcard man/*.5)); do rm -f $(DESTDIR)$(MANDIR)/man5/$$p; done
	rm -f $(DESTDIR)$(BASHCOMPDIR)/dailylog $(DESTDIR)$(ZSHCOMPDIR)/_dailylog \
	    $(DESTDIR)$(FISHCOMPDIR)/dailylog.fish

deps:
	@if [ "$$(id -u)" = 0 ]; then \
	    apt-get update && DEBIAN_FRONTEND=noninteractive \
	    apt-get install -y --no-install-recommends $(DEBIAN_PACKAGES); \
	else \
	    echo "run as root: apt-get update && apt-get install -y $(DEBIAN_PACKAGES)"; \
	fi

demo: dailylog
	@sh samples/demo.sh

clean:
	rm -rf build dailylog demo-out

# Fuzzing, benchmarks and screenshots live in their own files.
include mk/fuzz.mk
include mk/bench.mk
include mk/shots.mk
