/* config_write.c — a choice made in the UI (the theme) remembered in the
 * user's config file, without losing anything else written there.
 *
 * The file is the user's: it may hold comments, blank lines, other
 * settings in any order, quotes.  So it is edited as text, not written
 * out again from the settings: the theme's value is replaced where it is
 * written (found by the YAML reader, which knows where each value starts
 * and ends), or a line is added at the end.  The new text must read back
 * as the same settings with the new theme, or nothing is written.  It is
 * written to a temporary file beside the config file, flushed to disk,
 * then renamed over it: at every moment the file is the old one or the
 * new one, never half of each. */
#include "cxtop/config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cxtop/file.h"
#include "cxtop/xalloc.h"
#include "yaml_tree.h"

/* Far beyond any config file: a bigger one is not ours to rewrite. */
#define CONFIG_MAX (1 << 20)

/* Where the theme is written, as the YAML reader found it. */
struct place {
	bool mapping;  /* the file holds settings (not empty) */
	bool flow;     /* ... written as {db: x, theme: y} */
	int indent;    /* the columns before its keys */
	bool has;      /* a theme is set */
	int line, column, end_line, end_column;
	char value[256];
};

static int find_theme(const char *path, const cx_ynode *root, void *out, cx_error *err)
{
	struct place *p = out;
	if (!root || root->kind != CX_Y_MAP)
		return 0;
	p->mapping = true;
	p->flow = root->flow;
	p->indent = root->n ? root->item[0]->column - 1 : 0;
	const cx_ynode *v = cx_yaml_get(root, "theme", NULL);
	if (v && v->kind == CX_Y_SCALAR) {
		p->has = true;
		p->line = v->line;
		p->column = v->column;
		p->end_line = v->end_line;
		p->end_column = v->end_column;
		snprintf(p->value, sizeof p->value, "%s", v->text);
	}
	return 0;
}

/* The byte of text at line and column (1-based, columns counted in
 * characters, as the YAML reader counts them); -1 when there is none. */
static long offset_of(const char *text, size_t len, int line, int column)
{
	size_t i = 0;
	for (int l = 1; l < line; l++) {
		const char *nl = memchr(text + i, '\n', len - i);
		if (!nl)
			return -1;
		i = (size_t)(nl - text) + 1;
	}
	for (int c = 1; c < column; c++) {
		if (i >= len || text[i] == '\n')
			return -1;
		i++;
		while (i < len && ((unsigned char)text[i] & 0xC0) == 0x80)
			i++;
	}
	return (long)i;
}

/* theme as a YAML scalar: plain when that reads back as itself, else in
 * double quotes.  False for a name no file could hold sensibly. */
static bool scalar_of(const char *theme, char *buf, size_t len)
{
	bool plain = theme[0] != '\0';
	for (const char *c = theme; *c; c++) {
		if ((unsigned char)*c < 0x20 || *c == 0x7f)
			return false;
		if (!(*c >= 'a' && *c <= 'z') && !(*c >= 'A' && *c <= 'Z') && !(*c >= '0' && *c <= '9') &&
		    !(c > theme && (*c == '-' || *c == '_' || *c == '.')))
			plain = false;
	}
	if (plain)
		return (size_t)snprintf(buf, len, "%s", theme) < len;
	size_t o = 0;
	buf[o++] = '"';
	for (const char *c = theme; *c; c++) {
		if (o + 3 >= len)
			return false;
		if (*c == '"' || *c == '\\')
			buf[o++] = '\\';
		buf[o++] = *c;
	}
	buf[o++] = '"';
	buf[o] = '\0';
	return true;
}

static bool same_settings(const cx_config *a, const cx_config *b)
{
	return a->has_db == b->has_db && strcmp(a->db, b->db) == 0 && a->refresh_ms == b->refresh_ms;
}

