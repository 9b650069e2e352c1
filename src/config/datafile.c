/* datafile.c — where cxtop's YAML data files live: themes and import
 * presets, by name in the user's, the installation's and the working
 * directory's themes/ or presets/ folders, or by path. */
#include "cxtop/theme.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cxtop/config.h"
#include "cxtop/xalloc.h"
#include "files.h"

/* The Makefile sets it from DATADIR; a bare compile still works. */
#ifndef CX_DATADIR
#define CX_DATADIR "/usr/local/share/cxtop"
#endif

enum { MAX_DIRS = 3, DIR_LEN = 1024 };

/* The search path, first match wins: the user's own themes shadow the
 * installed ones, and ./themes lets a source checkout run uninstalled. */
static int data_dirs(const char *kind, char dirs[MAX_DIRS][DIR_LEN])
{
	char cfg[DIR_LEN];
	int n = 0;
	if (cx_config_dir(cfg, sizeof cfg)) {
		int w = snprintf(dirs[n], DIR_LEN, "%s/%s", cfg, kind);
		if (w > 0 && w < DIR_LEN)
			n++;
	}
	snprintf(dirs[n++], DIR_LEN, "%s/%s", CX_DATADIR, kind);
	snprintf(dirs[n++], DIR_LEN, "./%s", kind);
	return n;
}

char *cx_datafile_dirs(const char *kind, char *buf, size_t len)
{
	char dirs[MAX_DIRS][DIR_LEN];
	int n = data_dirs(kind, dirs);
	size_t used = 0;
	if (len)
		buf[0] = '\0';
	for (int i = 0; i < n && used < len; i++) {
		int w = snprintf(buf + used, len - used, "%s%s", i ? ", " : "", dirs[i]);
		used += w > 0 ? (size_t)w : 0;
	}
	return buf;
}

static bool ends_with_yaml(const char *s)
{
	size_t n = strlen(s);
	return n >= 5 && strcmp(s + n - 5, ".yaml") == 0;
}


bool cx_datafile_find(const char *kind, const char *name_or_path, char *buf, size_t len)
{
	if (len)
		buf[0] = '\0';
	if (!name_or_path || !*name_or_path || !len)
		return false;
	if (strchr(name_or_path, '/') || ends_with_yaml(name_or_path)) {
		/* A path given outright is taken if it is there at all: loading
		 * it then says why it cannot be read (a FIFO, a directory)
		 * rather than "not found". */
		struct stat sb;
		if (stat(name_or_path, &sb) != 0 || strlen(name_or_path) >= len)
			return false;
		strcpy(buf, name_or_path);
		return true;
	}
	char dirs[MAX_DIRS][DIR_LEN];
	int ndirs = data_dirs(kind, dirs);
	for (int i = 0; i < ndirs; i++) {
		char file[300];
		snprintf(file, sizeof file, "%s.yaml", name_or_path);
		if (cx_cfg_try_path(buf, len, dirs[i], file))
			return true;
	}
	buf[0] = '\0';
	return false;
}

typedef struct {
	char name[64];
} theme_name;

static int by_name(const void *a, const void *b)
{
	return strcmp(((const theme_name *)a)->name, ((const theme_name *)b)->name);
}

/* Appends the NAME of every readable NAME.yaml in dir. */
static void scan(const char *dir, theme_name **list, size_t *n)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	if (!d)
		return; /* a missing directory is simply an empty one */
	while ((de = readdir(d)) != NULL) {
		const char *f = de->d_name;
		size_t flen = strlen(f), dlen = strlen(dir);
		char path[DIR_LEN + 300];
		/* Hidden files are editor backups and the like; a name that does
		 * not fit the theme's name field cannot be listed. */
		if (f[0] == '.' || !ends_with_yaml(f) || flen - 5 >= sizeof (*list)->name ||
		    dlen + 1 + flen >= sizeof path)
			continue;
		memcpy(path, dir, dlen);
		path[dlen] = '/';
		memcpy(path + dlen + 1, f, flen + 1);
		if (!cx_cfg_is_file(path))
			continue;
		*list = cx_xreallocarray(*list, *n + 1, sizeof **list);
		memcpy((*list)[*n].name, f, flen - 5);
		(*list)[*n].name[flen - 5] = '\0';
		(*n)++;
	}
	closedir(d);
}

int cx_datafile_list(const char *kind, char names[][64], int max)
{
	char dirs[MAX_DIRS][DIR_LEN];
	int ndirs = data_dirs(kind, dirs), out = 0;
	theme_name *list = NULL;
	size_t n = 0;

	for (int i = 0; i < ndirs; i++)
		scan(dirs[i], &list, &n);
	if (n)
		qsort(list, n, sizeof *list, by_name);
	for (size_t i = 0; i < n && out < max; i++) {
		if (out > 0 && strcmp(names[out - 1], list[i].name) == 0)
			continue;
		strcpy(names[out++], list[i].name);
	}
	free(list);
	return out;
}

bool cx_theme_find(const char *name_or_path, char *buf, size_t len)
{
	return cx_datafile_find("themes", name_or_path, buf, len);
}

int cx_theme_list(char names[][64], int max)
{
	return cx_datafile_list("themes", names, max);
}
