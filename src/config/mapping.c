/* mapping.c — mapping files: how the columns of someone else's CSV feed a
 * cxtop table (the structs in include/cxtop/mapping.h, the format in
 * cxtop(5), MAPPING FILES).
 *
 * Only the shape is checked here: known keys, the right kind of value, the
 * enumerations (delimiter, unit, scale, source), and no contradictions
 * within a field.  Whether a table or field exists is src/import's
 * business: it knows the store, and it can still point into this file
 * because every part keeps the line and column it was written at.
 *
 * Errors are one line, "path:line:column: message", at the node to fix: an
 * unknown or contradicting key at the key, a bad value at the value, a
 * missing key at the mapping that lacks it.  Nothing is half loaded: on
 * error the caller gets a zeroed struct and nothing to free. */
#include "cxtop/mapping.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cxtop/xalloc.h"
#include "yaml_tree.h"

struct load {
	const char *path;
	cx_error *err;
	/* Where we are, for messages: "", " in field 'x'", " in skip rule 2". */
	char where[96];
};

/* "PATH:LINE:COLUMN: message" at node n, -1. */
#define fail(l, n, ...) cx_yaml_fail((l)->err, (l)->path, (n), __VA_ARGS__)

static cx_map_pos pos_of(const cx_ynode *n)
{
	return (cx_map_pos){.line = n->line, .column = n->column};
}

/* --- keys ---------------------------------------------------------------- */

static const char *const top_keys[] = {
	"table", "source", "delimiter", "encoding", "timezone",
	"format", "formats", "skip", "repeated", "fields", "json", NULL,
};

static const char *const json_keys[] = {"records", "join", NULL};
static const char *const join_keys[] = {"from", "key", "on", "files", NULL};

static const char *const field_keys[] = {
	"column", "columns", "value", "join", "split", "part", "format",
	"formats", "after", "unit", "map", "otherwise", "default", "scale", NULL,
};

static const char *const skip_keys[] = {"column", "equals", "in", "empty", "matches", NULL};

static int known_keys(struct load *l, const cx_ynode *n, const char *const *known)
{
	return cx_yaml_known_keys(l->err, l->path, n, known, l->where);
}

/* The one key of n that is among names (NULL-terminated) into *k and *v,
 * both NULL when there is none.  A second one is an error at the later of
 * the two, in the order they are written; hint lists the choices. */
static int one_of(struct load *l, const cx_ynode *n, const char *const *names, const char *hint,
		  const cx_ynode **k, const cx_ynode **v)
{
	*k = *v = NULL;
	for (size_t i = 0; i < n->n; i++) {
		const cx_ynode *key = n->item[2 * i];
		size_t j = 0;
		while (names[j] && strcmp(names[j], key->text) != 0)
			j++;
		if (!names[j])
			continue;
		if (*k)
			return fail(l, key, "'%s' and '%s' both given%s (use one of %s)", (*k)->text,
				    key->text, l->where, hint);
		*k = key;
		*v = n->item[2 * i + 1];
	}
	return 0;
}

/* --- values -------------------------------------------------------------- */

/* A scalar under key k into a fresh *out.  An empty one is refused unless
 * it means something ("" as a constant or a default). */
static int text(struct load *l, const cx_ynode *k, const cx_ynode *v, bool may_be_empty,
		char **out)
{
	if (v->kind != CX_Y_SCALAR)
		return fail(l, v, "expected a scalar for '%s'%s, found %s", k->text, l->where,
			    cx_yaml_kind_name(v));
	if (!may_be_empty && !v->text[0])
		return fail(l, v, "missing value for '%s'%s", k->text, l->where);
	*out = cx_xstrdup(v->text);
	return 0;
}

/* A sequence of scalars (or, if scalar_ok, a single scalar meaning a list
 * of one) into *out and *n; at least one item.  The array is counted in
 * *n as soon as it exists, so an error halfway leaves it freeable. */
