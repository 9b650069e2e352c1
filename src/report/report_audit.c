/* report_audit.c — the audit trail: every edit made through cxtop, newest
 * first, one line per changed field. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cxtop/campaign.h"
#include "cxtop/format.h"
#include "cxtop/xalloc.h"
#include "report_internal.h"

/* The trail is short next to the tickets; this bounds a runaway one. */
#define AUDIT_LIMIT 100000

/* A store's name for a thing ("cost_per_contact") in words ("Cost per
 * contact"), for the names no table below has words for. */
static void words_of(const char *key, char *buf, size_t len)
{
	snprintf(buf, len, "%s", key);
	for (char *p = buf; *p; p++)
		if (*p == '_')
			*p = ' ';
	if (buf[0] >= 'a' && buf[0] <= 'z')
		buf[0] = (char)(buf[0] - 'a' + 'A');
}

/* The settings an edit can change, in words: the row of a settings edit. */
static void setting_words(const char *key, char *buf, size_t len)
{
	if (strcmp(key, "returns_liability_bp") == 0)
		snprintf(buf, len, "Returns liability");
	else
		words_of(key, buf, len);
}

cx_doc *cx_report_audit(cx_store *st, const cx_report_opts *opt, cx_error *err)
{
	static const cx_column cols[] = {
		{"edit", "Edit", CX_CELL_ID, 0},
		{"at", "When", CX_CELL_TEXT, 0},
		{"actor", "Who", CX_CELL_TEXT, 0},
		{"action", "Action", CX_CELL_TEXT, 0},
		{"entity", "Entity", CX_CELL_TEXT, 0},
		{"row_id", "Row", CX_CELL_TEXT, 0},
		{"field", "Field", CX_CELL_TEXT, 0},
		{"old", "Old", CX_CELL_TEXT, 0},
		{"new", "New", CX_CELL_TEXT, 0},
		{"undone_by", "Undone by", CX_CELL_ID, 0},
	};
	cx_audit_row *rows;
	size_t n;
	if (cx_store_audit(st, AUDIT_LIMIT, &rows, &n, err) < 0)
		return NULL;
	cx_doc *doc = cx_report_doc(st, opt, "audit", "Audit trail");
	/* The trail is not cut by period: say so in the title. */
	free(doc->title);
	doc->title = cx_xstrdup("Audit trail (all edits)");
	cx_table *t = cx_doc_table(doc, "rows", NULL, cols, sizeof cols / sizeof cols[0]);
	for (size_t i = 0; i < n; i++) {
		const cx_audit_row *r = &rows[i];
		char when[32];
		time_t tt = (time_t)r->at;
		struct tm tm;
		if (localtime_r(&tt, &tm))
			strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S", &tm);
		else
			snprintf(when, sizeof when, "%lld", (long long)r->at);
		cx_cell *c = cx_table_row(t);
		c[0] = cx_id(r->edit);
		c[1] = cx_text(when);
		c[2] = cx_text(r->actor);
		c[3] = cx_text(r->action);
		c[4] = cx_text(r->entity);
		/* In the words of the form: "Cost per contact", "Returns
		 * liability %" with 15.00, not cost_per_contact and 1500. */
		char row[64], field[64], oldv[64], newv[64];
		const char *o = r->old_value, *nv = r->new_value;
		if (strcmp(r->entity, "settings") == 0)
			setting_words(r->row_id, row, sizeof row);
		c[5] = cx_text(strcmp(r->entity, "settings") == 0 ? row : r->row_id);
		words_of(r->field, field, sizeof field);
		if (strcmp(r->entity, "settings") == 0 && strcmp(r->row_id, "returns_liability_bp") == 0) {
			snprintf(field, sizeof field, "Returns liability %%");
			if (o[0]) {
				cx_fmt_bp(oldv, sizeof oldv, strtoll(o, NULL, 10));
				o = oldv;
			}
			if (nv[0]) {
				cx_fmt_bp(newv, sizeof newv, strtoll(nv, NULL, 10));
				nv = newv;
			}
		} else if (strcmp(r->field, "archived") == 0) {
			snprintf(field, sizeof field, "Archived");
			o = o[0] ? (strcmp(o, "1") == 0 ? "yes" : "no") : o;
			nv = nv[0] ? (strcmp(nv, "1") == 0 ? "yes" : "no") : nv;
		} else {
			for (int f = 0; f < CX_CF_COUNT; f++)
				if (strcmp(cx_campaign_column((enum cx_campaign_field)f), r->field) == 0)
					snprintf(field, sizeof field, "%s", cx_campaign_label((enum cx_campaign_field)f));
		}
		c[6] = cx_text(field);
		c[7] = o[0] ? cx_text(o) : cx_null();
		c[8] = nv[0] ? cx_text(nv) : cx_null();
		c[9] = r->undone_by ? cx_id(r->undone_by) : cx_null();
	}
	if (n == AUDIT_LIMIT)
		cx_doc_note(doc, "Only the newest %d edits are shown; the store holds more (query the audit table "
				 "for the rest).",
			    AUDIT_LIMIT);
	free(rows);
	cx_doc_note(doc, "All edits, whatever the period, newest first. Undo (u in the UI) reverts the newest edit not "
			 "undone yet, as an edit of its own.");
	return doc;
}
