/* file.c — regular files only: see file.h. */
#include "cxtop/file.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The words for what a path is when it is not a regular file (and errno
 * to match: EISDIR for a directory, else EINVAL). */
static const char *kind_of(mode_t m)
{
	if (!S_ISREG(m))
		errno = S_ISDIR(m) ? EISDIR : EINVAL;
	if (S_ISDIR(m))
		return strerror(EISDIR); /* "Is a directory", as open(2) would say */
	if (S_ISFIFO(m))
		return "is a FIFO, not a regular file";
	if (S_ISSOCK(m))
		return "is a socket, not a regular file";
	if (S_ISCHR(m) || S_ISBLK(m))
		return "is a device, not a regular file";
	return S_ISREG(m) ? NULL : "is not a regular file";
}

const char *cx_file_not_regular(const char *path)
{
	struct stat sb;
	if (stat(path, &sb) != 0)
		return strerror(errno);
	return kind_of(sb.st_mode);
}

int cx_open_regular(const char *path, const char **why)
{
	const char *no = cx_file_not_regular(path);
	if (no) {
		*why = no;
		return -1;
	}
	/* O_NONBLOCK: if a FIFO took the file's place since stat, open
	 * returns at once instead of waiting for a writer. */
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		*why = strerror(errno);
		return -1;
	}
	struct stat sb;
	int flags;
	if (fstat(fd, &sb) != 0 || (no = kind_of(sb.st_mode)) != NULL || (flags = fcntl(fd, F_GETFL)) < 0 ||
	    fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) < 0) {
		*why = no ? no : strerror(errno);
		close(fd);
		return -1;
	}
	return fd;
}

FILE *cx_fopen_regular(const char *path, const char **why)
{
	int fd = cx_open_regular(path, why);
	if (fd < 0)
		return NULL;
	FILE *f = fdopen(fd, "rb");
	if (!f) {
		*why = strerror(errno);
		close(fd);
	}
	return f;
}