static int text_list(struct load *l, const cx_ynode *k, const cx_ynode *v, bool scalar_ok,
		     bool items_may_be_empty, char ***out, size_t *n)
{
	if (v->kind == CX_Y_SCALAR && scalar_ok) {
		*out = cx_xcalloc(1, sizeof **out);
		*n = 1;
		return text(l, k, v, items_may_be_empty, &(*out)[0]);
	}
	if (v->kind != CX_Y_SEQ)
		return fail(l, v, "expected %s for '%s'%s, found %s",
			    scalar_ok ? "a scalar or a sequence" : "a sequence", k->text, l->where,
			    cx_yaml_kind_name(v));
	if (v->n == 0)
		return fail(l, v, "empty list for '%s'%s", k->text, l->where);
	*out = cx_xcalloc(v->n, sizeof **out);
	*n = v->n;
	for (size_t i = 0; i < v->n; i++) {
		const cx_ynode *it = v->item[i];
		if (it->kind != CX_Y_SCALAR)
			return fail(l, it, "expected a scalar in '%s'%s, found %s", k->text,
				    l->where, cx_yaml_kind_name(it));
		if (!items_may_be_empty && !it->text[0])
			return fail(l, it, "empty item in '%s'%s", k->text, l->where);
		(*out)[i] = cx_xstrdup(it->text);
	}
	return 0;
}

/* format: or formats: (synonyms, so that neither spelling is a trap), a
 * format or a list of them.  *pos, if given, gets the value's position. */
static int formats(struct load *l, const cx_ynode *n, char ***out, size_t *nout, cx_map_pos *pos)
{
	static const char *const names[] = {"format", "formats", NULL};
	const cx_ynode *k, *v;
	if (one_of(l, n, names, "format or formats", &k, &v))
		return -1;
	if (!k)
		return 0;
	if (pos)
		*pos = pos_of(v);
	return text_list(l, k, v, true, false, out, nout);
}

/* A word from a fixed list; *out gets its index. */
static int choice(struct load *l, const cx_ynode *k, const cx_ynode *v, const char *const *words,
		  const char *known, int *out)
{
	if (v->kind != CX_Y_SCALAR)
		return fail(l, v, "expected a scalar for '%s'%s, found %s", k->text, l->where,
			    cx_yaml_kind_name(v));
	for (int i = 0; words[i]; i++) {
		if (strcmp(words[i], v->text) == 0) {
			*out = i;
			return 0;
		}
	}
	return fail(l, v, "unknown %s '%.40s'%s (known: %s)", k->text, v->text, l->where, known);
}

/* "1", "-1", "12": a whole number that is not 0, small enough that the
 * import's arithmetic on it cannot overflow. */
static bool parse_part(const char *s, int *out)
{
	bool neg = *s == '-';
	long v = 0;
	size_t n = 0;
	if (neg)
		s++;
	for (; s[n]; n++) {
		if (s[n] < '0' || s[n] > '9' || n >= 6)
			return false;
		v = v * 10 + (s[n] - '0');
	}
	if (n == 0 || v == 0)
		return false;
	*out = (int)(neg ? -v : v);
	return true;
}

/* --- fields -------------------------------------------------------------- */

/* column:, columns: or value: — exactly one of them says where the field's
 * text comes from. */
static int field_source(struct load *l, const cx_ynode *n, const char *name, cx_map_field *f)
{
	static const char *const names[] = {"column", "columns", "value", NULL};
	const cx_ynode *k, *v;
	if (one_of(l, n, names, "column, columns or value", &k, &v))
		return -1;
	if (!k)
		return fail(l, n, "field '%.60s' needs one of column, columns or value", name);
	if (strcmp(k->text, "value") == 0)
		return text(l, k, v, true, &f->value);
	if (strcmp(k->text, "columns") == 0)
		return text_list(l, k, v, false, false, &f->columns, &f->ncolumns);
	f->columns = cx_xcalloc(1, sizeof *f->columns);
	f->ncolumns = 1;
	return text(l, k, v, false, &f->columns[0]);
}