/* The new text of the file: the theme replaced or added. */
static char *edited(const char *path, const char *text, size_t len, const char *theme, size_t *out_len,
		    cx_error *err)
{
	struct place p = {0};
	if (cx_yaml_load(path, text, len, "config file", find_theme, &p, err) != 0)
		return NULL;
	char value[600];
	if (!scalar_of(theme, value, sizeof value)) {
		cx_fail(err, CX_EXIT_RUNTIME, "the theme's name '%.60s' cannot be written in a config file", theme);
		return NULL;
	}
	const char *nl = strstr(text, "\r\n") ? "\r\n" : "\n";
	char *out = cx_xmalloc(len + strlen(value) + 64 + (size_t)p.indent);
	size_t o = 0;
	if (p.has) {
		long from = offset_of(text, len, p.line, p.column), to = offset_of(text, len, p.end_line, p.end_column);
		/* Only a value on one line, found where the reader said (its own
		 * text there, or quotes around it): anything else is not
		 * replaced by guesswork. */
		bool quoted = from >= 0 && to > from + 1 && (text[from] == '"' || text[from] == '\'') &&
			      text[to - 1] == text[from];
		if (p.line != p.end_line || from < 0 || to <= from ||
		    (!quoted && ((size_t)(to - from) != strlen(p.value) || memcmp(text + from, p.value, strlen(p.value)) != 0))) {
			free(out);
			cx_fail(err, CX_EXIT_RUNTIME, "its theme is not written on one line as cxtop can replace it");
			return NULL;
		}
		memcpy(out, text, (size_t)from);
		o = (size_t)from;
		o += (size_t)sprintf(out + o, "%s", value);
		memcpy(out + o, text + to, len - (size_t)to);
		o += len - (size_t)to;
	} else {
		if (p.flow) {
			free(out);
			cx_fail(err, CX_EXIT_RUNTIME, "its settings are written in braces, where cxtop cannot add a line");
			return NULL;
		}
		memcpy(out, text, len);
		o = len;
		if (o && out[o - 1] != '\n')
			o += (size_t)sprintf(out + o, "%s", nl);
		o += (size_t)sprintf(out + o, "%*stheme: %s%s", p.indent, "", value, nl);
	}
	out[o] = '\0';
	*out_len = o;
	return out;
}

/* mkdir -p for the directory part of path (the file's own folder and
 * those above it), private to the user as the XDG spec asks. */
static int make_dirs(const char *path, cx_error *err)
{
	char dir[PATH_MAX];
	if (snprintf(dir, sizeof dir, "%s", path) >= (int)sizeof dir)
		return cx_fail(err, CX_EXIT_RUNTIME, "its path is too long");
	char *slash = strrchr(dir, '/');
	if (!slash || slash == dir)
		return 0;
	*slash = '\0';
	for (char *p = dir + 1; ; p++) {
		if (*p == '/' || *p == '\0') {
			char c = *p;
			*p = '\0';
			if (mkdir(dir, 0700) != 0 && errno != EEXIST)
				return cx_fail(err, CX_EXIT_RUNTIME, "cannot make the folder '%s': %s", dir, strerror(errno));
			*p = c;
			if (!c)
				break;
		}
	}
	return 0;
}

/* Writes text to a new file beside target, then renames it over target. */
static int replace_file(const char *target, const char *text, size_t len, mode_t mode, cx_error *err)
{
	char tmp[PATH_MAX];
	const char *slash = strrchr(target, '/');
	int dl = slash ? (int)(slash - target) : 1;
	if (snprintf(tmp, sizeof tmp, "%.*s/.%s.XXXXXX", dl, slash ? target : ".", slash ? slash + 1 : target) >=
	    (int)sizeof tmp)
		return cx_fail(err, CX_EXIT_RUNTIME, "its path is too long");
	int fd = mkstemp(tmp);
	if (fd < 0)
		return cx_fail(err, CX_EXIT_RUNTIME, "cannot write in its folder: %s", strerror(errno));
	size_t done = 0;
	errno = 0;
	while (done < len) {
		ssize_t w = write(fd, text + done, len - done);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			break;
		done += (size_t)w;
	}
	int e = done < len ? (errno ? errno : EIO) : 0;
	if (!e && (fchmod(fd, mode) != 0 || fsync(fd) != 0))
		e = errno;
	if (close(fd) != 0 && !e)
		e = errno;
	if (!e && rename(tmp, target) != 0)
		e = errno;
	if (e) {
		unlink(tmp);
		return cx_fail(err, CX_EXIT_RUNTIME, "cannot write it: %s", strerror(e));
	}
	/* The rename itself on disk too. */
	char dir[PATH_MAX];
	snprintf(dir, sizeof dir, "%.*s", dl, slash ? target : ".");
	int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd >= 0) {
		fsync(dfd);
		close(dfd);
	}
	return 0;
}

