/* edit.c — audited edits of campaigns and settings, and undo.
 *
 * Each edit is one IMMEDIATE transaction: it re-reads the row, checks that
 * nobody changed it since the form opened, writes it, and writes one audit
 * row per changed field under a fresh edit number.  Any failure rolls all
 * of it back, so the store never holds half an edit.  Audit values are the
 * texts the form shows ("1.50", "20"), so undo parses them with the same
 * rules as the form.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "cxtop/format.h"
#include "cxtop/xalloc.h"
#include "store_internal.h"

#define CAMPAIGN_COLUMNS                                                                                  \
	"id, name, kind, channel, starts_on, coalesce(ends_on, ''), cost_per_contact, target_rate_bp,"     \
	" discount_bp, coalesce(renewal_day, 0), coalesce(dunning_days, -1), coalesce(handoff_day, 0),"    \
	" archived, (SELECT count(*) FROM campaign_contacts WHERE campaign_id = campaigns.id)"

static int refuse_read_only(cx_store *st, cx_error *err)
{
	if (st->read_only)
		return cx_fail(err, CX_EXIT_RUNTIME, "store '%s' is read-only: nothing was changed", st->path);
	return 0;
}

static int begin(cx_store *st, cx_error *err)
{
	int rc = sqlite3_exec(st->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
	return rc == SQLITE_OK ? 0 : cx_store_sql_fail(st, err, rc, "cannot write to store");
}

static int finish(cx_store *st, int result, cx_error *err)
{
	if (result < 0) {
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		return -1;
	}
	int rc = sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		return cx_store_sql_fail(st, err, rc, "cannot write to store");
	}
	return 0;
}

int cx_store_campaign_name_taken(cx_store *st, const char *name, int64_t except_id, bool *taken, cx_error *err)
{
	sqlite3_stmt *s;
	*taken = false;
	if (cx_q_prepare(st, "SELECT 1 FROM campaigns WHERE name = ? AND id IS NOT ? LIMIT 1", &s, err) < 0)
		return -1;
	sqlite3_bind_text(s, 1, name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(s, 2, except_id);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*taken = true;
		rc = SQLITE_DONE;
	}
	return cx_q_done(st, s, rc, err);
}

int cx_store_campaign_get(cx_store *st, int64_t id, cx_campaign *c, cx_error *err)
{
	sqlite3_stmt *s;
	if (cx_q_prepare(st, "SELECT " CAMPAIGN_COLUMNS " FROM campaigns WHERE id = ?", &s, err) < 0)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	memset(c, 0, sizeof *c);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_DONE) {
		cx_q_release(st, s);
		return cx_fail(err, CX_EXIT_RUNTIME, "campaign #%lld: no such campaign (deleted?)", (long long)id);
	}
	if (rc == SQLITE_ROW) {
		c->id = sqlite3_column_int64(s, 0);
		cx_q_text(s, 1, c->name, sizeof c->name);
		cx_q_text(s, 2, c->kind, sizeof c->kind);
		cx_q_text(s, 3, c->channel, sizeof c->channel);
		cx_q_text(s, 4, c->starts_on, sizeof c->starts_on);
		cx_q_text(s, 5, c->ends_on, sizeof c->ends_on);
		c->cost_per_contact = sqlite3_column_int64(s, 6);
		c->target_rate_bp = sqlite3_column_int64(s, 7);
		c->discount_bp = sqlite3_column_int64(s, 8);
		c->renewal_day = sqlite3_column_int(s, 9);
		c->dunning_days = sqlite3_column_int(s, 10);
		c->handoff_day = sqlite3_column_int(s, 11);
		c->archived = sqlite3_column_int(s, 12) != 0;
		c->contacts = sqlite3_column_int64(s, 13);
		rc = SQLITE_DONE;
	}
	return cx_q_done(st, s, rc, err);
}

static int64_t next_edit(cx_store *st)
{
	sqlite3_stmt *s = NULL;
	int64_t n = 1;
	if (sqlite3_prepare_v2(st->db, "SELECT coalesce(max(edit), 0) + 1 FROM audit", -1, &s, NULL) == SQLITE_OK &&
	    sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return n;
}

static int audit(cx_store *st, int64_t edit, const char *actor, const char *action, const char *entity,
		 const char *row_id, const char *field, const char *old, const char *new_value, cx_error *err)
{
	sqlite3_stmt *s;
	if (cx_q_prepare(st,
			 "INSERT INTO audit (edit, at, actor, action, entity, row_id, field, old, new)"
			 " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
			 &s, err) < 0)
		return -1;
	sqlite3_bind_int64(s, 1, edit);
	sqlite3_bind_int64(s, 2, (int64_t)time(NULL));
	sqlite3_bind_text(s, 3, actor && *actor ? actor : "unknown", -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 4, action, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 5, entity, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 6, row_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 7, field, -1, SQLITE_TRANSIENT);
	if (old)
		sqlite3_bind_text(s, 8, old, -1, SQLITE_TRANSIENT);
	if (new_value)
		sqlite3_bind_text(s, 9, new_value, -1, SQLITE_TRANSIENT);
	return cx_q_done(st, s, sqlite3_step(s), err);
}

/* Turns a constraint failure into the field a person can fix. */
static int write_fail(cx_store *st, int rc, cx_error *err)
{
	const char *msg = sqlite3_errmsg(st->db);
	if ((rc & 0xff) == SQLITE_CONSTRAINT && strstr(msg, "campaigns.name"))
		return cx_fail(err, CX_EXIT_RUNTIME, "name: another campaign already has this name");
	if ((rc & 0xff) == SQLITE_CONSTRAINT)
		return cx_fail(err, CX_EXIT_RUNTIME, "the store refused the values: %s", msg);
	return cx_store_sql_fail(st, err, rc, "cannot write to store");
}

