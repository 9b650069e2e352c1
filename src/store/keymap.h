/* keymap.h — private to src/store: a small hash map from an integer or a
 * string to an index, for grouping facts in C (ticket_kpis.c). */
#ifndef CXTOP_STORE_KEYMAP_H
#define CXTOP_STORE_KEYMAP_H

#include <stddef.h>
#include <stdint.h>

typedef struct cx_keymap {
	struct cx_keyslot {
		int64_t ikey;
		char *skey; /* owned; NULL for integer keys */
		int val;
		int used;
	} *slots;
	size_t cap, n;
} cx_keymap;

/* The value of an integer (skey NULL) or string key; a new key gets -1,
 * for the caller to set through the pointer.  Valid until a new key is
 * added (the map may grow then). */
int *cx_keymap_at(cx_keymap *m, int64_t ikey, const char *skey);
void cx_keymap_free(cx_keymap *m);

#endif
