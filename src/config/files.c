/* files.c — the existence checks the theme and scoring-rule searches share. */
#include "files.h"

#include <stdio.h>
#include <sys/stat.h>

bool cx_cfg_is_file(const char *path)
{
	struct stat sb;
	return stat(path, &sb) == 0 && S_ISREG(sb.st_mode);
}

bool cx_cfg_try_path(char *buf, size_t len, const char *dir, const char *file)
{
	int w = snprintf(buf, len, "%s/%s", dir, file);
	return w > 0 && (size_t)w < len && cx_cfg_is_file(buf);
}
