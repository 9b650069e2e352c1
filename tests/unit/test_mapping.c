/* test_mapping.c — mapping files: every key read into its struct with its
 * position, and every malformed shape refused with one exact line. */
#include "testutil.h"

#include "cxtop/mapping.h"

#define PATH "map.yaml"

/* The smallest valid file; tests append to it. */
#define MIN "table: tickets\nfields:\n  source_id: Ticket ID\n"

static void load_ok(const char *text, cx_mapping *m)
{
	cx_error err = {0};
	if (cx_mapping_load_mem(PATH, text, strlen(text), m, &err) != 0)
		fail_msg("load failed: %s", err.msg);
	assert_string_equal(m->path, PATH);
}

/* Loads text and checks the exact error: want is the part after "PATH:",
 * e.g. "3:5: missing ...".  The struct must come back zeroed (and
 * LeakSanitizer, in the san build, checks that nothing was left behind). */
static void expect_error(const char *text, const char *want)
{
	cx_mapping m, zero;
	cx_error err = {0};
	char full[700];
	memset(&m, 0x5a, sizeof m);
	memset(&zero, 0, sizeof zero);
	snprintf(full, sizeof full, "%s:%s", PATH, want);
	assert_int_equal(cx_mapping_load_mem(PATH, text, strlen(text), &m, &err), -1);
	assert_string_equal(err.msg, full);
	assert_int_equal(err.status, CX_EXIT_RUNTIME);
	assert_memory_equal(&m, &zero, sizeof m);
}

static void assert_pos(cx_map_pos p, int line, int column)
{
	assert_int_equal(p.line, line);
	assert_int_equal(p.column, column);
}

static const cx_map_field *field_named(const cx_mapping *m, const char *name)
{
	for (size_t i = 0; i < m->nfields; i++)
		if (strcmp(m->fields[i].name, name) == 0)
			return &m->fields[i];
	fail_msg("no field %s", name);
	return NULL;
}

/* --- what a good file gives ---------------------------------------------- */

static const char full_example[] =
	"table: tickets\n"                              /* 1 */
	"source: helpdesk\n"                            /* 2 */
	"delimiter: \";\"\n"                            /* 3 */
	"encoding: windows-1252\n"                      /* 4 */
	"timezone: Europe/Helsinki\n"                   /* 5 */
	"formats: [\"%d/%m/%Y %H:%M\", \"%d/%m/%Y\"]\n" /* 6 */
	"skip:\n"                                       /* 7 */
	"  - column: Status\n"                          /* 8 */
	"    in: [Deleted, Spam]\n"                     /* 9 */
	"  - column: Subject\n"                         /* 10 */
	"    matches: \"test*\"\n"                      /* 11 */
	"fields:\n"                                     /* 12 */
	"  source_id: Ticket ID\n"                      /* 13 */
	"  created_at: Created\n"                       /* 14 */
	"  first_response_at:\n"                        /* 15 */
	"    column: First reply time in minutes\n"     /* 16 */
	"    after: created_at\n"                       /* 17 */
	"    unit: minutes\n"                           /* 18 */
	"  channel:\n"                                  /* 19 */
	"    column: Via\n"                             /* 20 */
	"    map: {web: email, voice: phone}\n"         /* 21 */
	"    otherwise: email\n"                        /* 22 */
	"  topic:\n"                                    /* 23 */
	"    columns: [Category, Type]\n"               /* 24 */
	"    join: \" / \"\n"                           /* 25 */
	"  name:\n"                                     /* 26 */
	"    column: Full name\n"                       /* 27 */
	"    split: \" \"\n"                            /* 28 */
	"    part: 1\n"                                 /* 29 */
	"  resolved_at:\n"                              /* 30 */
	"    column: Solved\n"                          /* 31 */
	"    format: \"%d-%b-%y\"\n"                    /* 32 */
	"  csat:\n"                                     /* 33 */
	"    column: Satisfaction\n"                    /* 34 */
	"    scale: good-bad\n"                         /* 35 */
	"    default: \"\"\n"                           /* 36 */
	"  priority:\n"                                 /* 37 */
	"    value: normal\n";                          /* 38 */

