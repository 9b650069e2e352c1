/* keymap.c — open addressing with linear probing; grows at half full. */
#include "keymap.h"

#include <stdlib.h>
#include <string.h>

#include "cxtop/xalloc.h"

static uint64_t hash_of(int64_t ikey, const char *skey)
{
	uint64_t h;
	if (skey) {
		h = 0xcbf29ce484222325ULL; /* FNV-1a */
		for (const unsigned char *p = (const unsigned char *)skey; *p; p++)
			h = (h ^ *p) * 0x100000001b3ULL;
	} else {
		h = (uint64_t)ikey * 0x9e3779b97f4a7c15ULL;
	}
	return h ^ (h >> 29);
}

static struct cx_keyslot *find(struct cx_keyslot *slots, size_t cap, int64_t ikey, const char *skey)
{
	size_t i = (size_t)hash_of(ikey, skey) & (cap - 1);
	while (slots[i].used) {
		struct cx_keyslot *s = &slots[i];
		if (skey ? s->skey && strcmp(s->skey, skey) == 0 : !s->skey && s->ikey == ikey)
			return s;
		i = (i + 1) & (cap - 1);
	}
	return &slots[i];
}

static void grow(cx_keymap *m)
{
	size_t cap = m->cap ? m->cap * 2 : 64;
	struct cx_keyslot *slots = cx_xcalloc(cap, sizeof *slots);
	for (size_t i = 0; i < m->cap; i++)
		if (m->slots[i].used)
			*find(slots, cap, m->slots[i].ikey, m->slots[i].skey) = m->slots[i];
	free(m->slots);
	m->slots = slots;
	m->cap = cap;
}

int *cx_keymap_at(cx_keymap *m, int64_t ikey, const char *skey)
{
	struct cx_keyslot *s = m->cap ? find(m->slots, m->cap, ikey, skey) : NULL;
	if (s && s->used)
		return &s->val;
	if ((m->n + 1) * 2 > m->cap) {
		grow(m);
		s = find(m->slots, m->cap, ikey, skey);
	}
	s->used = 1;
	s->ikey = ikey;
	s->skey = skey ? cx_xstrdup(skey) : NULL;
	s->val = -1;
	m->n++;
	return &s->val;
}

void cx_keymap_free(cx_keymap *m)
{
	for (size_t i = 0; i < m->cap; i++)
		free(m->slots[i].skey);
	free(m->slots);
	memset(m, 0, sizeof *m);
}