/* join: only means something between two or more columns. */
static int field_join(struct load *l, const cx_ynode *n, cx_map_field *f)
{
	const cx_ynode *k, *v = cx_yaml_get(n, "join", &k);
	if (!v)
		return 0;
	if (f->ncolumns < 2)
		return fail(l, k, "'join'%s needs 'columns' with two or more names", l->where);
	return text(l, k, v, true, &f->join);
}

static int field_split(struct load *l, const cx_ynode *n, cx_map_field *f)
{
	const cx_ynode *sk, *pk;
	const cx_ynode *sv = cx_yaml_get(n, "split", &sk), *pv = cx_yaml_get(n, "part", &pk);
	if (sv && !pv)
		return fail(l, sk, "'split'%s needs 'part' (which piece to keep)", l->where);
	if (pv && !sv)
		return fail(l, pk, "'part'%s needs 'split' (the separator)", l->where);
	if (!sv)
		return 0;
	if (text(l, sk, sv, false, &f->split))
		return -1;
	if (pv->kind != CX_Y_SCALAR)
		return fail(l, pv, "expected a scalar for 'part'%s, found %s", l->where,
			    cx_yaml_kind_name(pv));
	if (!parse_part(pv->text, &f->part))
		return fail(l, pv,
			    "'part'%s must be a non-zero whole number (1 the first piece, "
			    "-1 the last), not '%.40s'",
			    l->where, pv->text);
	return 0;
}

/* after: and unit: make a duration into an instant; one without the other
 * is half a thought. */
static int field_after(struct load *l, const cx_ynode *n, cx_map_field *f)
{
	static const char *const units[] = {"", "seconds", "minutes", "hours", "hms", NULL};
	const cx_ynode *ak, *uk;
	const cx_ynode *av = cx_yaml_get(n, "after", &ak), *uv = cx_yaml_get(n, "unit", &uk);
	int unit;
	if (av && !uv)
		return fail(l, ak, "'after'%s needs 'unit' (seconds, minutes, hours or hms)",
			    l->where);
	if (uv && !av)
		return fail(l, uk, "'unit'%s needs 'after' (the field the duration counts from)",
			    l->where);
	if (!av)
		return 0;
	if (text(l, ak, av, false, &f->after))
		return -1;
	/* units[0] stands for CX_MAP_UNIT_NONE so indexes match the enum;
	 * nobody can spell it, as an empty unit is refused first. */
	if (uv->kind == CX_Y_SCALAR && !uv->text[0])
		return fail(l, uv, "missing value for 'unit'%s", l->where);
	if (choice(l, uk, uv, units, "seconds, minutes, hours, hms", &unit))
		return -1;
	f->unit = (enum cx_map_unit)unit;
	return 0;
}

static int field_map(struct load *l, const cx_ynode *n, cx_map_field *f)
{
	const cx_ynode *mk, *ok;
	const cx_ynode *mv = cx_yaml_get(n, "map", &mk), *ov = cx_yaml_get(n, "otherwise", &ok);
	if (ov && !mv)
		return fail(l, ok, "'otherwise'%s needs 'map'", l->where);
	if (!mv)
		return 0;
	f->map_pos = pos_of(mk);
	if (mv->kind != CX_Y_MAP)
		return fail(l, mv, "expected a mapping for 'map'%s, found %s", l->where,
			    cx_yaml_kind_name(mv));
	if (mv->n == 0)
		return fail(l, mv, "empty 'map'%s: it needs at least one 'from: to' line", l->where);
	f->map = cx_xcalloc(mv->n, sizeof *f->map);
	f->nmap = mv->n;
	for (size_t i = 0; i < mv->n; i++) {
		const cx_ynode *k = mv->item[2 * i], *v = mv->item[2 * i + 1];
		if (v->kind != CX_Y_SCALAR)
			return fail(l, v, "expected a scalar for map key '%.60s'%s, found %s",
				    k->text, l->where, cx_yaml_kind_name(v));
		f->map[i].from = cx_xstrdup(k->text);
		f->map[i].to = cx_xstrdup(v->text);
		f->map[i].pos = pos_of(k);
	}
	return ov ? text(l, ok, ov, true, &f->otherwise) : 0;
}

