# cxtop — GNU make.  `make run` and `make check` are all a new machine needs:
# both install the Debian packages they are missing first (see `deps`).

VERSION   = 0.1.0
PREFIX   ?= /usr/local
BINDIR   ?= $(PREFIX)/bin
DATADIR  ?= $(PREFIX)/share/cxtop
MANPREFIX ?= $(PREFIX)/share/man
DESTDIR  ?=

CC       ?= cc
PKG_CONFIG ?= pkg-config
CFLAGS   ?= -O2 -g
# CI builds with WERROR=-Werror; a user's build does not stop on a new
# compiler's new warning.
WERROR   ?= $(if $(CI),-Werror,)
# -Wno-format-truncation: cxtop cuts strings to a screen's or a field's width
# on purpose, with snprintf, everywhere.
WARN      = -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
            -Wformat=2 -Wvla -Wno-unused-parameter -Wno-format-truncation $(WERROR)
CPPFLAGS += -Iinclude -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE \
            -DCX_VERSION='"$(VERSION)"' -DCX_DATADIR='"$(DATADIR)"'
LIBS_PKG  = ncursesw sqlite3 yaml-0.1 jansson
# Recursive (=) on purpose: expanded only when a recipe runs, which is after
# `deps` has had its chance to install pkg-config and the -dev packages.
# ncursesw.pc adds its own feature macros; ours (above) are the ones used.
PKG_CFLAGS = $(filter-out -D_XOPEN_SOURCE% -D_DEFAULT_SOURCE,$(shell $(PKG_CONFIG) --cflags $(LIBS_PKG)))
PKG_LIBS   = $(shell $(PKG_CONFIG) --libs $(LIBS_PKG)) -lm
CMOCKA_CFLAGS = $(shell $(PKG_CONFIG) --cflags cmocka)
CMOCKA_LIBS   = $(shell $(PKG_CONFIG) --libs cmocka)
SAN       = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined

ALL_CFLAGS = -std=c11 $(WARN) $(CPPFLAGS) $(PKG_CFLAGS) $(CFLAGS)