static void full_example_uses_every_key(void **state)
{
	cx_mapping m;
	load_ok(full_example, &m);
	assert_string_equal(m.table, "tickets");
	assert_pos(m.table_pos, 1, 8);
	assert_string_equal(m.source, "helpdesk");
	assert_pos(m.source_pos, 2, 9);
	assert_int_equal(m.delimiter, ';');
	assert_string_equal(m.encoding, "windows-1252");
	assert_string_equal(m.timezone, "Europe/Helsinki");
	assert_pos(m.timezone_pos, 5, 11);
	assert_int_equal(m.nformats, 2);
	assert_string_equal(m.formats[0], "%d/%m/%Y %H:%M");
	assert_string_equal(m.formats[1], "%d/%m/%Y");
	assert_pos(m.formats_pos, 6, 10);

	assert_int_equal(m.nskips, 2);
	assert_string_equal(m.skips[0].column, "Status");
	assert_int_equal(m.skips[0].test, CX_MAP_IN);
	assert_int_equal(m.skips[0].nvalues, 2);
	assert_string_equal(m.skips[0].values[0], "Deleted");
	assert_string_equal(m.skips[0].values[1], "Spam");
	assert_pos(m.skips[0].pos, 8, 5);
	assert_int_equal(m.skips[1].test, CX_MAP_MATCHES);
	assert_string_equal(m.skips[1].values[0], "test*");
	assert_pos(m.skips[1].pos, 10, 5);

	assert_int_equal(m.nfields, 9);
	/* In the order written. */
	assert_string_equal(m.fields[0].name, "source_id");
	assert_string_equal(m.fields[8].name, "priority");

	const cx_map_field *f = field_named(&m, "source_id");
	assert_pos(f->pos, 13, 3);
	assert_int_equal(f->ncolumns, 1);
	assert_string_equal(f->columns[0], "Ticket ID");

	f = field_named(&m, "first_response_at");
	assert_pos(f->pos, 15, 3);
	assert_string_equal(f->columns[0], "First reply time in minutes");
	assert_string_equal(f->after, "created_at");
	assert_int_equal(f->unit, CX_MAP_UNIT_MINUTES);

	f = field_named(&m, "channel");
	assert_int_equal(f->nmap, 2);
	assert_pos(f->map_pos, 21, 5);
	assert_string_equal(f->map[0].from, "web");
	assert_string_equal(f->map[0].to, "email");
	assert_pos(f->map[0].pos, 21, 11);
	assert_string_equal(f->map[1].from, "voice");
	assert_string_equal(f->map[1].to, "phone");
	assert_pos(f->map[1].pos, 21, 23);
	assert_string_equal(f->otherwise, "email");

	f = field_named(&m, "topic");
	assert_int_equal(f->ncolumns, 2);
	assert_string_equal(f->columns[0], "Category");
	assert_string_equal(f->columns[1], "Type");
	assert_string_equal(f->join, " / ");

	f = field_named(&m, "name");
	assert_string_equal(f->split, " ");
	assert_int_equal(f->part, 1);

	f = field_named(&m, "resolved_at");
	assert_int_equal(f->nformats, 1);
	assert_string_equal(f->formats[0], "%d-%b-%y");

	f = field_named(&m, "csat");
	assert_int_equal(f->scale, CX_MAP_SCALE_GOOD_BAD);
	assert_non_null(f->dflt);
	assert_string_equal(f->dflt, "");

	f = field_named(&m, "priority");
	assert_string_equal(f->value, "normal");
	assert_int_equal(f->ncolumns, 0);
	assert_null(f->columns);

	cx_mapping_free(&m);
	cx_mapping zero;
	memset(&zero, 0, sizeof zero);
	assert_memory_equal(&m, &zero, sizeof m);
}

static void leaves_unset_what_is_not_given(void **state)
{
	cx_mapping m;
	load_ok(MIN, &m);
	assert_null(m.source);
	assert_int_equal(m.delimiter, 0);
	assert_null(m.encoding);
	assert_null(m.timezone);
	assert_null(m.formats);
	assert_int_equal(m.nformats, 0);
	assert_int_equal(m.nskips, 0);
	assert_int_equal(m.nfields, 1);
	const cx_map_field *f = &m.fields[0];
	assert_null(f->join);
	assert_null(f->value);
	assert_null(f->split);
	assert_int_equal(f->part, 0);
	assert_null(f->formats);
	assert_null(f->after);
	assert_int_equal(f->unit, CX_MAP_UNIT_NONE);
	assert_null(f->map);
	assert_null(f->otherwise);
	assert_null(f->dflt);
	assert_int_equal(f->scale, CX_MAP_SCALE_NONE);
	cx_mapping_free(&m);
	cx_mapping_free(&m); /* zeroed: a second free is harmless */
	cx_mapping_free(NULL);
}

static void bare_scalar_is_one_column(void **state)
{
	cx_mapping m;
	load_ok("table: customers\n"
		"fields:\n"
		"  email: \"E-mail address\"\n"
		"  name: Name   # a comment\n",
		&m);
	assert_string_equal(m.table, "customers");
	assert_int_equal(m.nfields, 2);
	assert_string_equal(m.fields[0].name, "email");
	assert_pos(m.fields[0].pos, 3, 3);
	assert_int_equal(m.fields[0].ncolumns, 1);
	assert_string_equal(m.fields[0].columns[0], "E-mail address");
	assert_string_equal(m.fields[1].columns[0], "Name");
	assert_pos(m.fields[1].pos, 4, 3);
	cx_mapping_free(&m);
}

