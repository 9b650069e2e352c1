/* mapping.h — mapping files: how the columns of someone else's CSV feed a
 * cxtop table (format in cxtop(5), MAPPING FILES).
 *
 * src/config reads the YAML into these plain structs and checks its shape
 * (known keys, the right kinds of values, no contradictions within a
 * field); src/import checks the names against the table and applies it.
 * Every part remembers where it was written (1-based line and column of
 * the YAML node), so that any later complaint can say MAPFILE:LINE:COLUMN.
 */
#ifndef CXTOP_MAPPING_H
#define CXTOP_MAPPING_H

#include <stdbool.h>
#include <stddef.h>

#include "cxtop/error.h"

/* Where something was written in the mapping file. */
typedef struct cx_map_pos {
	int line, column;
} cx_map_pos;

/* How a number in a duration column is counted. */
enum cx_map_unit {
	CX_MAP_UNIT_NONE = 0, /* not a duration: the column holds an instant */
	CX_MAP_UNIT_SECONDS,
	CX_MAP_UNIT_MINUTES,
	CX_MAP_UNIT_HOURS,
	CX_MAP_UNIT_HMS, /* "HH:MM:SS" or "HH:MM" (hours may exceed 24) */
};

/* The scale a satisfaction column is on (normalised to 0-10, cxtop(5)). */
enum cx_map_scale {
	CX_MAP_SCALE_NONE = 0, /* not given: 0-10 */
	CX_MAP_SCALE_0_10,
	CX_MAP_SCALE_1_10,
	CX_MAP_SCALE_1_5,
	CX_MAP_SCALE_GOOD_BAD,
};

/* One "from: to" line of a value map. */
typedef struct cx_map_entry {
	char *from, *to;
	cx_map_pos pos; /* of the key */
} cx_map_entry;

/* One entry under fields:, feeding the store field `name`.  Exactly one of
 * columns (one or more) and value (a constant) is set. */
typedef struct cx_map_field {
	char *name;
	cx_map_pos pos; /* of the field's key */
	char **columns; /* CSV header names; several are joined with join */
	size_t ncolumns;
	char *join;     /* NULL: " " */
	char *value;    /* a constant instead of a column */
	char *split;    /* split the value on this string and keep part */
	int part;       /* 1-based; negative counts from the end (-1: last) */
	char **formats; /* instant/date formats for this field (else the file's) */
	size_t nformats;
	char *after;    /* a duration after this other field (with unit) */
	enum cx_map_unit unit;
	cx_map_entry *map; /* value map, matched ignoring case and outer spaces */
	size_t nmap;
	cx_map_pos map_pos;  /* of the map: key (where a fix would go) */
	char *otherwise;     /* the target for a value not in map; NULL: error */
	char *dflt;          /* the value to use when the cell is empty */
	enum cx_map_scale scale;
} cx_map_field;

/* One rule under skip:: a row is skipped when any rule matches it. */
enum cx_map_test {
	CX_MAP_EQUALS,    /* the cell equals values[0] (ignoring case, outer spaces) */
	CX_MAP_IN,        /* the cell equals one of values */
	CX_MAP_EMPTY,     /* the cell is empty (after trimming spaces) */
	CX_MAP_NOT_EMPTY, /* empty: false */
	CX_MAP_MATCHES,   /* the cell matches the glob values[0] (fnmatch) */
};

typedef struct cx_map_skip {
	char *column;
	enum cx_map_test test;
	char **values;
	size_t nvalues;
	cx_map_pos pos; /* of the rule */
} cx_map_skip;

/* One record of another list joined to each record (json: join:): the
 * record of `from` whose `on` equals this record's `key`. */
typedef struct cx_map_join {
	char *name;  /* the first part of a column path that reads it */
	char *from;  /* the list: a page's key, or the files matching files */
	char *key;   /* the record's field holding the reference */
	char *on;    /* the field of `from` it equals (default "id") */
	char *files; /* a glob: files whose records (a bare list) are `from` */
	cx_map_pos pos;
} cx_map_join;

typedef struct cx_mapping {
	char *path;
	char *table;         /* required */
	cx_map_pos table_pos;
	char *source;        /* NULL: not given */
	cx_map_pos source_pos;
	char delimiter;      /* 0: not given (detect) */
	char *encoding;      /* NULL: not given (UTF-8) */
	char *timezone;      /* NULL: not given */
	cx_map_pos timezone_pos;
	char **formats;      /* NULL: not given (ISO 8601) */
	size_t nformats;
	cx_map_pos formats_pos;
	cx_map_field *fields; /* at least one */
	size_t nfields;
	cx_map_skip *skips;
	size_t nskips;
	/* A row whose source_id is the row before's is skipped (an order's
	 * further line items), not refused as a key given twice. */
	bool repeated_skip;
	/* json: the files are JSON (API pages), not CSV.  Columns are then
	 * paths into each record ("via.channel"). */
	bool json;
	cx_map_pos json_pos;
	char *records;       /* the page's key holding the records (NULL: the page is a list) */
	cx_map_join *joins;
	size_t njoins;
} cx_mapping;

/* Reads a mapping file.  On error fills err with "PATH:LINE:COLUMN:
 * message" (or "cannot open mapping 'PATH': reason") and returns -1 with
 * *out zeroed.  On success the caller frees with cx_mapping_free. */
int cx_mapping_load(const char *path, cx_mapping *out, cx_error *err);

/* The same from a buffer (tests, the fuzzer); path names it in messages. */
int cx_mapping_load_mem(const char *path, const char *text, size_t len, cx_mapping *out, cx_error *err);

void cx_mapping_free(cx_mapping *m);

#endif