static int field_scale(struct load *l, const cx_ynode *n, cx_map_field *f)
{
	static const char *const scales[] = {"", "0-10", "1-10", "1-5", "good-bad", NULL};
	const cx_ynode *k, *v = cx_yaml_get(n, "scale", &k);
	int scale;
	if (!v)
		return 0;
	if (v->kind == CX_Y_SCALAR && !v->text[0])
		return fail(l, v, "missing value for 'scale'%s", l->where);
	if (choice(l, k, v, scales, "0-10, 1-10, 1-5, good-bad", &scale))
		return -1;
	f->scale = (enum cx_map_scale)scale;
	return 0;
}

/* A field written as a mapping: the source first, then the rest in the
 * order the format's documentation gives them. */
static int field_spec(struct load *l, const cx_ynode *n, const char *name, cx_map_field *f)
{
	const cx_ynode *dk, *dv = cx_yaml_get(n, "default", &dk);
	if (known_keys(l, n, field_keys) || field_source(l, n, name, f) || field_join(l, n, f) ||
	    field_split(l, n, f) || formats(l, n, &f->formats, &f->nformats, NULL) ||
	    field_after(l, n, f) || field_map(l, n, f) || field_scale(l, n, f))
		return -1;
	return dv ? text(l, dk, dv, true, &f->dflt) : 0;
}

static int field(struct load *l, const cx_ynode *k, const cx_ynode *v, cx_map_field *f)
{
	f->name = cx_xstrdup(k->text);
	f->pos = pos_of(k);
	if (!k->text[0])
		return fail(l, k, "empty field name");
	snprintf(l->where, sizeof l->where, " in field '%.60s'", k->text);
	if (v->kind == CX_Y_MAP)
		return field_spec(l, v, k->text, f);
	if (v->kind != CX_Y_SCALAR)
		return fail(l, v, "expected a column name or a mapping for field '%.60s', found %s",
			    k->text, cx_yaml_kind_name(v));
	if (!v->text[0])
		return fail(l, v, "missing column name for field '%.60s'", k->text);
	f->columns = cx_xcalloc(1, sizeof *f->columns);
	f->ncolumns = 1;
	f->columns[0] = cx_xstrdup(v->text);
	return 0;
}

static int fields(struct load *l, const cx_ynode *v, cx_mapping *m)
{
	if (v->kind != CX_Y_MAP)
		return fail(l, v, "expected a mapping for 'fields', found %s", cx_yaml_kind_name(v));
	if (v->n == 0)
		return fail(l, v, "empty 'fields': it needs at least one 'field: column' line");
	m->fields = cx_xcalloc(v->n, sizeof *m->fields);
	m->nfields = v->n;
	for (size_t i = 0; i < v->n; i++)
		if (field(l, v->item[2 * i], v->item[2 * i + 1], &m->fields[i]))
			return -1;
	return 0;
}

/* --- skip rules ---------------------------------------------------------- */