static void columns_with_and_without_join(void **state)
{
	cx_mapping m;
	load_ok(MIN "  topic:\n"
		    "    columns: [A, B, C]\n"
		    "    join: \"\"\n"
		    "  other:\n"
		    "    columns:\n"
		    "      - One only\n",
		&m);
	const cx_map_field *f = field_named(&m, "topic");
	assert_int_equal(f->ncolumns, 3);
	assert_string_equal(f->columns[2], "C");
	assert_string_equal(f->join, ""); /* glued together */
	f = field_named(&m, "other");
	assert_int_equal(f->ncolumns, 1); /* a list of one is fine without join */
	assert_string_equal(f->columns[0], "One only");
	assert_null(f->join);
	cx_mapping_free(&m);
}

static void value_is_a_constant(void **state)
{
	cx_mapping m;
	load_ok(MIN "  status: {value: solved}\n"
		    "  note: {value: \"\"}\n",
		&m);
	const cx_map_field *f = field_named(&m, "status");
	assert_string_equal(f->value, "solved");
	assert_null(f->columns);
	f = field_named(&m, "note");
	assert_non_null(f->value);
	assert_string_equal(f->value, "");
	cx_mapping_free(&m);
}

static void split_and_part(void **state)
{
	cx_mapping m;
	load_ok(MIN "  first: {column: Name, split: \" \", part: 2}\n"
		    "  last: {column: Name, split: \", \", part: -1}\n"
		    "  big: {column: Name, split: x, part: 999999}\n",
		&m);
	const cx_map_field *f = field_named(&m, "first");
	assert_string_equal(f->split, " ");
	assert_int_equal(f->part, 2);
	f = field_named(&m, "last");
	assert_string_equal(f->split, ", ");
	assert_int_equal(f->part, -1);
	assert_int_equal(field_named(&m, "big")->part, 999999);
	cx_mapping_free(&m);
}

static void formats_list_scalar_and_synonym(void **state)
{
	cx_mapping m;
	load_ok("table: tickets\n"
		"format: \"%Y-%m-%d\"\n"
		"fields:\n"
		"  a: {column: A, formats: [\"%d.%m.%Y\", \"%d.%m.%y\"]}\n"
		"  b: {column: B, formats: \"%H:%M\"}\n"
		"  c: {column: C, format: [\"%s\"]}\n",
		&m);
	assert_int_equal(m.nformats, 1);
	assert_string_equal(m.formats[0], "%Y-%m-%d");
	assert_pos(m.formats_pos, 2, 9);
	const cx_map_field *f = field_named(&m, "a");
	assert_int_equal(f->nformats, 2);
	assert_string_equal(f->formats[0], "%d.%m.%Y");
	assert_string_equal(f->formats[1], "%d.%m.%y");
	f = field_named(&m, "b");
	assert_int_equal(f->nformats, 1);
	assert_string_equal(f->formats[0], "%H:%M");
	f = field_named(&m, "c");
	assert_int_equal(f->nformats, 1);
	assert_string_equal(f->formats[0], "%s");
	cx_mapping_free(&m);
}

static void after_with_each_unit(void **state)
{
	static const struct {
		const char *word;
		enum cx_map_unit unit;
	} units[] = {
		{"seconds", CX_MAP_UNIT_SECONDS},
		{"minutes", CX_MAP_UNIT_MINUTES},
		{"hours", CX_MAP_UNIT_HOURS},
		{"hms", CX_MAP_UNIT_HMS},
	};
	for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
		char text[256];
		cx_mapping m;
		snprintf(text, sizeof text,
			 MIN "  solved_at: {column: Time, after: created_at, unit: %s}\n",
			 units[i].word);
		load_ok(text, &m);
		const cx_map_field *f = field_named(&m, "solved_at");
		assert_string_equal(f->after, "created_at");
		assert_int_equal(f->unit, units[i].unit);
		cx_mapping_free(&m);
	}
}

static void map_otherwise_default(void **state)
{
	cx_mapping m;
	load_ok(MIN "  channel:\n"
		    "    column: Via\n"
		    "    map:\n"
		    "      Web form: email\n"
		    "      \"\": unknown\n"
		    "      chat: \"\"\n"
		    "    default: email\n"
		    "  kind:\n"
		    "    column: Kind\n"
		    "    map: {a: b}\n",
		&m);
	const cx_map_field *f = field_named(&m, "channel");
	assert_pos(f->map_pos, 6, 5);
	assert_int_equal(f->nmap, 3);
	assert_string_equal(f->map[0].from, "Web form");
	assert_string_equal(f->map[0].to, "email");
	assert_pos(f->map[0].pos, 7, 7);
	assert_string_equal(f->map[1].from, "");
	assert_string_equal(f->map[1].to, "unknown");
	assert_pos(f->map[1].pos, 8, 7);
	assert_string_equal(f->map[2].from, "chat");
	assert_string_equal(f->map[2].to, "");
	assert_null(f->otherwise); /* an unmapped value is an error in import */
	assert_string_equal(f->dflt, "email");
	f = field_named(&m, "kind");
	assert_int_equal(f->nmap, 1);
	assert_pos(f->map[0].pos, 13, 11);
	assert_null(f->dflt);
	cx_mapping_free(&m);
}