# Library sources: every layer but the entry point.  main.c stays tiny.
LIB_SRC  = $(sort $(wildcard src/base/*.c src/store/*.c src/model/*.c src/report/*.c src/tui/*.c src/config/*.c src/import/*.c src/cli/*.c))
LIB_SRC := $(filter-out src/cli/main.c,$(LIB_SRC))
MAIN_SRC = src/cli/main.c
GEN_SRC  = $(wildcard src/store/sample/*.c)
UNIT_SRC = $(wildcard tests/unit/test_*.c)

OBJ      = $(LIB_SRC:%.c=build/obj/%.o)
SAN_OBJ  = $(LIB_SRC:%.c=build/san/%.o)
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=build/san/tests/%)

.PHONY: all run demo check deps deps-check install uninstall clean sample lint-man bench fuzz
.DEFAULT_GOAL := all

all: cxtop

cxtop: build/libcxtop.a build/obj/$(MAIN_SRC:.c=.o)
	$(CC) $(CFLAGS) -o $@ build/obj/$(MAIN_SRC:.c=.o) build/libcxtop.a $(PKG_LIBS)

# The shared theme directory is compiled in: rebuild what uses it when
# PREFIX or DATADIR changes (e.g. `make install PREFIX=/usr` after `make`).
build/datadir.stamp: FORCE
	@mkdir -p build
	@echo '$(DATADIR)' | cmp -s - $@ || echo '$(DATADIR)' > $@
build/obj/src/config/datafile.o build/obj/src/config/scoring.o build/obj/src/tui/app.o build/obj/src/cli/cmd_import.o \
build/san/src/config/datafile.o build/san/src/config/scoring.o build/san/src/tui/app.o build/san/src/cli/cmd_import.o: build/datadir.stamp
.PHONY: FORCE
FORCE:

build/libcxtop.a: $(OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

build/obj/%.o: %.c $(wildcard include/cxtop/*.h) $(wildcard src/*/*.h)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# The sanitizer build used by every test: ASan + UBSan, no optimisation
# surprises.
build/san/%.o: %.c $(wildcard include/cxtop/*.h) $(wildcard src/*/*.h)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -O1 $(SAN) -c -o $@ $<

build/san/libcxtop.a: $(SAN_OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

build/san/cxtop: build/san/libcxtop.a build/san/$(MAIN_SRC:.c=.o)
	$(CC) $(SAN) -o $@ build/san/$(MAIN_SRC:.c=.o) build/san/libcxtop.a $(PKG_LIBS)

build/san/tests/%: tests/unit/%.c tests/unit/testutil.h build/san/libcxtop.a
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(CMOCKA_CFLAGS) -Isrc -O1 $(SAN) -o $@ $< build/san/libcxtop.a $(CMOCKA_LIBS) $(PKG_LIBS)

# --- the sample store -------------------------------------------------------
# sample.db is committed; `make sample` rebuilds it from src/store/sample/.
# The generator is deterministic, and a test checks the committed file is
# what it produces.
build/mksample: $(GEN_SRC) $(wildcard src/store/sample/*.h) build/libcxtop.a
	$(CC) $(ALL_CFLAGS) -Isrc -o $@ $(GEN_SRC) build/libcxtop.a $(PKG_LIBS)

sample: build/mksample
	rm -f sample.db.new
	./build/mksample sample.db.new src/store/sample/schedules.yaml
	mv sample.db.new sample.db

# --- the benchmark: timings at 1,000,000 tickets (not part of check) --------
build/mkscale: tests/bench/mkscale.c build/libcxtop.a
	$(CC) $(ALL_CFLAGS) -Isrc -o $@ $< build/libcxtop.a $(PKG_LIBS)
build/bench: tests/bench/bench.c build/libcxtop.a
	$(CC) $(ALL_CFLAGS) -Isrc -o $@ $< build/libcxtop.a $(PKG_LIBS)

bench: deps
	@sh tests/ensure-packages.sh cmd:sqlite3:sqlite3 cmd:/usr/bin/time:time
	@$(MAKE) --no-print-directory cxtop build/mkscale build/bench
	@sh tests/bench/run.sh

# --- fuzzing: every reader of outside bytes under libFuzzer -----------------
# The CSV reader, JSON pages, mapping, theme, config, scoring and schedules
# files, and the strict parsers (with parse(format(x)) == x).  make check
# runs each for a few seconds (tests/cli/test_fuzz.sh); `make fuzz
# FUZZ_TIME=600` runs each for ten minutes.  Corpora are copied, never grown
# in place.
FUZZ_CC     = clang
FUZZ_CFLAGS = -g -O1 -std=c11 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
              -Iinclude -Isrc -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE
FUZZ_BASE   = src/base/error.c src/base/xalloc.c src/base/format.c src/base/file.c
FUZZ_TIME  ?= 600
build/fuzz/fuzz_csv: tests/fuzz/fuzz_csv.c src/import/csv.c $(FUZZ_BASE) include/cxtop/csv.h
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -o $@ tests/fuzz/fuzz_csv.c src/import/csv.c $(FUZZ_BASE)
build/fuzz/fuzz_mapping: tests/fuzz/fuzz_mapping.c src/config/mapping.c src/config/yaml_tree.c $(FUZZ_BASE) include/cxtop/mapping.h
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -o $@ tests/fuzz/fuzz_mapping.c src/config/mapping.c src/config/yaml_tree.c $(FUZZ_BASE) \
		$(shell $(PKG_CONFIG) --libs yaml-0.1)
FUZZ_YAML   = src/config/yaml_tree.c $(FUZZ_BASE) src/base/parse.c
build/fuzz/fuzz_theme: tests/fuzz/fuzz_theme.c src/config/theme.c src/config/color.c $(FUZZ_YAML) include/cxtop/theme.h
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -o $@ $(filter %.c,$^) $(shell $(PKG_CONFIG) --libs yaml-0.1)
build/fuzz/fuzz_config: tests/fuzz/fuzz_config.c src/config/config.c $(FUZZ_YAML) include/cxtop/config.h
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -o $@ $(filter %.c,$^) $(shell $(PKG_CONFIG) --libs yaml-0.1)
build/fuzz/fuzz_scoring: tests/fuzz/fuzz_scoring.c src/config/scoring.c src/config/config.c src/config/files.c \
		$(FUZZ_YAML) include/cxtop/scoring.h
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -DCX_DATADIR='"$(DATADIR)"' -o $@ $(filter %.c,$^) $(shell $(PKG_CONFIG) --libs yaml-0.1)
build/fuzz/fuzz_schedules: tests/fuzz/fuzz_schedules.c src/config/schedules.c src/base/period.c src/base/zone.c \
		src/model/sla.c src/model/business_time.c src/model/schedule_set.c $(FUZZ_YAML) include/cxtop/schedules.h
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -o $@ $(filter %.c,$^) $(shell $(PKG_CONFIG) --libs yaml-0.1)
build/fuzz/fuzz_parse: tests/fuzz/fuzz_parse.c src/base/parse.c src/base/period.c $(FUZZ_BASE) include/cxtop/parse.h
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -o $@ $(filter %.c,$^)
build/fuzz/fuzz_json: tests/fuzz/fuzz_json.c src/import/json.c src/import/csv.c src/config/mapping.c $(FUZZ_YAML) \
		src/import/import_internal.h
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -o $@ $(filter %.c,$^) $(shell $(PKG_CONFIG) --libs yaml-0.1 jansson)
FUZZ_BIN = $(addprefix build/fuzz/fuzz_,csv mapping json theme config scoring schedules parse)
$(FUZZ_BIN): tests/fuzz/fuzz.h

fuzz: deps deps-check $(FUZZ_BIN)
	@FUZZ_TIME=$(FUZZ_TIME) sh tests/fuzz/run.sh

# --- the two commands a new machine needs -----------------------------------
# A working copy of the sample, so that edits in the UI never touch the
# committed file.
build/run.db: | sample.db
	@mkdir -p build
	cp sample.db $@

# make run DB=build/demo.db opens another store (make demo builds that one).
run: deps
	@$(MAKE) --no-print-directory all
	@$(if $(DB),$(if $(filter build/demo.db,$(DB)),$(MAKE) --no-print-directory build/demo.db),$(MAKE) --no-print-directory build/run.db)
	./cxtop $(or $(DB),build/run.db)

# The demo store: another company, built only through cxtop import from
# the vendors' exports in tests/data and demo/*.csv (demo/build.sh).
demo: deps
	@$(MAKE) --no-print-directory all build/demo.db
build/demo.db: cxtop demo/build.sh $(wildcard demo/*.csv) $(wildcard presets/*.yaml) \
		tests/data/zendesk-tickets.ndjson tests/data/zendesk-users.json tests/data/payments-tickets.csv \
		tests/data/shopify-orders.csv tests/data/stripe-payments.csv
	@mkdir -p build
	TZ=UTC sh demo/build.sh ./cxtop $@.new >/dev/null
	mv $@.new $@

check: deps deps-check
	@$(MAKE) --no-print-directory cxtop build/san/cxtop build/mksample $(UNIT_BIN) $(FUZZ_BIN)
	@sh tests/run.sh

# Debian packages.  Each entry is kind:name:package, kind being pc (a
# pkg-config module), cmd (a command on PATH) or file (a path the package
# installs).  A minimal Debian with only git and make needs all of them:
# the C compiler (gcc gives cc, and binutils' ar), the C library's headers
# and pkg-config come first.
DEPS_BUILD = cmd:cc:gcc cmd:ar:binutils file:/usr/include/stdio.h:libc6-dev \
             cmd:pkg-config:pkg-config pc:ncursesw:libncurses-dev \
             pc:sqlite3:libsqlite3-dev pc:yaml-0.1:libyaml-dev pc:jansson:libjansson-dev
DEPS_CHECK = pc:cmocka:libcmocka-dev cmd:sqlite3:sqlite3 cmd:tmux:tmux \
             cmd:groff:groff-base cmd:jq:jq cmd:valgrind:valgrind \
             file:/usr/share/zoneinfo/America/New_York:tzdata cmd:clang:clang cmd:/usr/bin/time:time \
             file:/usr/lib/llvm-14/lib/clang/14.0.6/lib/linux/libclang_rt.fuzzer-x86_64.a:libclang-rt-14-dev

deps:
	@sh tests/ensure-packages.sh $(DEPS_BUILD)
deps-check:
	@sh tests/ensure-packages.sh $(DEPS_CHECK)

lint-man:
	@sh tests/lint-man.sh

install: cxtop
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANPREFIX)/man1 $(DESTDIR)$(MANPREFIX)/man5 \
	           $(DESTDIR)$(DATADIR)/themes $(DESTDIR)$(DATADIR)/presets
	install -m 755 cxtop $(DESTDIR)$(BINDIR)/cxtop
	install -m 644 man/cxtop.1 $(DESTDIR)$(MANPREFIX)/man1/cxtop.1
	install -m 644 man/cxtop.5 $(DESTDIR)$(MANPREFIX)/man5/cxtop.5
	for f in themes/*.yaml; do [ -e "$$f" ] || continue; \
		install -m 644 "$$f" $(DESTDIR)$(DATADIR)/themes/; done
	install -m 644 src/config/scoring.yaml $(DESTDIR)$(DATADIR)/scoring.yaml
	for f in presets/*.yaml; do [ -e "$$f" ] || continue; \
		install -m 644 "$$f" $(DESTDIR)$(DATADIR)/presets/; done

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/cxtop $(DESTDIR)$(MANPREFIX)/man1/cxtop.1 \
	      $(DESTDIR)$(MANPREFIX)/man5/cxtop.5
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf build cxtop sample.db.new
