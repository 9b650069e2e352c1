/* keys.c — the key table: which key makes which request.  Everything that
 * lists keys (the `?` help, the status-line hints, the man page through its
 * test) reads it from here. */
#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "keys.h"

#define CX_REQ_INFO(name, global, what) {global, what},
static const struct {
	bool global;
	const char *what;
} req_info[CX_REQ_COUNT] = {CX_REQ_LIST(CX_REQ_INFO)};
#undef CX_REQ_INFO

/* A key whose name is NULL is another code for the key named just before
 * it (terminals send Backspace and Enter in more than one way). */
const struct cx_key cx_keys[] = {
	{'1', '8', "1-8", CX_REQ_VIEW},
	{'\t', '\t', "Tab", CX_REQ_NEXT_VIEW},
	{KEY_BTAB, KEY_BTAB, "Shift-Tab", CX_REQ_PREV_VIEW},
	{27, 27, "Esc", CX_REQ_BACK},
	{KEY_BACKSPACE, KEY_BACKSPACE, "Backspace", CX_REQ_BACK},
	{127, 127, NULL, CX_REQ_BACK},
	{8, 8, NULL, CX_REQ_BACK},
	{'h', 'h', "h", CX_REQ_BACK},
	{'q', 'q', "q", CX_REQ_QUIT},
	{3, 3, "Ctrl-C", CX_REQ_QUIT_NOW},
	{'?', '?', "?", CX_REQ_HELP},
	{KEY_F(1), KEY_F(1), "F1", CX_REQ_HELP},
	{'[', '[', "[", CX_REQ_PERIOD_PREV},
	{']', ']', "]", CX_REQ_PERIOD_NEXT},
	{'L', 'L', "L", CX_REQ_PERIOD_LATEST},
	{KEY_HOME, KEY_HOME, "Home", CX_REQ_PERIOD_LATEST},
	{'p', 'p', "p", CX_REQ_PERIOD_LENGTH},
	{'t', 't', "t", CX_REQ_THEME},
	{'H', 'H', "H", CX_REQ_HOURS},
	{'u', 'u', "u", CX_REQ_UNDO},
	{12, 12, "Ctrl-L", CX_REQ_REDRAW},
	{'j', 'j', "j", CX_REQ_DOWN},
	{KEY_DOWN, KEY_DOWN, "Down", CX_REQ_DOWN},
	{'k', 'k', "k", CX_REQ_UP},
	{KEY_UP, KEY_UP, "Up", CX_REQ_UP},
	{KEY_NPAGE, KEY_NPAGE, "PgDn", CX_REQ_PAGE_DOWN},
	{' ', ' ', "Space", CX_REQ_PAGE_DOWN},
	{KEY_PPAGE, KEY_PPAGE, "PgUp", CX_REQ_PAGE_UP},
	{'g', 'g', "g", CX_REQ_FIRST},
	{'G', 'G', "G", CX_REQ_LAST},
	{KEY_END, KEY_END, "End", CX_REQ_LAST},
	{KEY_LEFT, KEY_LEFT, "Left", CX_REQ_LEFT},
	{KEY_RIGHT, KEY_RIGHT, "Right", CX_REQ_RIGHT},
	{'l', 'l', "l", CX_REQ_RIGHT},
	{'<', '<', "<", CX_REQ_SORT_PREV},
	{KEY_SLEFT, KEY_SLEFT, "Shift-Left", CX_REQ_SORT_PREV},
	{'>', '>', ">", CX_REQ_SORT_NEXT},
	{KEY_SRIGHT, KEY_SRIGHT, "Shift-Right", CX_REQ_SORT_NEXT},
	{'s', 's', "s", CX_REQ_SORT_FLIP},
	{'S', 'S', "S", CX_REQ_SORT_FLIP},
	{'/', '/', "/", CX_REQ_SEARCH},
	{'f', 'f', "f", CX_REQ_FILTER},
	{'c', 'c', "c", CX_REQ_CHANNEL},
	{'w', 'w', "w", CX_REQ_WATCHLIST},
	{'\n', '\n', "Enter", CX_REQ_OPEN},
	{KEY_ENTER, KEY_ENTER, NULL, CX_REQ_OPEN},
	{'e', 'e', "e", CX_REQ_EDIT},
	{'a', 'a', "a", CX_REQ_ADD},
	{'D', 'D', "D", CX_REQ_ARCHIVE},
	{'A', 'A', "A", CX_REQ_AUDIT},
	{'r', 'r', "r", CX_REQ_RESET},
};
const size_t cx_nkeys = sizeof cx_keys / sizeof cx_keys[0];

enum cx_req cx_key_request(int ch, int *arg)
{
	for (size_t i = 0; i < cx_nkeys; i++)
		if (ch >= cx_keys[i].first && ch <= cx_keys[i].last) {
			if (arg)
				*arg = ch - cx_keys[i].first;
			return cx_keys[i].req;
		}
	return CX_REQ_NONE;
}

bool cx_req_global(enum cx_req req)
{
	return req > CX_REQ_NONE && req < CX_REQ_COUNT && req_info[req].global;
}

const char *cx_req_what(enum cx_req req)
{
	return req < CX_REQ_COUNT ? req_info[req].what : "";
}

void cx_req_keys(enum cx_req req, char *buf, size_t len)
{
	size_t used = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < cx_nkeys; i++) {
		if (cx_keys[i].req != req || !cx_keys[i].name)
			continue;
		int w = snprintf(buf + used, len - used, "%s%s", used ? ", " : "", cx_keys[i].name);
		if (w < 0 || (size_t)w >= len - used)
			break;
		used += (size_t)w;
	}
}

int cx_help_lines(const char *view, const struct cx_req_use *uses,
		  void (*line)(void *ctx, const char *keys, const char *what), void *ctx)
{
	char keys[96];
	int n = 0;
	line(ctx, NULL, view);
	n++;
	for (int i = 0; uses && uses[i].req != CX_REQ_NONE; i++, n++) {
		cx_req_keys(uses[i].req, keys, sizeof keys);
		line(ctx, keys, uses[i].what ? uses[i].what : cx_req_what(uses[i].req));
	}
	line(ctx, NULL, "Everywhere");
	n++;
	for (int r = CX_REQ_NONE + 1; r < CX_REQ_COUNT; r++) {
		if (!req_info[r].global)
			continue;
		cx_req_keys((enum cx_req)r, keys, sizeof keys);
		line(ctx, keys, req_info[r].what);
		n++;
	}
	return n;
}