static void each_scale(void **state)
{
	static const struct {
		const char *word;
		enum cx_map_scale scale;
	} scales[] = {
		{"0-10", CX_MAP_SCALE_0_10},
		{"1-10", CX_MAP_SCALE_1_10},
		{"1-5", CX_MAP_SCALE_1_5},
		{"good-bad", CX_MAP_SCALE_GOOD_BAD},
	};
	for (size_t i = 0; i < sizeof scales / sizeof scales[0]; i++) {
		char text[256];
		cx_mapping m;
		snprintf(text, sizeof text, MIN "  csat: {column: Rating, scale: %s}\n",
			 scales[i].word);
		load_ok(text, &m);
		assert_int_equal(field_named(&m, "csat")->scale, scales[i].scale);
		cx_mapping_free(&m);
	}
}

static void each_skip_test(void **state)
{
	cx_mapping m;
	load_ok("table: tickets\n"
		"skip:\n"
		"  - {column: A, equals: Deleted}\n"
		"  - {column: B, in: [x, \"\", y]}\n"
		"  - {column: C, empty: true}\n"
		"  - {column: D, empty: false}\n"
		"  - {column: E, matches: \"*@example.com\"}\n"
		"  - {column: F, equals: \"\"}\n"
		"fields:\n"
		"  source_id: Ticket ID\n",
		&m);
	assert_int_equal(m.nskips, 6);
	assert_string_equal(m.skips[0].column, "A");
	assert_int_equal(m.skips[0].test, CX_MAP_EQUALS);
	assert_int_equal(m.skips[0].nvalues, 1);
	assert_string_equal(m.skips[0].values[0], "Deleted");
	assert_pos(m.skips[0].pos, 3, 5);
	assert_int_equal(m.skips[1].test, CX_MAP_IN);
	assert_int_equal(m.skips[1].nvalues, 3);
	assert_string_equal(m.skips[1].values[1], "");
	assert_string_equal(m.skips[1].values[2], "y");
	assert_int_equal(m.skips[2].test, CX_MAP_EMPTY);
	assert_int_equal(m.skips[2].nvalues, 0);
	assert_int_equal(m.skips[3].test, CX_MAP_NOT_EMPTY);
	assert_string_equal(m.skips[3].column, "D");
	assert_int_equal(m.skips[4].test, CX_MAP_MATCHES);
	assert_string_equal(m.skips[4].values[0], "*@example.com");
	assert_int_equal(m.skips[5].test, CX_MAP_EQUALS);
	assert_string_equal(m.skips[5].values[0], "");
	assert_pos(m.skips[5].pos, 8, 5);
	cx_mapping_free(&m);

	load_ok("table: t\nskip: []\nfields: {a: b}\n", &m);
	assert_int_equal(m.nskips, 0);
	assert_null(m.skips);
	cx_mapping_free(&m);
}

static void delimiter_forms(void **state)
{
	static const struct {
		const char *yaml;
		char want;
	} forms[] = {
		{"\",\"", ','}, {"','", ','}, {"\";\"", ';'}, {"tab", '\t'}, {"\"\\t\"", '\t'},
	};
	for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
		char text[256];
		cx_mapping m;
		snprintf(text, sizeof text, "delimiter: %s\n" MIN, forms[i].yaml);
		load_ok(text, &m);
		assert_int_equal(m.delimiter, forms[i].want);
		cx_mapping_free(&m);
	}
}

static void source_alphabet(void **state)
{
	cx_mapping m;
	load_ok("source: a-z_0.9\n" MIN, &m);
	assert_string_equal(m.source, "a-z_0.9");
	cx_mapping_free(&m);
	char text[256];
	snprintf(text, sizeof text, "source: %s\n" MIN,
		 "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"); /* 64 */
	load_ok(text, &m);
	assert_int_equal(strlen(m.source), 64);
	cx_mapping_free(&m);
}

static void loads_from_a_file(void **state)
{
	const char *path = tu_tmp_path("tickets.yaml");
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	fputs(full_example, f);
	assert_int_equal(fclose(f), 0);
	cx_mapping m;
	cx_error err = {0};
	if (cx_mapping_load(path, &m, &err) != 0)
		fail_msg("load failed: %s", err.msg);
	assert_string_equal(m.path, path);
	assert_int_equal(m.nfields, 9);
	cx_mapping_free(&m);

	/* Errors name the file as it was given. */
	f = fopen(path, "wb");
	assert_non_null(f);
	fputs("table: t\nfields:\n  a: {colum: x}\n", f);
	assert_int_equal(fclose(f), 0);
	char want[700];
	snprintf(want, sizeof want,
		 "%s:3:7: unknown key 'colum' in field 'a' (known: column, columns, value, join, "
		 "split, part, format, formats, after, unit, map, otherwise, default, scale)",
		 path);
	assert_int_equal(cx_mapping_load(path, &m, &err), -1);
	assert_string_equal(err.msg, want);
	assert_null(m.path);
	tu_tmp_cleanup();
}