static int skip_test(struct load *l, const cx_ynode *k, const cx_ynode *v, cx_map_skip *s)
{
	if (strcmp(k->text, "in") == 0) {
		s->test = CX_MAP_IN;
		return text_list(l, k, v, false, true, &s->values, &s->nvalues);
	}
	if (strcmp(k->text, "empty") == 0) {
		if (v->kind != CX_Y_SCALAR)
			return fail(l, v, "expected a scalar for 'empty'%s, found %s", l->where,
				    cx_yaml_kind_name(v));
		if (strcmp(v->text, "true") == 0)
			s->test = CX_MAP_EMPTY;
		else if (strcmp(v->text, "false") == 0)
			s->test = CX_MAP_NOT_EMPTY;
		else
			return fail(l, v, "'empty'%s must be true or false, not '%.40s'", l->where,
				    v->text);
		return 0;
	}
	/* equals: and matches: hold one value.  equals: "" is allowed (it is
	 * empty: true by another name); an empty glob is surely a slip. */
	bool equals = strcmp(k->text, "equals") == 0;
	s->test = equals ? CX_MAP_EQUALS : CX_MAP_MATCHES;
	s->values = cx_xcalloc(1, sizeof *s->values);
	s->nvalues = 1;
	return text(l, k, v, equals, &s->values[0]);
}

static int skip_rule(struct load *l, size_t i, const cx_ynode *n, cx_map_skip *s)
{
	static const char *const tests[] = {"equals", "in", "empty", "matches", NULL};
	const cx_ynode *ck, *tk, *tv;
	s->pos = pos_of(n);
	snprintf(l->where, sizeof l->where, " in skip rule %zu", i + 1);
	if (n->kind != CX_Y_MAP)
		return fail(l, n, "expected a mapping for skip rule %zu, found %s", i + 1,
			    cx_yaml_kind_name(n));
	if (known_keys(l, n, skip_keys))
		return -1;
	const cx_ynode *cv = cx_yaml_get(n, "column", &ck);
	if (!cv)
		return fail(l, n, "missing 'column'%s", l->where);
	if (text(l, ck, cv, false, &s->column) ||
	    one_of(l, n, tests, "equals, in, empty or matches", &tk, &tv))
		return -1;
	if (!tk)
		return fail(l, n, "missing a test%s (one of equals, in, empty or matches)", l->where);
	return skip_test(l, tk, tv, s);
}

static int skips(struct load *l, const cx_ynode *v, cx_mapping *m)
{
	if (v->kind != CX_Y_SEQ)
		return fail(l, v, "expected a sequence for 'skip', found %s", cx_yaml_kind_name(v));
	if (v->n == 0)
		return 0;
	m->skips = cx_xcalloc(v->n, sizeof *m->skips);
	m->nskips = v->n;
	for (size_t i = 0; i < v->n; i++)
		if (skip_rule(l, i, v->item[i], &m->skips[i]))
			return -1;
	return 0;
}

/* --- the top level ------------------------------------------------------- */

/* A source names where rows came from in the store (and in file names made
 * from it), so it is kept to a safe, predictable alphabet. */
static int source(struct load *l, const cx_ynode *v, cx_mapping *m)
{
	if (v->kind != CX_Y_SCALAR)
		return fail(l, v, "expected a scalar for 'source', found %s", cx_yaml_kind_name(v));
	size_t n = strspn(v->text, "abcdefghijklmnopqrstuvwxyz0123456789._-");
	if (n == 0 || n > 64 || v->text[n])
		return fail(l, v,
			    "'source' must be 1 to 64 lowercase letters, digits, '.', '_' or '-', "
			    "not '%.40s'",
			    v->text);
	m->source_pos = pos_of(v);
	m->source = cx_xstrdup(v->text);
	return 0;
}

/* A tab may be written as the word or as the character itself ("\t"). */
static int delimiter(struct load *l, const cx_ynode *v, cx_mapping *m)
{
	if (v->kind != CX_Y_SCALAR)
		return fail(l, v, "expected a scalar for 'delimiter', found %s",
			    cx_yaml_kind_name(v));
	if (strcmp(v->text, ",") == 0 || strcmp(v->text, ";") == 0 || strcmp(v->text, "\t") == 0)
		m->delimiter = v->text[0];
	else if (strcmp(v->text, "tab") == 0)
		m->delimiter = '\t';
	else
		return fail(l, v, "unknown delimiter '%.40s' (known: ',', ';', tab)", v->text);
	return 0;
}