/* Reads the whole file into *text (NUL-ended); *exists false and "" when
 * there is none. */
static int read_config(const char *path, char **text, size_t *len, bool *exists, mode_t *mode, cx_error *err)
{
	struct stat sb;
	*text = NULL;
	*len = 0;
	*exists = stat(path, &sb) == 0;
	if (!*exists) {
		if (errno != ENOENT)
			return cx_fail(err, CX_EXIT_RUNTIME, "cannot read it: %s", strerror(errno));
		*text = cx_xstrdup("");
		*mode = 0644;
		return 0;
	}
	const char *why;
	FILE *f = cx_fopen_regular(path, &why);
	if (!f)
		return cx_fail(err, CX_EXIT_RUNTIME, "cannot read it: %s", why);
	*mode = sb.st_mode & 07777;
	if (sb.st_size > CONFIG_MAX) {
		fclose(f);
		return cx_fail(err, CX_EXIT_RUNTIME, "it is larger than a config file can be");
	}
	*text = cx_xmalloc((size_t)sb.st_size + 1);
	*len = fread(*text, 1, (size_t)sb.st_size, f);
	bool bad = ferror(f) || getc(f) != EOF;
	fclose(f);
	(*text)[*len] = '\0';
	if (bad || memchr(*text, '\0', *len)) {
		free(*text);
		*text = NULL;
		return cx_fail(err, CX_EXIT_RUNTIME, "it changed while being read, or is not text");
	}
	return 0;
}

int cx_config_set_theme(const char *path, const char *theme, cx_error *err)
{
	cx_error why = {0};
	/* Messages name the file by its name: they end up on a status line,
	 * and where the config file lives is documented. */
	const char *name = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	char target[PATH_MAX];
	/* A config file kept elsewhere and linked here (dotfiles) is updated
	 * where it lives; the link stays. */
	if (!realpath(path, target)) {
		if (errno != ENOENT || snprintf(target, sizeof target, "%s", path) >= (int)sizeof target)
			return cx_fail(err, CX_EXIT_RUNTIME, "%s: %s", name, strerror(errno));
	}
	char *text = NULL, *out = NULL;
	size_t len = 0, out_len = 0;
	bool exists;
	mode_t mode = 0644;
	cx_config before, after;
	int rc = -1;
	if (read_config(target, &text, &len, &exists, &mode, &why) < 0)
		goto done;
	/* A file with a mistake is the user's to fix: not rewritten. */
	if (cx_config_load_mem(name, text, len, &before, &why) < 0)
		goto done;
	out = edited(name, text, len, theme, &out_len, &why);
	if (!out)
		goto done;
	if (cx_config_load_mem(name, out, out_len, &after, &why) < 0 || !after.has_theme ||
	    strcmp(after.theme, theme) != 0 || !same_settings(&before, &after)) {
		cx_fail(&why, CX_EXIT_RUNTIME, "the edited file would not read back as the same settings");
		goto done;
	}
	if ((!exists && make_dirs(target, &why) < 0) || replace_file(target, out, out_len, mode, &why) < 0)
		goto done;
	rc = 0;
done:
	free(text);
	free(out);
	size_t n = strlen(name);
	if (rc < 0 && strncmp(why.msg, name, n) == 0 && why.msg[n] == ':')
		cx_fail(err, CX_EXIT_RUNTIME, "%s", why.msg); /* "config.yaml:2:1: ..." */
	else if (rc < 0)
		cx_fail(err, CX_EXIT_RUNTIME, "%s: %s", name, why.msg);
	return rc;
}