static void missing_file_and_directory(void **state)
{
	cx_mapping m;
	cx_error err = {0};
	memset(&m, 0x5a, sizeof m);
	assert_int_equal(cx_mapping_load("/nonexistent/x.yaml", &m, &err), -1);
	assert_string_equal(err.msg,
			    "cannot open mapping '/nonexistent/x.yaml': No such file or directory");
	assert_null(m.table);
	assert_int_equal(m.nfields, 0);
	assert_int_equal(cx_mapping_load("/", &m, &err), -1);
	assert_string_equal(err.msg, "cannot open mapping '/': Is a directory");
}

/* --- malformed files ----------------------------------------------------- */

static void empty_file(void **state)
{
	expect_error("", "1:1: empty mapping: it needs table: and fields:");
	expect_error("# nothing yet\n\n", "1:1: empty mapping: it needs table: and fields:");
	expect_error("---\n", "1:1: empty mapping: it needs table: and fields:");
}

static void not_a_mapping_at_the_top(void **state)
{
	expect_error("- table: t\n", "1:1: expected a mapping at the top level, found a sequence");
	expect_error("tickets\n", "1:1: expected a mapping at the top level, found a scalar");
}

static void yaml_errors_pass_through(void **state)
{
	expect_error("table: t\ntable: u\n",
		     "2:1: duplicate key 'table' (first at 1:1)");
	expect_error(MIN "  source_id: Other\n",
		     "4:3: duplicate key 'source_id' (first at 3:3)");
	expect_error("table: [t\n",
		     "2:1: syntax error: did not find expected ',' or ']' "
		     "(while parsing a flow sequence started at 1:8)");
}

static void unknown_keys(void **state)
{
	expect_error("tabel: t\n",
		     "1:1: unknown key 'tabel' (known: table, source, delimiter, encoding, "
		     "timezone, format, formats, skip, repeated, fields, json)");
	expect_error("table: tickets\n"
		     "fields:\n"
		     "  source_id: Ticket ID\n"
		     "  created_at:\n"
		     "    colum: Created\n",
		     "5:5: unknown key 'colum' in field 'created_at' (known: column, columns, "
		     "value, join, split, part, format, formats, after, unit, map, otherwise, "
		     "default, scale)");
	expect_error("table: t\n"
		     "skip:\n"
		     "  - {column: A, equals: x}\n"
		     "  - {column: A, equal: x}\n"
		     "fields: {a: b}\n",
		     "4:17: unknown key 'equal' in skip rule 2 (known: column, equals, in, empty, "
		     "matches)");
}

static void missing_table_or_fields(void **state)
{
	expect_error("source: x\nfields: {a: b}\n",
		     "1:1: missing 'table' (the cxtop table to import into)");
	expect_error("# a comment first\ntable: tickets\n",
		     "2:1: missing 'fields' (which column feeds which field)");
	expect_error("{}\n", "1:1: missing 'table' (the cxtop table to import into)");
}

static void wrong_kinds_at_the_top(void **state)
{
	expect_error("table: [a, b]\nfields: {a: b}\n",
		     "1:8: expected a scalar for 'table', found a sequence");
	expect_error("table:\nfields: {a: b}\n", "1:7: missing value for 'table'");
	expect_error("table: t\nencoding: {a: b}\nfields: {a: b}\n",
		     "2:11: expected a scalar for 'encoding', found a mapping");
	expect_error("table: t\ntimezone: \"\"\nfields: {a: b}\n",
		     "2:11: missing value for 'timezone'");
	expect_error("table: t\nfields: [a, b]\n",
		     "2:9: expected a mapping for 'fields', found a sequence");
	expect_error("table: t\nfields: {}\n",
		     "2:9: empty 'fields': it needs at least one 'field: column' line");
	expect_error("table: t\nfields:\n",
		     "2:8: expected a mapping for 'fields', found a scalar");
	expect_error("table: t\nskip: {column: a}\nfields: {a: b}\n",
		     "2:7: expected a sequence for 'skip', found a mapping");
}

static void bad_source(void **state)
{
	expect_error("source: HelpDesk\n" MIN,
		     "1:9: 'source' must be 1 to 64 lowercase letters, digits, '.', '_' or '-', "
		     "not 'HelpDesk'");
	expect_error("source: help desk\n" MIN,
		     "1:9: 'source' must be 1 to 64 lowercase letters, digits, '.', '_' or '-', "
		     "not 'help desk'");
	expect_error("source: \"\"\n" MIN,
		     "1:9: 'source' must be 1 to 64 lowercase letters, digits, '.', '_' or '-', "
		     "not ''");
	expect_error("source: "
		     "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n" MIN,
		     "1:9: 'source' must be 1 to 64 lowercase letters, digits, '.', '_' or '-', "
		     "not 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'");
	expect_error("source: [a]\n" MIN, "1:9: expected a scalar for 'source', found a sequence");
}