/* repeated: what a row with the same source_id as the row before means:
 * an error (the default: a key may appear once), or "skip" for exports
 * that write one row per line item of the same order. */
static int repeated(struct load *l, const cx_ynode *v, cx_mapping *m)
{
	if (v->kind != CX_Y_SCALAR)
		return fail(l, v, "expected a scalar for 'repeated', found %s", cx_yaml_kind_name(v));
	if (strcmp(v->text, "skip") == 0)
		m->repeated_skip = true;
	else if (strcmp(v->text, "error") != 0)
		return fail(l, v, "unknown value '%.40s' for 'repeated' (known: error, skip)", v->text);
	return 0;
}

/* json: records: the page's list of records; join: lists joined to
 * each record by a reference (Zendesk's users and groups, Freshdesk's
 * agents). */
static int json_join(struct load *l, const cx_ynode *k, const cx_ynode *v, cx_map_join *j)
{
	const cx_ynode *jk, *jv;
	j->name = cx_xstrdup(k->text);
	j->pos = pos_of(k);
	snprintf(l->where, sizeof l->where, " in join '%.40s'", k->text);
	if (v->kind != CX_Y_MAP)
		return fail(l, v, "expected a mapping for join '%.40s' (from:, key:, on:, files:), found %s", k->text,
			    cx_yaml_kind_name(v));
	if (known_keys(l, v, join_keys))
		return -1;
	if (!(jv = cx_yaml_get(v, "from", &jk)))
		return fail(l, v, "missing 'from'%s (the list to join)", l->where);
	if (text(l, jk, jv, false, &j->from))
		return -1;
	if (!(jv = cx_yaml_get(v, "key", &jk)))
		return fail(l, v, "missing 'key'%s (the record's field that refers to it)", l->where);
	if (text(l, jk, jv, false, &j->key))
		return -1;
	if ((jv = cx_yaml_get(v, "on", &jk)) && text(l, jk, jv, false, &j->on))
		return -1;
	if (!j->on)
		j->on = cx_xstrdup("id");
	if ((jv = cx_yaml_get(v, "files", &jk)) && text(l, jk, jv, false, &j->files))
		return -1;
	if (strchr(j->name, '.'))
		return fail(l, k, "a join's name may not hold '.': it is the first part of a path");
	l->where[0] = '\0';
	return 0;
}

static int json_block(struct load *l, const cx_ynode *v, cx_mapping *m)
{
	const cx_ynode *k, *jv;
	m->json = true;
	m->json_pos = pos_of(v);
	if (v->kind == CX_Y_SCALAR && (strcmp(v->text, "true") == 0 || strcmp(v->text, "yes") == 0))
		return 0;
	if (v->kind != CX_Y_MAP)
		return fail(l, v, "expected a mapping for 'json' (records:, join:) or true, found %s",
			    cx_yaml_kind_name(v));
	if (known_keys(l, v, json_keys))
		return -1;
	if ((jv = cx_yaml_get(v, "records", &k)) && text(l, k, jv, false, &m->records))
		return -1;
	if (!(jv = cx_yaml_get(v, "join", &k)))
		return 0;
	if (jv->kind != CX_Y_MAP)
		return fail(l, jv, "expected a mapping for 'join', found %s", cx_yaml_kind_name(jv));
	m->joins = cx_xcalloc(jv->n ? jv->n : 1, sizeof *m->joins);
	for (size_t i = 0; i < jv->n; i++) {
		m->njoins++;
		if (json_join(l, jv->item[2 * i], jv->item[2 * i + 1], &m->joins[i]))
			return -1;
	}
	return 0;
}

/* An optional scalar of the top level into *out (and its position). */
static int top_text(struct load *l, const cx_ynode *root, const char *key, char **out,
		    cx_map_pos *pos)
{
	const cx_ynode *k, *v = cx_yaml_get(root, key, &k);
	if (!v)
		return 0;
	if (pos)
		*pos = pos_of(v);
	return text(l, k, v, false, out);
}

