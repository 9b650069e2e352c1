/* json.c — JSON exports (API pages) read as rows, so that the rest of the
 * import treats them like CSV files.
 *
 * Help desks' APIs return pages: an object holding a list of records
 * (Zendesk's {"tickets": [...], "users": [...], "after_cursor": ...}) or
 * a bare list (Freshdesk's [...]).  A job that saves each page to a file,
 * or appends each to one file a line at a time, feeds them all to one
 * import.  A mapping with a json: block says where the records are and
 * which other lists are joined to each record by a reference (a ticket's
 * assignee_id to the users list); its columns are then paths into a
 * record: "via.channel", "assignee.email" (through the join named
 * assignee), "tags" (a list, joined by spaces).
 *
 * Every file is read before any row is made, so that a page of users in
 * one file names the assignees of tickets in another.  Each file then
 * becomes rows (cx_csv_open_rows): a header of every path the mapping
 * reads, and one row per record, numbered from 1 in messages.
 */
#include <errno.h>
#include <fnmatch.h>
#include <inttypes.h>
#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cxtop/file.h"
#include "cxtop/xalloc.h"
#include "import_internal.h"

#define MAX_JSON_FILE (1024L * 1024 * 1024) /* a page file larger than this is refused */

struct keyed {
	char *key;
	json_t *obj;
	size_t page; /* the page it came in, counted over every file */
};

/* A join's list, found by the value of its `on` field. */
struct index {
	struct keyed *e;
	size_t n, cap;
};

struct cx_json_set {
	const cx_mapping *m;
	json_t **pages; /* every page of every file, kept for the records' sake */
	size_t npages, pages_cap;
	struct {
		json_t **rec;
		size_t *page; /* per record, the page it came in */
		size_t n, cap;
		char *name;
	} *files;
	size_t nfiles;
	struct index *joins; /* per join of the mapping */
	/* the paths the mapping reads: the header of every file's rows */
	char **paths;
	size_t npaths;
};

static void push(json_t ***v, size_t *n, size_t *cap, json_t *x)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		*v = cx_xreallocarray(*v, *cap, sizeof **v);
	}
	(*v)[(*n)++] = x;
}

/* A scalar as the text a CSV cell would hold; NULL for null and objects.
 * A list of scalars is joined by spaces (Zendesk's tags). */
