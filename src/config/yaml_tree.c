/* yaml_tree.c — builds a cx_ynode tree from libyaml's event stream.
 *
 * The event API (not yaml_parser_load) because we want our own rules on top
 * of YAML's: duplicate keys are an error (libyaml keeps both silently),
 * aliases are refused (a theme has no use for them and a "billion laughs"
 * file should not cost memory), and nesting is capped so a hostile file
 * cannot exhaust the stack. */
#include "yaml_tree.h"

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "cxtop/file.h"
#include "cxtop/xalloc.h"

/* Deeper than any cxtop file needs (themes use 3 levels). */
#define MAX_DEPTH 32

struct reader {
	yaml_parser_t parser;
	FILE *f;
	const char *path;
	cx_error *err;
};

static int fail_at(struct reader *r, yaml_mark_t m, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int fail_at(struct reader *r, yaml_mark_t m, const char *fmt, ...)
{
	char msg[400];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	return cx_fail(r->err, CX_EXIT_RUNTIME, "%s:%zu:%zu: %s", r->path, m.line + 1,
		       m.column + 1, msg);
}

/* libyaml reports an encoding error as a byte offset, and decodes the
 * whole buffer before the scanner moves, so parser.mark is useless there.
 * Re-reading the file up to the offset gives the line and column (counted
 * in characters, as libyaml counts them); a character cut short by the bad
 * byte is reported where it starts.  Unseekable input keeps mark. */
static yaml_mark_t offset_mark(FILE *f, size_t offset, yaml_mark_t mark)
{
	yaml_mark_t m = {0};
	size_t lead_col = 0;
	int pending = 0; /* continuation bytes the last lead byte still wants */
	if (fseek(f, 0, SEEK_SET) != 0)
		return mark;
	for (size_t i = 0; i < offset; i++) {
		int c = getc(f);
		if (c == EOF)
			break;
		if (c == '\n') {
			m.line++;
			m.column = 0;
			pending = 0;
		} else if ((c & 0xC0) == 0x80) {
			if (pending)
				pending--;
		} else {
			lead_col = m.column++;
			pending = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
		}
	}
	if (pending)
		m.column = lead_col;
	return m;
}

/* libyaml's own words, at libyaml's problem_mark, plus where the construct
 * it was reading began: for an unclosed quote the problem is at the end of
 * the file, and the opening quote is what the user needs to find. */
static int syntax_error(struct reader *r)
{
	yaml_parser_t *p = &r->parser;
	const char *problem = p->problem ? p->problem : "invalid YAML";
	yaml_mark_t at = p->problem_mark;
	if (p->error == YAML_MEMORY_ERROR)
		return fail_at(r, p->mark, "out of memory");
	if (p->error == YAML_READER_ERROR)
		at = offset_mark(r->f, p->problem_offset, p->mark);
	if (p->context)
		return fail_at(r, at, "syntax error: %s (%s started at %zu:%zu)", problem,
			       p->context, p->context_mark.line + 1, p->context_mark.column + 1);
	return fail_at(r, at, "syntax error: %s", problem);
}

static int next(struct reader *r, yaml_event_t *ev)
{
	if (yaml_parser_parse(&r->parser, ev))
		return 0;
	return syntax_error(r);
}

static cx_ynode *new_node(enum cx_ykind kind, yaml_mark_t m)
{
	cx_ynode *n = cx_xcalloc(1, sizeof *n);
	n->kind = kind;
	n->line = (int)m.line + 1;
	n->column = (int)m.column + 1;
	return n;
}

static const char *event_kind_name(const yaml_event_t *ev)
{
	switch (ev->type) {
	case YAML_SEQUENCE_START_EVENT:
		return "a sequence";
	case YAML_MAPPING_START_EVENT:
		return "a mapping";
	case YAML_ALIAS_EVENT:
		return "an alias";
	default:
		return "a scalar";
	}
}

static int build(struct reader *r, yaml_event_t *ev, cx_ynode **slot, int depth);

/* Reads the entries of the collection n up to its end event. */
static int build_items(struct reader *r, cx_ynode *n, int depth)
{
	bool map = n->kind == CX_Y_MAP;
	yaml_event_t ev;
	for (;;) {
		if (next(r, &ev))
			return -1;
		if (ev.type == YAML_SEQUENCE_END_EVENT || ev.type == YAML_MAPPING_END_EVENT) {
			yaml_event_delete(&ev);
			return 0;
		}
		if (!map) {
			n->item = cx_xreallocarray(n->item, n->n + 1, sizeof *n->item);
			n->item[n->n] = NULL;
			n->n++;
			if (build(r, &ev, &n->item[n->n - 1], depth + 1))
				return -1;
			continue;
		}
		/* A key.  Both slots exist (NULL) before either is filled, so
		 * cx_yaml_free copes with a pair cut short by an error. */
		if (ev.type != YAML_SCALAR_EVENT && ev.type != YAML_ALIAS_EVENT) {
			int rc = fail_at(r, ev.start_mark, "a key must be a scalar, not %s",
					 event_kind_name(&ev));
			yaml_event_delete(&ev);
			return rc;
		}
		n->item = cx_xreallocarray(n->item, 2 * (n->n + 1), sizeof *n->item);
		n->item[2 * n->n] = n->item[2 * n->n + 1] = NULL;
		n->n++;
		cx_ynode **key = &n->item[2 * (n->n - 1)];
		if (build(r, &ev, key, depth + 1))
			return -1;
		for (size_t i = 0; i + 1 < n->n; i++)
			if (strcmp(n->item[2 * i]->text, (*key)->text) == 0)
				return cx_yaml_fail(r->err, r->path, *key,
						    "duplicate key '%.60s' (first at %d:%d)",
						    (*key)->text, n->item[2 * i]->line,
						    n->item[2 * i]->column);
		if (next(r, &ev))
			return -1;
		if (build(r, &ev, key + 1, depth + 1))
			return -1;
	}
}

/* Builds the node that ev starts into *slot; takes ownership of ev.  The
 * node is linked into the tree before its children are read, so on error
 * the caller frees everything read so far by freeing the root. */
static int build(struct reader *r, yaml_event_t *ev, cx_ynode **slot, int depth)
{
	int rc = 0;
	switch (ev->type) {
	case YAML_SCALAR_EVENT: {
		const char *v = (const char *)ev->data.scalar.value;
		size_t len = ev->data.scalar.length;
		if (memchr(v, '\0', len)) {
			rc = fail_at(r, ev->start_mark, "text contains a NUL character");
			break;
		}
		cx_ynode *n = new_node(CX_Y_SCALAR, ev->start_mark);
		*slot = n;
		n->end_line = (int)ev->end_mark.line + 1;
		n->end_column = (int)ev->end_mark.column + 1;
		n->text = cx_xmalloc(len + 1);
		memcpy(n->text, v, len);
		n->text[len] = '\0';
		break;
	}
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT: {
		if (depth >= MAX_DEPTH) {
			rc = fail_at(r, ev->start_mark, "nested too deeply");
			break;
		}
		cx_ynode *n = new_node(ev->type == YAML_MAPPING_START_EVENT ? CX_Y_MAP : CX_Y_SEQ,
				       ev->start_mark);
		*slot = n;
		n->flow = ev->type == YAML_MAPPING_START_EVENT
				  ? ev->data.mapping_start.style == YAML_FLOW_MAPPING_STYLE
				  : ev->data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE;
		yaml_event_delete(ev);
		return build_items(r, n, depth);
	}
	case YAML_ALIAS_EVENT:
		rc = fail_at(r, ev->start_mark, "aliases (*%.60s) are not supported",
			     (const char *)ev->data.alias.anchor);
		break;
	default:
		/* libyaml's grammar rules this out; say so rather than crash. */
		rc = fail_at(r, ev->start_mark, "unexpected YAML structure");
		break;
	}
	yaml_event_delete(ev);
	return rc;
}

static int read_stream(struct reader *r, cx_ynode **root)
{
	yaml_event_t ev;
	if (next(r, &ev)) /* stream start */
		return -1;
	yaml_event_delete(&ev);
	if (next(r, &ev))
		return -1;
	if (ev.type == YAML_STREAM_END_EVENT) { /* nothing but blanks/comments */
		yaml_event_delete(&ev);
		return 0;
	}
	yaml_event_delete(&ev); /* document start */
	if (next(r, &ev) || build(r, &ev, root, 0))
		return -1;
	if (next(r, &ev)) /* document end */
		return -1;
	yaml_event_delete(&ev);
	if (next(r, &ev))
		return -1;
	if (ev.type == YAML_DOCUMENT_START_EVENT) {
		int rc = fail_at(r, ev.start_mark, "only one YAML document is allowed");
		yaml_event_delete(&ev);
		return rc;
	}
	yaml_event_delete(&ev); /* stream end */
	return 0;
}

FILE *cx_yaml_open(const char *path, const char *what, cx_error *err)
{
	/* Regular files only: fopen happily opens a directory (reading it
	 * fails later with an "input error" that helps nobody), and a FIFO
	 * would wait forever for a writer. */
	const char *why;
	FILE *f = cx_fopen_regular(path, &why);
	if (!f) {
		int e = errno; /* callers tell a missing file by ENOENT */
		cx_fail(err, CX_EXIT_RUNTIME, "cannot open %s '%s': %s", what, path, why);
		errno = e;
	}
	return f;
}

int cx_yaml_read(FILE *f, const char *path, cx_ynode **root, cx_error *err)
{
	struct reader r = {.f = f, .path = path, .err = err};
	*root = NULL;
	if (!yaml_parser_initialize(&r.parser))
		return cx_fail(err, CX_EXIT_RUNTIME, "%s: out of memory", path);
	yaml_parser_set_input_file(&r.parser, f);
	int rc = read_stream(&r, root);
	yaml_parser_delete(&r.parser);
	/* On error drop the partial tree; a bare "---" (one empty scalar) is a
	 * document with nothing in it, the same as an empty file. */
	if (rc != 0 || ((*root) && (*root)->kind == CX_Y_SCALAR && !(*root)->text[0])) {
		cx_yaml_free(*root);
		*root = NULL;
	}
	return rc;
}

void cx_yaml_free(cx_ynode *n)
{
	if (!n)
		return;
	size_t slots = n->kind == CX_Y_MAP ? 2 * n->n : n->n;
	for (size_t i = 0; i < slots; i++)
		cx_yaml_free(n->item[i]);
	free(n->item);
	free(n->text);
	free(n);
}

const char *cx_yaml_kind_name(const cx_ynode *n)
{
	switch (n->kind) {
	case CX_Y_SEQ:
		return "a sequence";
	case CX_Y_MAP:
		return "a mapping";
	default:
		return "a scalar";
	}
}

int cx_yaml_fail(cx_error *err, const char *path, const cx_ynode *n, const char *fmt, ...)
{
	char msg[400];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	return cx_fail(err, CX_EXIT_RUNTIME, "%s:%d:%d: %s", path, n->line, n->column, msg);
}

int cx_yaml_load(const char *path, const char *text, size_t len, const char *what,
		 int (*top)(const char *path, const cx_ynode *root, void *out, cx_error *err), void *out,
		 cx_error *err)
{
	FILE *f;
	if (text) {
		/* fmemopen may refuse a zero-length buffer; a one-byte blank
		 * reads the same as nothing at all. */
		static const char blank[] = "\n";
		if (len == 0) {
			text = blank;
			len = 1;
		}
		/* "r" never writes to the buffer, so casting const away is safe. */
		f = fmemopen((void *)(uintptr_t)text, len, "r");
		if (!f)
			return cx_fail(err, CX_EXIT_RUNTIME, "cannot read %s '%s': %s", what, path, strerror(errno));
	} else if (!(f = cx_yaml_open(path, what, err))) {
		return -1;
	}
	cx_ynode *root = NULL;
	int rc = cx_yaml_read(f, path, &root, err);
	fclose(f);
	if (rc == 0)
		rc = top(path, root, out, err);
	cx_yaml_free(root);
	return rc;
}

const cx_ynode *cx_yaml_get(const cx_ynode *n, const char *key, const cx_ynode **at)
{
	for (size_t i = 0; i < n->n; i++)
		if (strcmp(n->item[2 * i]->text, key) == 0) {
			if (at)
				*at = n->item[2 * i];
			return n->item[2 * i + 1];
		}
	if (at)
		*at = NULL;
	return NULL;
}

int cx_yaml_known_keys(cx_error *err, const char *path, const cx_ynode *n, const char *const *known,
		       const char *where)
{
	for (size_t i = 0; i < n->n; i++) {
		const cx_ynode *k = n->item[2 * i];
		size_t j = 0;
		while (known[j] && strcmp(known[j], k->text) != 0)
			j++;
		if (known[j])
			continue;
		char list[256];
		size_t len = 0;
		list[0] = '\0';
		for (j = 0; known[j] && len < sizeof list; j++)
			len += (size_t)snprintf(list + len, sizeof list - len, "%s%s", j ? ", " : "", known[j]);
		return cx_yaml_fail(err, path, k, "unknown key '%.60s'%s (known: %s)", k->text, where, list);
	}
	return 0;
}