static void bad_delimiter(void **state)
{
	expect_error(MIN "delimiter: \"|\"\n", "4:12: unknown delimiter '|' (known: ',', ';', tab)");
	expect_error(MIN "delimiter: '\\t'\n",
		     "4:12: unknown delimiter '\\t' (known: ',', ';', tab)");
	expect_error(MIN "delimiter: [',']\n",
		     "4:12: expected a scalar for 'delimiter', found a sequence");
}

static void bad_formats(void **state)
{
	expect_error("format: \"%Y\"\nformats: [\"%d\"]\n" MIN,
		     "2:1: 'format' and 'formats' both given (use one of format or formats)");
	expect_error(MIN "  a:\n"
			 "    column: A\n"
			 "    formats: [\"%d\"]\n"
			 "    format: \"%Y\"\n",
		     "7:5: 'formats' and 'format' both given in field 'a' (use one of format or "
		     "formats)");
	expect_error(MIN "formats: []\n", "4:10: empty list for 'formats'");
	expect_error(MIN "formats: [\"%d\", [x]]\n",
		     "4:17: expected a scalar in 'formats', found a sequence");
	expect_error(MIN "formats: [\"%d\", \"\"]\n", "4:17: empty item in 'formats'");
	expect_error(MIN "format: {a: b}\n",
		     "4:9: expected a scalar or a sequence for 'format', found a mapping");
	expect_error(MIN "  a: {column: A, format: \"\"}\n",
		     "4:26: missing value for 'format' in field 'a'");
}

static void bad_field_shapes(void **state)
{
	expect_error(MIN "  a: [A, B]\n",
		     "4:6: expected a column name or a mapping for field 'a', found a sequence");
	expect_error(MIN "  a:\n", "4:5: missing column name for field 'a'");
	expect_error(MIN "  \"\": A\n", "4:3: empty field name");
	expect_error(MIN "  a: {join: x}\n",
		     "4:6: field 'a' needs one of column, columns or value");
}

static void column_columns_value_conflict(void **state)
{
	expect_error(MIN "  a:\n"
			 "    column: A\n"
			 "    value: x\n",
		     "6:5: 'column' and 'value' both given in field 'a' (use one of column, "
		     "columns or value)");
	expect_error(MIN "  a: {columns: [A, B], column: C}\n",
		     "4:24: 'columns' and 'column' both given in field 'a' (use one of column, "
		     "columns or value)");
	expect_error(MIN "  a: {column: [A, B]}\n",
		     "4:15: expected a scalar for 'column' in field 'a', found a sequence");
	expect_error(MIN "  a: {columns: A}\n",
		     "4:16: expected a sequence for 'columns' in field 'a', found a scalar");
	expect_error(MIN "  a: {columns: []}\n", "4:16: empty list for 'columns' in field 'a'");
	expect_error(MIN "  a: {columns: [A, \"\"]}\n",
		     "4:20: empty item in 'columns' in field 'a'");
	expect_error(MIN "  a: {value: [x]}\n",
		     "4:14: expected a scalar for 'value' in field 'a', found a sequence");
}

static void join_needs_several_columns(void **state)
{
	expect_error(MIN "  a: {column: A, join: \"-\"}\n",
		     "4:18: 'join' in field 'a' needs 'columns' with two or more names");
	expect_error(MIN "  a: {columns: [A], join: \"-\"}\n",
		     "4:21: 'join' in field 'a' needs 'columns' with two or more names");
	expect_error(MIN "  a: {value: v, join: \"-\"}\n",
		     "4:17: 'join' in field 'a' needs 'columns' with two or more names");
}

static void split_and_part_go_together(void **state)
{
	expect_error(MIN "  a: {column: A, split: \" \"}\n",
		     "4:18: 'split' in field 'a' needs 'part' (which piece to keep)");
	expect_error(MIN "  a: {column: A, part: 1}\n",
		     "4:18: 'part' in field 'a' needs 'split' (the separator)");
	expect_error(MIN "  a: {column: A, split: \"\", part: 1}\n",
		     "4:25: missing value for 'split' in field 'a'");
	expect_error(MIN "  a: {column: A, split: x, part: 0}\n",
		     "4:34: 'part' in field 'a' must be a non-zero whole number (1 the first "
		     "piece, -1 the last), not '0'");
	expect_error(MIN "  a: {column: A, split: x, part: -0}\n",
		     "4:34: 'part' in field 'a' must be a non-zero whole number (1 the first "
		     "piece, -1 the last), not '-0'");
	expect_error(MIN "  a: {column: A, split: x, part: 1.5}\n",
		     "4:34: 'part' in field 'a' must be a non-zero whole number (1 the first "
		     "piece, -1 the last), not '1.5'");
	expect_error(MIN "  a: {column: A, split: x, part: +1}\n",
		     "4:34: 'part' in field 'a' must be a non-zero whole number (1 the first "
		     "piece, -1 the last), not '+1'");
	expect_error(MIN "  a: {column: A, split: x, part: 1000000}\n",
		     "4:34: 'part' in field 'a' must be a non-zero whole number (1 the first "
		     "piece, -1 the last), not '1000000'");
	expect_error(MIN "  a: {column: A, split: x, part: [1]}\n",
		     "4:34: expected a scalar for 'part' in field 'a', found a sequence");
}

