/* cli.h — the command line: option parsing and subcommand dispatch. */
#ifndef CXTOP_CLI_H
#define CXTOP_CLI_H

/* Runs cxtop as the command line asks; returns the process exit status. */
int cx_cli_main(int argc, char **argv);

#endif