static char *text_of(const json_t *v)
{
	char buf[64];
	if (!v)
		return NULL;
	switch (json_typeof(v)) {
	case JSON_STRING:
		return cx_xstrdup(json_string_value(v));
	case JSON_INTEGER:
		snprintf(buf, sizeof buf, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
		return cx_xstrdup(buf);
	case JSON_REAL:
		snprintf(buf, sizeof buf, "%.15g", json_real_value(v));
		return cx_xstrdup(buf);
	case JSON_TRUE:
		return cx_xstrdup("true");
	case JSON_FALSE:
		return cx_xstrdup("false");
	case JSON_ARRAY: {
		size_t len = 0, i;
		char *out = cx_xstrdup("");
		json_t *x;
		json_array_foreach(v, i, x) {
			char *t = json_is_array(x) || json_is_object(x) ? NULL : text_of(x);
			if (!t || !*t) {
				free(t);
				continue;
			}
			size_t tl = strlen(t);
			out = cx_xreallocarray(out, len + tl + 2, 1);
			if (len)
				out[len++] = ' ';
			memcpy(out + len, t, tl + 1);
			len += tl;
			free(t);
		}
		return out;
	}
	case JSON_OBJECT:
	case JSON_NULL:
		break;
	}
	return NULL;
}

static int by_key(const void *a, const void *b)
{
	return strcmp(((const struct keyed *)a)->key, ((const struct keyed *)b)->key);
}

/* Equal keys in the order of their pages, so that the last page's entry
 * is the last of its run. */
static int by_key_page(const void *a, const void *b)
{
	const struct keyed *x = a, *y = b;
	int c = strcmp(x->key, y->key);
	return c ? c : (x->page > y->page) - (x->page < y->page);
}

static void index_list(struct index *ix, const cx_map_join *j, json_t *list, size_t page)
{
	size_t i;
	json_t *o;
	json_array_foreach(list, i, o) {
		char *k = json_is_object(o) ? text_of(json_object_get(o, j->on)) : NULL;
		if (!k)
			continue;
		if (ix->n == ix->cap) {
			ix->cap = ix->cap ? ix->cap * 2 : 64;
			ix->e = cx_xreallocarray(ix->e, ix->cap, sizeof *ix->e);
		}
		ix->e[ix->n++] = (struct keyed){.key = k, .obj = o, .page = page};
	}
}

static const char *base_name(const char *path)
{
	const char *s = strrchr(path, '/');
	return s ? s + 1 : path;
}

/* One page: its records go to file f, the lists it carries to their
 * joins. */
/* A record of file f, from page number `page`. */
static void take_record(cx_json_set *s, size_t f, json_t *r, size_t page)
{
	size_t cap = s->files[f].cap;
	push(&s->files[f].rec, &s->files[f].n, &s->files[f].cap, r);
	if (s->files[f].cap != cap)
		s->files[f].page = cx_xreallocarray(s->files[f].page, s->files[f].cap, sizeof *s->files[f].page);
	s->files[f].page[s->files[f].n - 1] = page;
}

static void take_page(cx_json_set *s, size_t f, json_t *page)
{
	const cx_mapping *m = s->m;
	size_t no = s->npages;
	push(&s->pages, &s->npages, &s->pages_cap, page);
	if (json_is_array(page)) {
		/* A bare list: a joined list when the file is named as one. */
		for (size_t j = 0; j < m->njoins; j++)
			if (m->joins[j].files && fnmatch(m->joins[j].files, base_name(s->files[f].name), 0) == 0) {
				index_list(&s->joins[j], &m->joins[j], page, no);
				return;
			}
		size_t i;
		json_t *r;
		json_array_foreach(page, i, r) take_record(s, f, r, no);
		return;
	}
	for (size_t j = 0; j < m->njoins; j++) {
		json_t *list = json_object_get(page, m->joins[j].from);
		if (json_is_array(list))
			index_list(&s->joins[j], &m->joins[j], list, no);
	}
	if (!m->records) {
		take_record(s, f, page, no);
		return;
	}
	json_t *list = json_object_get(page, m->records);
	size_t i;
	json_t *r;
	json_array_foreach(list, i, r) take_record(s, f, r, no);
}

static char *slurp(const char *path, size_t *len, cx_error *err)
{
	const char *why = NULL;
	FILE *f = strcmp(path, "-") == 0 ? stdin : cx_fopen_regular(path, &why);
	if (!f) {
		cx_fail(err, CX_EXIT_RUNTIME, "cannot open '%s': %s", path, why);
		return NULL;
	}
	size_t cap = 1 << 16, n = 0;
	char *buf = cx_xmalloc(cap);
	size_t got;
	while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n > (size_t)MAX_JSON_FILE)
			break;
		if (n == cap) {
			cap *= 2;
			buf = cx_xreallocarray(buf, cap, 1);
		}
	}
	bool bad = ferror(f) != 0;
	if (f != stdin)
		fclose(f);
	if (bad || n > (size_t)MAX_JSON_FILE) {
		cx_fail(err, CX_EXIT_RUNTIME, bad ? "cannot read '%s'" : "'%s' is larger than 1 GiB", path);
		free(buf);
		return NULL;
	}
	*len = n;
	return buf;
}

/* One file: one JSON value, or several one after another (a page a line).
 * jansson takes only an object or a list as a whole value, which is what a
 * page is. */
static int read_file(cx_json_set *s, size_t f, const char *path, cx_error *err)
{
	size_t len, off = 0;
	char *buf = slurp(path, &len, err);
	if (!buf)
		return -1;
	if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0)
		off = 3;
	long line = 1;
	int ret = 0;
	for (;;) {
		while (off < len && strchr(" \t\r\n", buf[off])) {
			line += buf[off] == '\n';
			off++;
		}
		if (off == len)
			break;
		json_error_t je;
		json_t *page = json_loadb(buf + off, len - off, JSON_DISABLE_EOF_CHECK | JSON_REJECT_DUPLICATES, &je);
		if (!page) {
			ret = cx_fail(err, CX_EXIT_RUNTIME, "%s:%ld:%d: not JSON: %s", path, line + je.line - 1, je.column,
				      je.text);
			break;
		}
		for (size_t i = 0; i < (size_t)je.position; i++)
			line += buf[off + i] == '\n';
		off += (size_t)je.position;
		take_page(s, f, page);
	}
	free(buf);
	return ret;
}

static void add_path(cx_json_set *s, const char *p)
{
	for (size_t i = 0; i < s->npaths; i++)
		if (strcmp(s->paths[i], p) == 0)
			return;
	s->paths = cx_xreallocarray(s->paths, s->npaths + 1, sizeof *s->paths);
	s->paths[s->npaths++] = cx_xstrdup(p);
}

