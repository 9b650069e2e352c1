/* main.c — cxtop's entry point: everything happens in cx_cli_main. */
#include "cxtop/cli.h"

int main(int argc, char **argv)
{
	return cx_cli_main(argc, argv);
}
