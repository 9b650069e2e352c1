/* fuzz_mapping.c — libFuzzer target for mapping files: any bytes must give
 * either a mapping or one line of error, with no crash, no leak and no
 * undefined behaviour (the sanitizers watch for those).
 *
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -std=c11 \
 *     -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE -Iinclude -Isrc \
 *     tests/fuzz/fuzz_mapping.c src/config/mapping.c src/config/yaml_tree.c \
 *     src/base/error.c src/base/xalloc.c -lyaml -o /tmp/fuzz_mapping
 *   /tmp/fuzz_mapping -max_total_time=60 tests/fuzz/corpus/mapping
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cxtop/mapping.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The struct's invariants that src/import relies on after a success. */
static void check(const cx_mapping *m)
{
	if (!m->path || !m->table || m->nfields == 0 || !m->fields)
		abort();
	for (size_t i = 0; i < m->nfields; i++) {
		const cx_map_field *f = &m->fields[i];
		if (!f->name || (f->ncolumns == 0) == !f->value || (f->ncolumns > 0 && !f->columns))
			abort();
		if ((f->split == NULL) != (f->part == 0))
			abort();
		if ((f->after == NULL) != (f->unit == CX_MAP_UNIT_NONE))
			abort();
		if ((f->otherwise && !f->nmap) || (f->join && f->ncolumns < 2))
			abort();
	}
	for (size_t i = 0; i < m->nskips; i++) {
		const cx_map_skip *s = &m->skips[i];
		bool one = s->test == CX_MAP_EQUALS || s->test == CX_MAP_MATCHES;
		if (!s->column || (one && s->nvalues != 1) || (s->test == CX_MAP_IN && !s->nvalues))
			abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	cx_mapping m;
	cx_error err = {0};
	if (cx_mapping_load_mem("fuzz.yaml", (const char *)data, size, &m, &err) == 0) {
		check(&m);
		cx_mapping_free(&m);
	} else {
		/* An error is one line that names the input, and leaves nothing. */
		if (strncmp(err.msg, "fuzz.yaml", 9) != 0 || strchr(err.msg, '\n') || m.path ||
		    m.fields)
			abort();
	}
	return 0;
}