cx_json_set *cx_json_load(char *const *files, size_t nfiles, const cx_mapping *m, cx_error *err)
{
	cx_json_set *s = cx_xcalloc(1, sizeof *s);
	s->m = m;
	s->files = cx_xcalloc(nfiles ? nfiles : 1, sizeof *s->files);
	s->nfiles = nfiles;
	s->joins = cx_xcalloc(m->njoins ? m->njoins : 1, sizeof *s->joins);
	for (size_t i = 0; i < nfiles; i++) {
		s->files[i].name = cx_xstrdup(strcmp(files[i], "-") == 0 ? "stdin" : files[i]);
		if (read_file(s, i, files[i], err) < 0) {
			cx_json_free(s);
			return NULL;
		}
	}
	for (size_t j = 0; j < m->njoins; j++)
		if (s->joins[j].n)
			qsort(s->joins[j].e, s->joins[j].n, sizeof *s->joins[j].e, by_key_page);
	for (size_t i = 0; i < m->nfields; i++)
		for (size_t c = 0; c < m->fields[i].ncolumns; c++)
			add_path(s, m->fields[i].columns[c]);
	for (size_t i = 0; i < m->nskips; i++)
		add_path(s, m->skips[i].column);
	return s;
}

/* The value at path in record r, through a join when its first part names
 * one; NULL when there is none. */
/* Of the joined entries with r's key, the one from r's own page (the
 * same moment of the help desk: a ticket saved twice, new and then
 * solved, has a metric set in each page), else the last page's. */
static const struct keyed *join_hit(const struct index *ix, const char *key, size_t page)
{
	struct keyed want = {.key = (char *)key}, *hit = NULL;
	if (!key || !ix->n)
		return NULL;
	hit = bsearch(&want, ix->e, ix->n, sizeof want, by_key);
	if (!hit)
		return NULL;
	while (hit > ix->e && strcmp(hit[-1].key, key) == 0)
		hit--;
	const struct keyed *end = ix->e + ix->n, *pick = hit;
	for (const struct keyed *e = hit; e < end && strcmp(e->key, key) == 0; e++) {
		pick = e;
		if (e->page == page)
			break;
	}
	return pick;
}

static const json_t *at_path(const cx_json_set *s, const json_t *r, size_t page, const char *path)
{
	char part[256];
	const char *p = path;
	bool first = true;
	while (r && *p) {
		size_t n = strcspn(p, ".");
		if (n >= sizeof part)
			return NULL;
		memcpy(part, p, n);
		part[n] = '\0';
		p += n + (p[n] == '.');
		const json_t *next = NULL;
		if (first)
			for (size_t j = 0; j < s->m->njoins; j++) {
				const cx_map_join *jn = &s->m->joins[j];
				if (strcmp(jn->name, part) != 0)
					continue;
				char *k = text_of(json_object_get(r, jn->key));
				const struct keyed *hit = join_hit(&s->joins[j], k, page);
				free(k);
				if (!hit)
					return NULL;
				next = hit->obj;
				goto found;
			}
		next = json_is_object(r) ? json_object_get(r, part) : NULL;
	found:
		first = false;
		r = next;
	}
	return r;
}

cx_csv *cx_json_rows(cx_json_set *s, size_t f, cx_error *err)
{
	(void)err;
	size_t nrows = s->files[f].n + 1, nc = s->npaths;
	char **cells = cx_xcalloc(nrows * (nc ? nc : 1), sizeof *cells);
	long *lines = cx_xcalloc(nrows, sizeof *lines);
	for (size_t c = 0; c < nc; c++)
		cells[c] = cx_xstrdup(s->paths[c]);
	for (size_t r = 1; r < nrows; r++) {
		lines[r] = (long)r;
		for (size_t c = 0; c < nc; c++) {
			const json_t *v = at_path(s, s->files[f].rec[r - 1], s->files[f].page[r - 1], s->paths[c]);
			cells[r * nc + c] = v ? text_of(v) : NULL;
		}
	}
	return cx_csv_open_rows(s->files[f].name, nc, cells, nrows, lines);
}

void cx_json_free(cx_json_set *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->npages; i++)
		json_decref(s->pages[i]);
	free(s->pages);
	for (size_t i = 0; i < s->nfiles; i++) {
		free(s->files[i].rec);
		free(s->files[i].page);
		free(s->files[i].name);
	}
	free(s->files);
	for (size_t j = 0; j < s->m->njoins; j++) {
		for (size_t i = 0; i < s->joins[j].n; i++)
			free(s->joins[j].e[i].key);
		free(s->joins[j].e);
	}
	free(s->joins);
	for (size_t i = 0; i < s->npaths; i++)
		free(s->paths[i]);
	free(s->paths);
	free(s);
}
