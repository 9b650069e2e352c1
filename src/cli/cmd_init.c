/* cmd_init.c — `cxtop init DB`: the only way a store file comes to be. */
#include <stdio.h>
#include <string.h>

#include "cli_internal.h"
#include "cxtop/format.h"
#include "cxtop/store.h"

int cx_cmd_init(int argc, char **argv)
{
	if (argc == 2 && (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0)) {
		printf("Usage: cxtop init DB\nCreates an empty store at schema version %d.\n", CX_SCHEMA_VERSION);
		return CX_EXIT_OK;
	}
	if (argc < 2)
		return cx_usage_error("%s: missing store path", "init");
	if (argv[1][0] == '-')
		return cx_usage_error("init: unknown option '%s'", argv[1]);
	if (argc > 2)
		return cx_usage_error("init: unexpected argument '%s'", argv[2]);

	cx_error err = {0};
	cx_store *st = cx_store_init(argv[1], &err);
	if (!st)
		return cx_report_error(&err);
	cx_store_close(st);
	char shown[512];
	printf("created %s (schema version %d)\n", cx_safe_text(shown, sizeof shown, argv[1]), CX_SCHEMA_VERSION);
	return CX_EXIT_OK;
}
