/* file.h — opening the files cxtop reads (stores, YAML settings, imports)
 * only when they are regular files: a FIFO would block the open or the
 * first read forever, a device or a socket is never what was meant. */
#ifndef CXTOP_FILE_H
#define CXTOP_FILE_H

#include <stdio.h>

/* Why path cannot be read as a regular file ("is a FIFO, not a regular
 * file", "No such file or directory"), or NULL when it can.  Looks with
 * stat(2) only: nothing is opened, so nothing can block. */
const char *cx_file_not_regular(const char *path);

/* Opens path read-only when it is a regular file: checked with stat(2)
 * first, then opened without blocking and checked again on the open
 * descriptor (a FIFO swapped in between is still refused).  Returns the
 * descriptor (close-on-exec, in blocking mode again), or -1 with *why set
 * as above. */
int cx_open_regular(const char *path, const char **why);

/* The same as a stdio stream ("rb"); NULL with *why set. */
FILE *cx_fopen_regular(const char *path, const char **why);

#endif
