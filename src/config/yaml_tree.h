/* yaml_tree.h — a YAML file as a small tree of nodes that remember where
 * they were written.  Private to src/config.
 *
 * theme.c and config.c walk this tree instead of libyaml's event stream, so
 * each can say "row.fg at 7:11 is wrong" without its own event loop, and
 * the rules every cxtop file shares (one document, no duplicate keys, no
 * aliases, syntax errors as path:line:column) live in one place. */
#ifndef CXTOP_YAML_TREE_H
#define CXTOP_YAML_TREE_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "cxtop/error.h"

enum cx_ykind { CX_Y_SCALAR, CX_Y_SEQ, CX_Y_MAP };

typedef struct cx_ynode cx_ynode;
struct cx_ynode {
	enum cx_ykind kind;
	int line, column; /* 1-based, where the node starts */
	/* CX_Y_SCALAR: 1-based, just past its last character (a closing
	 * quote included), for a writer that replaces it in place. */
	int end_line, end_column;
	bool flow;        /* CX_Y_MAP, CX_Y_SEQ: written in {} or [] */
	char *text;       /* CX_Y_SCALAR: the value ("" for an empty one) */
	size_t n;         /* CX_Y_SEQ: items; CX_Y_MAP: key/value pairs */
	/* CX_Y_SEQ: item[i].  CX_Y_MAP: key item[2*i] (always a scalar, no two
	 * alike), value item[2*i + 1]. */
	cx_ynode **item;
};

/* Opens path for reading.  On failure (a directory counts) fills err with
 * "cannot open WHAT 'path': reason" and returns NULL with errno telling why,
 * so a caller can treat ENOENT as "no file, use the defaults". */
FILE *cx_yaml_open(const char *path, const char *what, cx_error *err);

/* The value under key in the mapping n, or NULL; *at (unless NULL) gets
 * the key node, where a message about the key itself belongs. */
const cx_ynode *cx_yaml_get(const cx_ynode *n, const char *key, const cx_ynode **at);

/* Refuses the first key of mapping n that is not among known
 * (NULL-terminated): "path:line:column: unknown key 'x'WHERE (known: a,
 * b)", listing the right spellings, since a typo is the likeliest cause.
 * 0 when every key is known. */
int cx_yaml_known_keys(cx_error *err, const char *path, const cx_ynode *n, const char *const *known,
		       const char *where);

/* Reads the file at path (or, when text is not NULL, the len bytes of
 * text, named path in messages) as one YAML document and hands its root
 * (NULL for an empty one) to top, which fills out.  What a file is called
 * in "cannot open WHAT 'path'" is what.  Returns top's result, or -1 with
 * err filled when the file cannot be read or is not YAML; the tree is
 * freed either way. */
int cx_yaml_load(const char *path, const char *text, size_t len, const char *what,
		 int (*top)(const char *path, const cx_ynode *root, void *out, cx_error *err), void *out,
		 cx_error *err);

/* Reads the single YAML document in f (path is only for messages).  *root
 * is NULL for a file with no content (empty, only comments, or a bare
 * "---").  On error fills err with "path:line:column: message", leaves
 * *root NULL and returns -1.  Does not close f. */
int cx_yaml_read(FILE *f, const char *path, cx_ynode **root, cx_error *err);

void cx_yaml_free(cx_ynode *n);

/* "a scalar", "a sequence", "a mapping": for "expected X, found Y". */
const char *cx_yaml_kind_name(const cx_ynode *n);

/* Fills err with "path:line:column: <fmt...>" at node n; returns -1. */
int cx_yaml_fail(cx_error *err, const char *path, const cx_ynode *n, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

#endif