static void after_and_unit_go_together(void **state)
{
	expect_error(MIN "  a:\n"
			 "    column: A\n"
			 "    after: created_at\n",
		     "6:5: 'after' in field 'a' needs 'unit' (seconds, minutes, hours or hms)");
	expect_error(MIN "  a:\n"
			 "    column: A\n"
			 "    unit: minutes\n",
		     "6:5: 'unit' in field 'a' needs 'after' (the field the duration counts "
		     "from)");
	expect_error(MIN "  a: {column: A, after: b, unit: days}\n",
		     "4:34: unknown unit 'days' in field 'a' (known: seconds, minutes, hours, hms)");
	expect_error(MIN "  a: {column: A, after: b, unit: \"\"}\n",
		     "4:34: missing value for 'unit' in field 'a'");
	expect_error(MIN "  a: {column: A, after: \"\", unit: hms}\n",
		     "4:25: missing value for 'after' in field 'a'");
}

static void map_and_otherwise(void **state)
{
	expect_error(MIN "  a: {column: A, otherwise: x}\n",
		     "4:18: 'otherwise' in field 'a' needs 'map'");
	expect_error(MIN "  a: {column: A, map: {}}\n",
		     "4:23: empty 'map' in field 'a': it needs at least one 'from: to' line");
	expect_error(MIN "  a: {column: A, map: [x]}\n",
		     "4:23: expected a mapping for 'map' in field 'a', found a sequence");
	expect_error(MIN "  a:\n"
			 "    column: A\n"
			 "    map:\n"
			 "      x: y\n"
			 "      z: [w]\n",
		     "8:10: expected a scalar for map key 'z' in field 'a', found a sequence");
	expect_error(MIN "  a: {column: A, map: {x: y, x: z}}\n",
		     "4:30: duplicate key 'x' (first at 4:24)");
	expect_error(MIN "  a: {column: A, map: {x: y}, otherwise: [z]}\n",
		     "4:42: expected a scalar for 'otherwise' in field 'a', found a sequence");
	expect_error(MIN "  a: {column: A, default: {x: y}}\n",
		     "4:27: expected a scalar for 'default' in field 'a', found a mapping");
}

static void unknown_scale(void **state)
{
	expect_error(MIN "  csat: {column: R, scale: 1-7}\n",
		     "4:28: unknown scale '1-7' in field 'csat' (known: 0-10, 1-10, 1-5, good-bad)");
	expect_error(MIN "  csat: {column: R, scale: \"\"}\n",
		     "4:28: missing value for 'scale' in field 'csat'");
}

/* json: where the records are and which lists are joined to them. */
static void json_block(void **state)
{
	const char *text = "table: tickets\n"
			   "json:\n"
			   "  records: tickets\n"
			   "  join:\n"
			   "    assignee: {from: users, key: assignee_id}\n"
			   "    agent: {from: agents, key: responder_id, on: uid, files: \"*agents*\"}\n"
			   "fields:\n"
			   "  source_id: id\n"
			   "  agent: assignee.name\n";
	cx_mapping m;
	cx_error err = {0};
	assert_int_equal(cx_mapping_load_mem(PATH, text, strlen(text), &m, &err), 0);
	assert_true(m.json);
	assert_string_equal(m.records, "tickets");
	assert_int_equal(m.njoins, 2);
	assert_string_equal(m.joins[0].name, "assignee");
	assert_string_equal(m.joins[0].on, "id");
	assert_null(m.joins[0].files);
	assert_string_equal(m.joins[1].on, "uid");
	assert_string_equal(m.joins[1].files, "*agents*");
	assert_int_equal(m.joins[1].pos.line, 6);
	cx_mapping_free(&m);
	const char *plain = "table: tickets\njson: true\nfields: {source_id: id}\n";
	assert_int_equal(cx_mapping_load_mem(PATH, plain, strlen(plain), &m, &err), 0);
	assert_true(m.json);
	assert_null(m.records);
	cx_mapping_free(&m);
	expect_error("table: t\njson: [a]\nfields: {a: b}\n",
		     "2:7: expected a mapping for 'json' (records:, join:) or true, found a sequence");
	expect_error("table: t\njson: {record: x}\nfields: {a: b}\n",
		     "2:8: unknown key 'record' (known: records, join)");
	expect_error("table: t\njson: {join: {a: {from: u}}}\nfields: {a: b}\n",
		     "2:18: missing 'key' in join 'a' (the record's field that refers to it)");
	expect_error("table: t\njson: {join: {a: {from: u, key: k, with: x}}}\nfields: {a: b}\n",
		     "2:36: unknown key 'with' in join 'a' (known: from, key, on, files)");
}