static int top(struct load *l, const cx_ynode *root, cx_mapping *m)
{
	const cx_ynode *k, *v;
	if (!root)
		return cx_fail(l->err, CX_EXIT_RUNTIME,
			       "%s:1:1: empty mapping: it needs table: and fields:", l->path);
	if (root->kind != CX_Y_MAP)
		return fail(l, root, "expected a mapping at the top level, found %s",
			    cx_yaml_kind_name(root));
	if (known_keys(l, root, top_keys))
		return -1;
	if (!cx_yaml_get(root, "table", &k))
		return fail(l, root, "missing 'table' (the cxtop table to import into)");
	if (!cx_yaml_get(root, "fields", &k))
		return fail(l, root, "missing 'fields' (which column feeds which field)");
	if (top_text(l, root, "table", &m->table, &m->table_pos))
		return -1;
	if ((v = cx_yaml_get(root, "source", &k)) && source(l, v, m))
		return -1;
	if ((v = cx_yaml_get(root, "delimiter", &k)) && delimiter(l, v, m))
		return -1;
	if (top_text(l, root, "encoding", &m->encoding, NULL) ||
	    top_text(l, root, "timezone", &m->timezone, &m->timezone_pos) ||
	    formats(l, root, &m->formats, &m->nformats, &m->formats_pos))
		return -1;
	if ((v = cx_yaml_get(root, "skip", &k)) && skips(l, v, m))
		return -1;
	if ((v = cx_yaml_get(root, "repeated", &k)) && repeated(l, v, m))
		return -1;
	if ((v = cx_yaml_get(root, "json", &k)) && json_block(l, v, m))
		return -1;
	return fields(l, cx_yaml_get(root, "fields", &k), m);
}

/* --- loading ------------------------------------------------------------- */

/* The whole file into *out, all or nothing. */
static int load(const char *path, const cx_ynode *root, void *out, cx_error *err)
{
	struct load l = {.path = path, .err = err};
	cx_mapping *m = out;
	m->path = cx_xstrdup(path);
	int rc = top(&l, root, m);
	if (rc != 0)
		cx_mapping_free(m);
	return rc;
}

int cx_mapping_load(const char *path, cx_mapping *out, cx_error *err)
{
	memset(out, 0, sizeof *out);
	return cx_yaml_load(path, NULL, 0, "mapping", load, out, err);
}

int cx_mapping_load_mem(const char *path, const char *text, size_t len, cx_mapping *out, cx_error *err)
{
	memset(out, 0, sizeof *out);
	return cx_yaml_load(path, text ? text : "", len, "mapping", load, out, err);
}

static void free_strings(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static void free_field(cx_map_field *f)
{
	free(f->name);
	free_strings(f->columns, f->ncolumns);
	free(f->join);
	free(f->value);
	free(f->split);
	free_strings(f->formats, f->nformats);
	free(f->after);
	for (size_t i = 0; i < f->nmap; i++) {
		free(f->map[i].from);
		free(f->map[i].to);
	}
	free(f->map);
	free(f->otherwise);
	free(f->dflt);
}

void cx_mapping_free(cx_mapping *m)
{
	if (!m)
		return;
	free(m->path);
	free(m->table);
	free(m->source);
	free(m->encoding);
	free(m->timezone);
	free_strings(m->formats, m->nformats);
	for (size_t i = 0; i < m->nfields; i++)
		free_field(&m->fields[i]);
	free(m->fields);
	for (size_t i = 0; i < m->nskips; i++) {
		free(m->skips[i].column);
		free_strings(m->skips[i].values, m->skips[i].nvalues);
	}
	free(m->skips);
	free(m->records);
	for (size_t i = 0; i < m->njoins; i++) {
		free(m->joins[i].name);
		free(m->joins[i].from);
		free(m->joins[i].key);
		free(m->joins[i].on);
		free(m->joins[i].files);
	}
	free(m->joins);
	memset(m, 0, sizeof *m);
}