static void bind_campaign(sqlite3_stmt *s, const cx_campaign *c)
{
	sqlite3_bind_text(s, 1, c->name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 2, c->kind, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 3, c->channel, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 4, c->starts_on, -1, SQLITE_TRANSIENT);
	if (c->ends_on[0])
		sqlite3_bind_text(s, 5, c->ends_on, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(s, 5);
	sqlite3_bind_int64(s, 6, c->cost_per_contact);
	sqlite3_bind_int64(s, 7, c->target_rate_bp);
	sqlite3_bind_int64(s, 8, c->discount_bp);
	if (c->renewal_day)
		sqlite3_bind_int(s, 9, c->renewal_day);
	else
		sqlite3_bind_null(s, 9);
	if (c->dunning_days >= 0)
		sqlite3_bind_int(s, 10, c->dunning_days);
	else
		sqlite3_bind_null(s, 10);
	if (c->handoff_day)
		sqlite3_bind_int(s, 11, c->handoff_day);
	else
		sqlite3_bind_null(s, 11);
	sqlite3_bind_int(s, 12, c->archived);
	sqlite3_bind_int64(s, 13, (int64_t)time(NULL));
}

static int write_campaign(cx_store *st, const cx_campaign *c, cx_error *err)
{
	sqlite3_stmt *s;
	if (cx_q_prepare(st,
			 "UPDATE campaigns SET name = ?1, kind = ?2, channel = ?3, starts_on = ?4, ends_on = ?5,"
			 " cost_per_contact = ?6, target_rate_bp = ?7, discount_bp = ?8, renewal_day = ?9,"
			 " dunning_days = ?10, handoff_day = ?11, archived = ?12,"
			 " updated_at = max(?13, updated_at + 1) WHERE id = ?14",
			 &s, err) < 0)
		return -1;
	bind_campaign(s, c);
	sqlite3_bind_int64(s, 14, c->id);
	int rc = sqlite3_step(s);
	cx_q_release(st, s);
	return rc == SQLITE_DONE ? 0 : write_fail(st, rc, err);
}

/* The first field whose text differs between a and b, or CX_CF_COUNT.
 * (Archiving is an edit of its own, not a field of the form.) */
static enum cx_campaign_field first_difference(const cx_campaign *a, const cx_campaign *b)
{
	for (int f = 0; f < CX_CF_COUNT; f++) {
		char x[512], y[512];
		cx_campaign_get_text(a, (enum cx_campaign_field)f, x, sizeof x);
		cx_campaign_get_text(b, (enum cx_campaign_field)f, y, sizeof y);
		if (strcmp(x, y) != 0)
			return (enum cx_campaign_field)f;
	}
	return CX_CF_COUNT;
}

static int save(cx_store *st, const cx_campaign *before, const cx_campaign *after, const char *actor, cx_error *err)
{
	cx_campaign now;
	enum cx_campaign_field bad;
	const char *why = cx_campaign_check(after, &bad);
	if (why)
		return cx_fail(err, CX_EXIT_RUNTIME, "%s: %s", cx_campaign_label(bad), why);
	if (cx_store_campaign_get(st, before->id, &now, err) < 0)
		return -1;
	enum cx_campaign_field changed = first_difference(before, &now);
	if (changed != CX_CF_COUNT)
		return cx_fail(err, CX_EXIT_RUNTIME,
			       "campaign #%lld was changed by someone else since the form opened (%s); nothing saved: "
			       "reopen it to see the new values",
			       (long long)before->id, cx_campaign_label(changed));
	if (first_difference(&now, after) == CX_CF_COUNT)
		return 0;
	cx_campaign c = *after;
	c.id = before->id;
	c.archived = now.archived;
	if (write_campaign(st, &c, err) < 0)
		return -1;
	int64_t edit = next_edit(st);
	char id[32];
	snprintf(id, sizeof id, "%lld", (long long)c.id);
	for (int f = 0; f < CX_CF_COUNT; f++) {
		char x[512], y[512];
		cx_campaign_get_text(&now, (enum cx_campaign_field)f, x, sizeof x);
		cx_campaign_get_text(&c, (enum cx_campaign_field)f, y, sizeof y);
		if (strcmp(x, y) != 0 &&
		    audit(st, edit, actor, "edit", "campaigns", id, cx_campaign_column((enum cx_campaign_field)f), x, y,
			  err) < 0)
			return -1;
	}
	return 0;
}

int cx_store_campaign_save(cx_store *st, const cx_campaign *before, const cx_campaign *after, const char *actor,
			   cx_error *err)
{
	if (refuse_read_only(st, err) < 0 || begin(st, err) < 0)
		return -1;
	return finish(st, save(st, before, after, actor, err), err);
}

static int add(cx_store *st, const cx_campaign *c, const char *actor, int64_t *id, cx_error *err)
{
	enum cx_campaign_field bad;
	const char *why = cx_campaign_check(c, &bad);
	if (why)
		return cx_fail(err, CX_EXIT_RUNTIME, "%s: %s", cx_campaign_label(bad), why);
	sqlite3_stmt *s;
	if (cx_q_prepare(st,
			 "INSERT INTO campaigns (name, kind, channel, starts_on, ends_on, cost_per_contact,"
			 " target_rate_bp, discount_bp, renewal_day, dunning_days, handoff_day, archived, updated_at)"
			 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
			 &s, err) < 0)
		return -1;
	bind_campaign(s, c);
	int rc = sqlite3_step(s);
	cx_q_release(st, s);
	if (rc != SQLITE_DONE)
		return write_fail(st, rc, err);
	*id = sqlite3_last_insert_rowid(st->db);
	char sid[32];
	snprintf(sid, sizeof sid, "%lld", (long long)*id);
	return audit(st, next_edit(st), actor, "add", "campaigns", sid, "name", NULL, c->name, err);
}

int cx_store_campaign_add(cx_store *st, const cx_campaign *c, const char *actor, int64_t *id, cx_error *err)
{
	if (refuse_read_only(st, err) < 0 || begin(st, err) < 0)
		return -1;
	return finish(st, add(st, c, actor, id, err), err);
}

static int archive(cx_store *st, int64_t id, bool archived, const char *actor, cx_error *err)
{
	cx_campaign c;
	if (cx_store_campaign_get(st, id, &c, err) < 0)
		return -1;
	if (c.archived == archived)
		return 0;
	c.archived = archived;
	if (write_campaign(st, &c, err) < 0)
		return -1;
	char sid[32];
	snprintf(sid, sizeof sid, "%lld", (long long)id);
	return audit(st, next_edit(st), actor, "archive", "campaigns", sid, "archived", archived ? "0" : "1",
		     archived ? "1" : "0", err);
}

int cx_store_campaign_archive(cx_store *st, int64_t id, bool archived, const char *actor, cx_error *err)
{
	if (refuse_read_only(st, err) < 0 || begin(st, err) < 0)
		return -1;
	return finish(st, archive(st, id, archived, actor, err), err);
}

static int setting_write(cx_store *st, const char *key, const char *value, cx_error *err)
{
	sqlite3_stmt *s;
	if (cx_q_prepare(st, "INSERT INTO settings (key, value) VALUES (?, ?)"
			     " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
			 &s, err) < 0)
		return -1;
	sqlite3_bind_text(s, 1, key, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 2, value, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(s);
	cx_q_release(st, s);
	if (rc != SQLITE_DONE) {
		if ((rc & 0xff) == SQLITE_CONSTRAINT)
			return cx_fail(err, CX_EXIT_RUNTIME, "%s: the value '%s' is out of range", key, value);
		return cx_store_sql_fail(st, err, rc, "cannot write to store");
	}
	return 0;
}

static int setting_set(cx_store *st, const char *key, const char *value, const char *actor, cx_error *err)
{
	char old[128];
	bool had = cx_store_setting(st, key, old, sizeof old);
	if (had && strcmp(old, value) == 0)
		return 0;
	if (setting_write(st, key, value, err) < 0)
		return -1;
	return audit(st, next_edit(st), actor, "edit", "settings", key, "value", had ? old : NULL, value, err);
}

int cx_store_setting_set(cx_store *st, const char *key, const char *value, const char *actor, cx_error *err)
{
	if (refuse_read_only(st, err) < 0 || begin(st, err) < 0)
		return -1;
	return finish(st, setting_set(st, key, value, actor, err), err);
}

/* ---- undo ------------------------------------------------------------------ */

static enum cx_campaign_field field_of(const char *column)
{
	for (int f = 0; f < CX_CF_COUNT; f++)
		if (strcmp(cx_campaign_column((enum cx_campaign_field)f), column) == 0)
			return (enum cx_campaign_field)f;
	return CX_CF_COUNT;
}

/* Reverts one audit row; conflict when the value is no longer the one the
 * edit wrote. */
static int revert(cx_store *st, const cx_audit_row *r, int64_t edit, const char *actor, cx_error *err)
{
	if (strcmp(r->entity, "settings") == 0) {
		char now[512];
		if (!cx_store_setting(st, r->row_id, now, sizeof now) || strcmp(now, r->new_value) != 0)
			return cx_fail(err, CX_EXIT_RUNTIME, "cannot undo: %s has changed since",
				       strcmp(r->row_id, "returns_liability_bp") == 0 ? "the returns liability" : r->row_id);
		if (setting_write(st, r->row_id, r->old_value, err) < 0)
			return -1;
		return audit(st, edit, actor, "undo", "settings", r->row_id, r->field, r->new_value, r->old_value, err);
	}
	int64_t id = 0;
	sscanf(r->row_id, "%lld", (long long *)&id);
	cx_campaign c;
	if (cx_store_campaign_get(st, id, &c, err) < 0)
		return -1;
	if (strcmp(r->action, "add") == 0) {
		if (c.contacts > 0)
			return cx_fail(err, CX_EXIT_RUNTIME, "cannot undo adding campaign #%lld: it has contacts now; "
							     "archive it instead",
				       (long long)id);
		sqlite3_stmt *s;
		if (cx_q_prepare(st, "DELETE FROM campaigns WHERE id = ?", &s, err) < 0)
			return -1;
		sqlite3_bind_int64(s, 1, id);
		int rc = sqlite3_step(s);
		cx_q_release(st, s);
		if (rc != SQLITE_DONE)
			return cx_store_sql_fail(st, err, rc, "cannot write to store");
		return audit(st, edit, actor, "undo", "campaigns", r->row_id, "name", c.name, NULL, err);
	}
	char now[512];
	if (strcmp(r->field, "archived") == 0) {
		snprintf(now, sizeof now, "%d", c.archived);
		if (strcmp(now, r->new_value) != 0)
			return cx_fail(err, CX_EXIT_RUNTIME, "cannot undo: campaign #%lld has changed since", (long long)id);
		c.archived = strcmp(r->old_value, "1") == 0;
	} else {
		enum cx_campaign_field f = field_of(r->field);
		if (f == CX_CF_COUNT)
			return cx_fail(err, CX_EXIT_RUNTIME, "cannot undo: unknown field '%s'", r->field);
		cx_campaign_get_text(&c, f, now, sizeof now);
		if (strcmp(now, r->new_value) != 0)
			return cx_fail(err, CX_EXIT_RUNTIME, "cannot undo: %s of campaign #%lld has changed since",
				       cx_campaign_label(f), (long long)id);
		const char *why = cx_campaign_set_text(&c, f, r->old_value);
		if (why)
			return cx_fail(err, CX_EXIT_RUNTIME, "cannot undo: the old %s '%s' is no longer valid: %s",
				       cx_campaign_label(f), r->old_value, why);
	}
	if (write_campaign(st, &c, err) < 0)
		return -1;
	return audit(st, edit, actor, "undo", "campaigns", r->row_id, r->field, r->new_value, r->old_value, err);
}

/* Reverts every field of one saved form at once: one campaign, checked as
 * a whole, written once.  Field by field, moving both dates back could pass
 * through an impossible state (ends before it starts) that the schema
 * rightly refuses. */
static int revert_fields(cx_store *st, const cx_audit_row *rows, size_t n, int64_t edit, const char *actor,
			 cx_error *err)
{
	int64_t id = 0;
	sscanf(rows[0].row_id, "%lld", (long long *)&id);
	cx_campaign c;
	if (cx_store_campaign_get(st, id, &c, err) < 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		enum cx_campaign_field f = field_of(rows[i].field);
		char now[512];
		if (f == CX_CF_COUNT || strcmp(rows[i].row_id, rows[0].row_id) != 0)
			return cx_fail(err, CX_EXIT_RUNTIME, "cannot undo: the edit's rows do not fit together");
		cx_campaign_get_text(&c, f, now, sizeof now);
		if (strcmp(now, rows[i].new_value) != 0)
			return cx_fail(err, CX_EXIT_RUNTIME, "cannot undo: %s of campaign #%lld has changed since",
				       cx_campaign_label(f), (long long)id);
		const char *why = cx_campaign_set_text(&c, f, rows[i].old_value);
		if (why)
			return cx_fail(err, CX_EXIT_RUNTIME, "cannot undo: the old %s '%s' is no longer valid: %s",
				       cx_campaign_label(f), rows[i].old_value, why);
	}
	enum cx_campaign_field bad;
	const char *why = cx_campaign_check(&c, &bad);
	if (why)
		return cx_fail(err, CX_EXIT_RUNTIME, "cannot undo: %s %s", cx_campaign_label(bad), why);
	if (write_campaign(st, &c, err) < 0)
		return -1;
	for (size_t i = 0; i < n; i++)
		if (audit(st, edit, actor, "undo", "campaigns", rows[i].row_id, rows[i].field, rows[i].new_value,
			  rows[i].old_value, err) < 0)
			return -1;
	return 0;
}

static void fill_audit(sqlite3_stmt *s, void *row)
{
	cx_audit_row *r = row;
	r->id = sqlite3_column_int64(s, 0);
	r->edit = sqlite3_column_int64(s, 1);
	r->at = sqlite3_column_int64(s, 2);
	cx_q_text(s, 3, r->actor, sizeof r->actor);
	cx_q_text(s, 4, r->action, sizeof r->action);
	cx_q_text(s, 5, r->entity, sizeof r->entity);
	cx_q_text(s, 6, r->row_id, sizeof r->row_id);
	cx_q_text(s, 7, r->field, sizeof r->field);
	cx_q_text(s, 8, r->old_value, sizeof r->old_value);
	cx_q_text(s, 9, r->new_value, sizeof r->new_value);
	r->undone_by = sqlite3_column_int64(s, 10);
}

static int read_audit(cx_store *st, sqlite3_stmt *s, cx_audit_row **rows, size_t *n, cx_error *err)
{
	return cx_q_collect(st, s, sizeof **rows, fill_audit, (void **)rows, n, err);
}

#define AUDIT_COLUMNS "id, edit, at, actor, action, entity, row_id, field, old, new, coalesce(undone_by, 0)"

static int undo(cx_store *st, const char *actor, char *what, size_t len, cx_error *err)
{
	sqlite3_stmt *s;
	if (cx_q_prepare(st,
			 "SELECT " AUDIT_COLUMNS " FROM audit WHERE edit = (SELECT max(edit) FROM audit"
			 " WHERE action <> 'undo' AND action <> 'load' AND undone_by IS NULL) ORDER BY id DESC",
			 &s, err) < 0)
		return -1;
	cx_audit_row *rows;
	size_t n;
	if (read_audit(st, s, &rows, &n, err) < 0)
		return -1;
	if (n == 0) {
		free(rows);
		snprintf(what, len, "nothing to undo");
		return 0;
	}
	int64_t edit = next_edit(st);
	int rc = 0;
	if (strcmp(rows[0].entity, "campaigns") == 0 && strcmp(rows[0].action, "edit") == 0)
		rc = revert_fields(st, rows, n, edit, actor, err);
	else
		for (size_t i = 0; i < n && rc == 0; i++)
			rc = revert(st, &rows[i], edit, actor, err);
	if (rc == 0) {
		sqlite3_stmt *u;
		if (cx_q_prepare(st, "UPDATE audit SET undone_by = ? WHERE edit = ?", &u, err) < 0) {
			rc = -1;
		} else {
			sqlite3_bind_int64(u, 1, edit);
			sqlite3_bind_int64(u, 2, rows[0].edit);
			rc = cx_q_done(st, u, sqlite3_step(u), err);
		}
	}
	if (rc == 0) {
		if (strcmp(rows[0].entity, "settings") == 0 && strcmp(rows[0].row_id, "returns_liability_bp") == 0) {
			char pct[16];
			cx_fmt_bp(pct, sizeof pct, strtoll(rows[0].old_value, NULL, 10));
			snprintf(what, len, "undid the returns liability: back to %s %%", pct);
		} else if (strcmp(rows[0].entity, "settings") == 0)
			snprintf(what, len, "undid setting %s: back to %s", rows[0].row_id, rows[0].old_value);
		else if (strcmp(rows[0].action, "add") == 0)
			snprintf(what, len, "undid adding campaign #%s", rows[0].row_id);
		else if (strcmp(rows[0].field, "archived") == 0)
			snprintf(what, len, "undid %s campaign #%s", strcmp(rows[0].new_value, "1") == 0 ? "archiving" : "restoring",
				 rows[0].row_id);
		else {
			enum cx_campaign_field f = field_of(rows[0].field);
			snprintf(what, len, "undid %zu change%s to campaign #%s (%s back to %s)", n, n == 1 ? "" : "s",
				 rows[0].row_id, f < CX_CF_COUNT ? cx_campaign_label(f) : rows[0].field,
				 rows[0].old_value[0] ? rows[0].old_value : "empty");
		}
	}
	free(rows);
	return rc < 0 ? -1 : 1;
}

int cx_store_undo(cx_store *st, const char *actor, char *what, size_t len, cx_error *err)
{
	if (refuse_read_only(st, err) < 0 || begin(st, err) < 0)
		return -1;
	int rc = undo(st, actor, what, len, err);
	if (finish(st, rc < 0 ? -1 : 0, err) < 0)
		return -1;
	return rc;
}

int cx_store_audit(cx_store *st, int limit, cx_audit_row **rows, size_t *n, cx_error *err)
{
	sqlite3_stmt *s;
	if (cx_q_prepare(st, "SELECT " AUDIT_COLUMNS " FROM audit ORDER BY id DESC LIMIT ?", &s, err) < 0)
		return -1;
	sqlite3_bind_int(s, 1, limit);
	return read_audit(st, s, rows, n, err);
}

/* ---- schedules: replaced as a whole, from a file cxtop has checked ------- */

static void summary(char *buf, size_t len, int64_t schedules, int64_t teams, int64_t holidays, int64_t policies)
{
	snprintf(buf, len, "%lld schedule%s, %lld team%s, %lld holiday%s, %lld SLA polic%s", (long long)schedules,
		 schedules == 1 ? "" : "s", (long long)teams, teams == 1 ? "" : "s", (long long)holidays,
		 holidays == 1 ? "" : "s", (long long)policies, policies == 1 ? "y" : "ies");
}

static int64_t count_of(cx_store *st, const char *sql)
{
	sqlite3_stmt *s = NULL;
	int64_t n = 0;
	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return n;
}

/* Runs one prepared insert; binds are the caller's. */
static int step_once(cx_store *st, sqlite3_stmt *s, cx_error *err)
{
	return cx_q_done(st, s, sqlite3_step(s), err);
}

static int write_schedule(cx_store *st, const cx_named_schedule *x, cx_error *err)
{
	sqlite3_stmt *s;
	if (cx_q_prepare(st, "INSERT INTO schedules (name, timezone, is_default) VALUES (?, ?, ?)", &s, err) < 0)
		return -1;
	sqlite3_bind_text(s, 1, x->name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 2, x->timezone, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(s, 3, x->is_default);
	if (step_once(st, s, err) < 0)
		return -1;
	int64_t id = sqlite3_last_insert_rowid(st->db);
	for (int d = 0; d < 7; d++)
		for (int k = 0; k < x->hours.nhours[d]; k++) {
			if (cx_q_prepare(st, "INSERT INTO schedule_hours (schedule_id, weekday, start_s, end_s)"
					     " VALUES (?, ?, ?, ?)", &s, err) < 0)
				return -1;
			sqlite3_bind_int64(s, 1, id);
			sqlite3_bind_int(s, 2, d);
			sqlite3_bind_int(s, 3, x->hours.hours[d][k].from);
			sqlite3_bind_int(s, 4, x->hours.hours[d][k].to);
			if (step_once(st, s, err) < 0)
				return -1;
		}
	for (size_t h = 0; h < x->nholidays; h++) {
		char day[11];
		cx_date_format(x->holidays[h], day);
		if (cx_q_prepare(st, "INSERT INTO schedule_holidays (schedule_id, on_day, name) VALUES (?, ?, ?)", &s,
				 err) < 0)
			return -1;
		sqlite3_bind_int64(s, 1, id);
		sqlite3_bind_text(s, 2, day, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(s, 3, x->holiday_names[h] ? x->holiday_names[h] : "", -1, SQLITE_TRANSIENT);
		if (step_once(st, s, err) < 0)
			return -1;
	}
	for (size_t t = 0; t < x->nteams; t++) {
		if (cx_q_prepare(st, "INSERT INTO schedule_teams (team, schedule_id) VALUES (?, ?)", &s, err) < 0)
			return -1;
		sqlite3_bind_text(s, 1, x->teams[t], -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(s, 2, id);
		if (step_once(st, s, err) < 0)
			return -1;
	}
	return 0;
}

static int write_policy(cx_store *st, const cx_sla_policy *p, cx_error *err)
{
	sqlite3_stmt *s;
	if (cx_q_prepare(st, "INSERT INTO sla_policies (name, priorities, channels, first_reply, resolution, business,"
			     " next_reply) VALUES (?, ?, ?, ?, ?, ?, ?)", &s, err) < 0)
		return -1;
	sqlite3_bind_text(s, 1, p->name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(s, 2, (int)p->priorities);
	sqlite3_bind_int(s, 3, (int)p->channels);
	if (p->first_reply > 0)
		sqlite3_bind_int64(s, 4, p->first_reply);
	else
		sqlite3_bind_null(s, 4);
	if (p->resolution > 0)
		sqlite3_bind_int64(s, 5, p->resolution);
	else
		sqlite3_bind_null(s, 5);
	sqlite3_bind_int(s, 6, p->business);
	if (p->next_reply > 0)
		sqlite3_bind_int64(s, 7, p->next_reply);
	else
		sqlite3_bind_null(s, 7);
	return step_once(st, s, err);
}

/* What the load leaves a manager to know: a team nobody is in (a typo?),
 * agents whose team no schedule covers. */
static void look_at_teams(cx_store *st, cx_schedules_loaded *out)
{
	sqlite3_stmt *s = NULL;
	if (sqlite3_prepare_v2(st->db,
			       "SELECT team FROM schedule_teams WHERE team NOT IN (SELECT team FROM agents) ORDER BY team"
			       " LIMIT 1",
			       -1, &s, NULL) == SQLITE_OK &&
	    sqlite3_step(s) == SQLITE_ROW)
		cx_q_text(s, 0, out->unknown_team, sizeof out->unknown_team);
	sqlite3_finalize(s);
	out->unscheduled = (size_t)count_of(st, "SELECT count(*) FROM agents WHERE NOT EXISTS (SELECT 1 FROM schedules"
						" WHERE is_default = 1) AND team NOT IN (SELECT team FROM schedule_teams)");
}

static int replace_schedules(cx_store *st, const cx_schedules *s, const char *actor, cx_schedules_loaded *out,
			     cx_error *err)
{
	char before[160], after[160];
	summary(before, sizeof before, count_of(st, "SELECT count(*) FROM schedules"),
		count_of(st, "SELECT count(*) FROM schedule_teams"), count_of(st, "SELECT count(*) FROM schedule_holidays"),
		count_of(st, "SELECT count(*) FROM sla_policies"));
	int rc = sqlite3_exec(st->db,
			      "DELETE FROM schedule_teams; DELETE FROM schedule_holidays; DELETE FROM schedule_hours;"
			      " DELETE FROM schedules; DELETE FROM sla_policies;",
			      NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return cx_store_sql_fail(st, err, rc, "cannot write to store");
	memset(out, 0, sizeof *out);
	for (size_t i = 0; i < s->n; i++) {
		if (write_schedule(st, &s->v[i], err) < 0)
			return -1;
		out->teams += s->v[i].nteams;
		out->holidays += s->v[i].nholidays;
	}
	for (size_t i = 0; i < s->nsla; i++)
		if (write_policy(st, &s->sla[i], err) < 0)
			return -1;
	out->schedules = s->n;
	out->policies = s->nsla;
	/* The solved tickets' waits are packed in business time: every hour
	 * of them is packed again with the new schedules. */
	rc = sqlite3_exec(st->db,
			  "INSERT INTO ticket_hours_dirty (kind, hour) SELECT kind, hour FROM ticket_hours WHERE kind = 1"
			  " ON CONFLICT DO NOTHING",
			  NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return cx_store_sql_fail(st, err, rc, "cannot write to store");
	look_at_teams(st, out);
	summary(after, sizeof after, (int64_t)out->schedules, (int64_t)out->teams, (int64_t)out->holidays,
		(int64_t)out->policies);
	const char *file = s->path ? strrchr(s->path, '/') : NULL;
	file = file ? file + 1 : s->path ? s->path : "";
	char row[32];
	snprintf(row, sizeof row, "%s", *file ? file : "-");
	return audit(st, next_edit(st), actor, "load", "schedules", row, "schedules", before, after, err);
}

int cx_store_schedules_load(cx_store *st, const cx_schedules *s, const char *actor, cx_schedules_loaded *out,
			    cx_error *err)
{
	if (refuse_read_only(st, err) < 0 || begin(st, err) < 0)
		return -1;
	return finish(st, replace_schedules(st, s, actor, out, err), err);
}