static void bad_skip_rules(void **state)
{
	expect_error("table: t\nskip:\n  - Status\nfields: {a: b}\n",
		     "3:5: expected a mapping for skip rule 1, found a scalar");
	expect_error("table: t\nskip:\n  - {equals: x}\nfields: {a: b}\n",
		     "3:5: missing 'column' in skip rule 1");
	expect_error("table: t\nskip:\n  - column: A\nfields: {a: b}\n",
		     "3:5: missing a test in skip rule 1 (one of equals, in, empty or matches)");
	expect_error("table: t\n"
		     "skip:\n"
		     "  - column: A\n"
		     "    equals: x\n"
		     "    in: [y]\n"
		     "fields: {a: b}\n",
		     "5:5: 'equals' and 'in' both given in skip rule 1 (use one of equals, in, "
		     "empty or matches)");
	expect_error("table: t\nskip:\n  - {column: A, in: []}\nfields: {a: b}\n",
		     "3:21: empty list for 'in' in skip rule 1");
	expect_error("table: t\nskip:\n  - {column: A, in: x}\nfields: {a: b}\n",
		     "3:21: expected a sequence for 'in' in skip rule 1, found a scalar");
	expect_error("table: t\nskip:\n  - {column: A, empty: yes}\nfields: {a: b}\n",
		     "3:24: 'empty' in skip rule 1 must be true or false, not 'yes'");
	expect_error("table: t\nskip:\n  - {column: A, matches: \"\"}\nfields: {a: b}\n",
		     "3:26: missing value for 'matches' in skip rule 1");
	expect_error("table: t\nskip:\n  - {column: \"\", equals: x}\nfields: {a: b}\n",
		     "3:14: missing value for 'column' in skip rule 1");
}

static void repeated_rows(void **state)
{
	cx_mapping m;
	cx_error err = {0};
	const char *ok = "table: orders\nrepeated: skip\nfields:\n  source_id: Name\n";
	assert_int_equal(cx_mapping_load_mem("map.yaml", ok, strlen(ok), &m, &err), 0);
	assert_true(m.repeated_skip);
	cx_mapping_free(&m);
	const char *bad = "table: orders\nrepeated: merge\nfields:\n  source_id: Name\n";
	assert_int_equal(cx_mapping_load_mem("map.yaml", bad, strlen(bad), &m, &err), -1);
	assert_string_equal(err.msg, "map.yaml:2:11: unknown value 'merge' for 'repeated' (known: error, skip)");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(repeated_rows),
		cmocka_unit_test(full_example_uses_every_key),
		cmocka_unit_test(leaves_unset_what_is_not_given),
		cmocka_unit_test(bare_scalar_is_one_column),
		cmocka_unit_test(columns_with_and_without_join),
		cmocka_unit_test(value_is_a_constant),
		cmocka_unit_test(split_and_part),
		cmocka_unit_test(formats_list_scalar_and_synonym),
		cmocka_unit_test(after_with_each_unit),
		cmocka_unit_test(map_otherwise_default),
		cmocka_unit_test(each_scale),
		cmocka_unit_test(each_skip_test),
		cmocka_unit_test(delimiter_forms),
		cmocka_unit_test(source_alphabet),
		cmocka_unit_test(loads_from_a_file),
		cmocka_unit_test(missing_file_and_directory),
		cmocka_unit_test(empty_file),
		cmocka_unit_test(not_a_mapping_at_the_top),
		cmocka_unit_test(yaml_errors_pass_through),
		cmocka_unit_test(unknown_keys),
		cmocka_unit_test(missing_table_or_fields),
		cmocka_unit_test(wrong_kinds_at_the_top),
		cmocka_unit_test(bad_source),
		cmocka_unit_test(bad_delimiter),
		cmocka_unit_test(bad_formats),
		cmocka_unit_test(bad_field_shapes),
		cmocka_unit_test(column_columns_value_conflict),
		cmocka_unit_test(join_needs_several_columns),
		cmocka_unit_test(split_and_part_go_together),
		cmocka_unit_test(after_and_unit_go_together),
		cmocka_unit_test(map_and_otherwise),
		cmocka_unit_test(unknown_scale),
		cmocka_unit_test(bad_skip_rules),
		cmocka_unit_test(json_block),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
