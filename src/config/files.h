/* files.h — private to src/config: finding the files cxtop reads. */
#ifndef CXTOP_CONFIG_FILES_H
#define CXTOP_CONFIG_FILES_H

#include <stdbool.h>
#include <stddef.h>

/* A regular file (not a directory, not missing). */
bool cx_cfg_is_file(const char *path);
/* Writes dir/file into buf; true when it fits and is a regular file. */
bool cx_cfg_try_path(char *buf, size_t len, const char *dir, const char *file);

#endif
