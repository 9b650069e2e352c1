/* rows_write.c — writing imported rows: find, then insert, update or leave.
 *
 * One call of cxtop import is one transaction.  For each row the writer
 * finds the row the values belong to — by (source, source_id), else by id,
 * else by the table's natural key — and then inserts it, updates the
 * columns the file gives when one differs, or counts it unchanged.  So a
 * file imported twice changes nothing the second time, and a newer export
 * updates what changed.  A key met twice in one file is refused: the file
 * contradicts itself.
 *
 * The SQL is built from the table's description (rows_def.c) for the set
 * of columns a file has, and prepared once per set.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cxtop/period.h"
#include "cxtop/xalloc.h"
#include "rollup.h"
#include "rows_internal.h"

int cx_rows_prep(cx_rows *w, sqlite3_stmt **s, const char *sql, cx_error *err)
{
	if (*s)
		return 0;
	if (sqlite3_prepare_v2(w->st->db, sql, -1, s, NULL) != SQLITE_OK) {
		w->fatal = true;
		cx_fail(err, CX_EXIT_RUNTIME, "store '%s': %s", w->st->path, sqlite3_errmsg(w->st->db));
		sqlite3_finalize(*s);
		*s = NULL;
		return -1;
	}
	return 0;
}

int cx_rows_sql_fail(cx_rows *w, cx_error *err)
{
	int rc = sqlite3_errcode(w->st->db);
	w->fatal = true;
	return cx_store_sql_fail(w->st, err, rc, "cannot write to store");
}

/* ---- statements --------------------------------------------------------- */

struct buf {
	char s[8192];
	size_t n;
};

static void put(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void put(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int k = vsnprintf(b->s + b->n, sizeof b->s - b->n, fmt, ap);
	va_end(ap);
	if (k > 0)
		b->n += (size_t)k < sizeof b->s - b->n ? (size_t)k : sizeof b->s - b->n - 1;
}

/* Parameter ?N+1 is column N, in both statements; the row id is ?64. */
#define ROWID_PARAM 64

static int build_shape(cx_rows *w, uint64_t mask, int *out, cx_error *err)
{
	for (int i = 0; i < w->nshapes; i++)
		if (w->shape[i].mask == mask) {
			w->shape[i].used = ++w->clock;
			*out = i;
			return 0;
		}
	int k = w->nshapes;
	if (k == CX_ROWS_SHAPES) {
		/* Empty cells vary the columns row by row: keep the statements
		 * used last, prepare the rare ones again. */
		k = 0;
		for (int i = 1; i < w->nshapes; i++)
			if (w->shape[i].used < w->shape[k].used)
				k = i;
		sqlite3_finalize(w->shape[k].ins);
		sqlite3_finalize(w->shape[k].upd);
	}
	const cx_table_def *t = w->t;
	struct buf ins = {0}, vals = {0}, upd = {0}, same = {0};
	put(&ins, "INSERT INTO %s (", t->sql);
	put(&upd, "UPDATE %s SET ", t->sql);
	int nins = 0, nupd = 0;
	for (size_t i = 0; i < t->ncols; i++) {
		if (!(mask & (1ull << i)))
			continue;
		const char *name = cx_col_sql(&t->cols[i]);
		put(&ins, "%s%s", nins ? ", " : "", name);
		put(&vals, "%s?%zu", nins ? ", " : "", i + 1);
		nins++;
		/* The key columns are what found the row: never rewritten. */
		if (t->cols[i].kind == CX_COL_ID)
			continue;
		put(&upd, "%s%s = ?%zu", nupd ? ", " : "", name, i + 1);
		put(&same, "%s%s IS ?%zu", nupd ? " AND " : "", name, i + 1);
		nupd++;
	}
	put(&ins, ") VALUES (%s)", vals.s);
	if (nupd)
		put(&upd, " WHERE id = ?%d AND NOT (%s)", ROWID_PARAM, same.s);
	w->shape[k].mask = mask;
	w->shape[k].used = ++w->clock;
	w->shape[k].ins = w->shape[k].upd = NULL;
	if (cx_rows_prep(w, &w->shape[k].ins, ins.s, err) < 0 ||
	    (nupd && cx_rows_prep(w, &w->shape[k].upd, upd.s, err) < 0)) {
		/* A slot no row can ask for (tables have fewer than 64 columns). */
		sqlite3_finalize(w->shape[k].ins);
		w->shape[k].ins = NULL;
		w->shape[k].mask = UINT64_MAX;
		return -1;
	}
	if (k == w->nshapes)
		w->nshapes++;
	*out = k;
	return 0;
}

static void bind_one(sqlite3_stmt *s, int p, const cx_val *v)
{
	if (v->type == CX_V_INT)
		sqlite3_bind_int64(s, p, v->i);
	else if (v->type == CX_V_TEXT)
		sqlite3_bind_text(s, p, v->s, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(s, p);
}

static void bind_row(cx_rows *w, sqlite3_stmt *s, uint64_t mask)
{
	for (size_t i = 0; i < w->t->ncols; i++)
		if (mask & (1ull << i))
			bind_one(s, (int)i + 1, &w->v[i]);
}

/* ---- finding the row ---------------------------------------------------- */

int cx_rows_step(cx_rows *w, sqlite3_stmt *s, int64_t *a, int64_t *b, cx_error *err)
{
	int rc = sqlite3_step(s);
	int found = 0;
	if (rc == SQLITE_ROW) {
		*a = sqlite3_column_int64(s, 0);
		if (b)
			*b = sqlite3_column_int64(s, 1);
		found = 1;
		rc = SQLITE_DONE;
	}
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	return rc == SQLITE_DONE ? found : cx_rows_sql_fail(w, err);
}

/* 1 found (*id), 0 not found, -1 error. */
static int step_id(cx_rows *w, sqlite3_stmt *s, int64_t *id, cx_error *err)
{
	return cx_rows_step(w, s, id, NULL, err);
}

/* A natural key's part: an absent defaulted text (costs.note) is ''. */
static void bind_key(sqlite3_stmt *s, int p, const cx_val *v, const cx_col *c)
{
	if (v->type == CX_V_ABSENT && c->kind == CX_COL_TEXT)
		sqlite3_bind_text(s, p, "", 0, SQLITE_STATIC);
	else
		bind_one(s, p, v);
}

/* Natural key k's columns into cols (*n of them); true when the row has
 * every part (a key with an empty part names nothing). */
static bool key_usable(const cx_rows *w, int k, int cols[3], int *n)
{
	const cx_table_def *t = w->t;
	bool usable = true;
	*n = 0;
	for (int j = 0; j < 3 && t->natural[k][j]; j++) {
		int c = cols[(*n)++] = cx_table_col(t, t->natural[k][j]);
		const cx_val *v = &w->v[c];
		if (v->type == CX_V_NULL || (v->type == CX_V_ABSENT && !t->cols[c].defaulted))
			usable = false;
	}
	return usable;
}

/* True when the row has every column of one of its table's natural keys. */
static bool natural_usable(const cx_rows *w)
{
	int cols[3], n;
	for (int k = 0; k < 2 && w->t->natural[k][0]; k++)
		if (key_usable(w, k, cols, &n))
			return true;
	return false;
}

/* Tries the table's natural keys in order: the first the row has decides.
 * 1 found, 0 none applies or no match, -1 error. */
static int find_natural(cx_rows *w, int64_t *id, cx_error *err)
{
	const cx_table_def *t = w->t;
	for (int k = 0; k < 2 && t->natural[k][0]; k++) {
		int cols[3], n;
		if (!key_usable(w, k, cols, &n))
			continue;
		if (!w->natural[k]) {
			struct buf b = {0};
			put(&b, "SELECT id FROM %s WHERE ", t->sql);
			for (int j = 0; j < n; j++) {
				const char *c = cx_col_sql(&t->cols[cols[j]]);
				put(&b, "%s%s = ?%d%s", j ? " AND " : "", c, j + 1,
				    strcmp(c, "email") == 0 ? " COLLATE NOCASE" : "");
			}
			put(&b, " LIMIT 2");
			if (cx_rows_prep(w, &w->natural[k], b.s, err) < 0)
				return -1;
		}
		sqlite3_stmt *s = w->natural[k];
		for (int j = 0; j < n; j++)
			bind_key(s, j + 1, &w->v[cols[j]], &t->cols[cols[j]]);
		int rc = sqlite3_step(s);
		int found = 0;
		if (rc == SQLITE_ROW) {
			*id = sqlite3_column_int64(s, 0);
			found = sqlite3_step(s) == SQLITE_ROW ? 2 : 1;
			rc = SQLITE_DONE;
		}
		sqlite3_reset(s);
		sqlite3_clear_bindings(s);
		if (rc != SQLITE_DONE)
			return cx_rows_sql_fail(w, err);
		if (found == 2)
			return cx_fail(err, CX_EXIT_RUNTIME, "%s '%s' matches more than one row: give an id or a source_id",
				       t->natural[k][0], w->v[cols[0]].s ? w->v[cols[0]].s : "");
		/* A key the row has decides: an agent whose email matches
		 * nobody is a new agent, even if someone has the same name. */
		return found;
	}
	return 0;
}

static int find_row(cx_rows *w, const char *source, int64_t *id, int *bad_col, cx_error *err)
{
	const cx_val *sid = w->sid_col >= 0 ? &w->v[w->sid_col] : NULL;
	const cx_val *idv = w->id_col >= 0 ? &w->v[w->id_col] : NULL;
	int found;
	w->by_sid = false;
	if (sid && sid->type == CX_V_TEXT) {
		sqlite3_bind_text(w->by_source, 1, source, -1, SQLITE_STATIC);
		sqlite3_bind_text(w->by_source, 2, sid->s, -1, SQLITE_STATIC);
		if ((found = step_id(w, w->by_source, id, err)) < 0)
			return -1;
		if (found && idv && idv->type == CX_V_INT && idv->i != *id) {
			*bad_col = w->id_col;
			return cx_fail(err, CX_EXIT_RUNTIME, "source id '%s' is row %lld, not %lld", sid->s,
				       (long long)*id, (long long)idv->i);
		}
		if (found) {
			w->by_sid = true;
			return 1;
		}
		/* Not seen from this source yet: it may still be a row the store
		 * has under its id or natural key (then it adopts the source id). */
	}
	if (idv && idv->type == CX_V_INT) {
		/* Above every id the table has had: new, no need to look (an
		 * export's ids ascend, so a whole file skips the lookups). */
		if (idv->i > w->max_id)
			return 0;
		sqlite3_bind_int64(w->by_id, 1, idv->i);
		return step_id(w, w->by_id, id, err);
	}
	if (!w->t->natural[0][0]) {
		if (sid && sid->type == CX_V_TEXT)
			return 0;
		*bad_col = -1;
		return cx_fail(err, CX_EXIT_RUNTIME, "a %s row needs a source_id or an id, so that importing it again "
			       "updates it instead of adding it twice", w->t->name);
	}
	int found_nat = find_natural(w, id, err);
	if (found_nat == 0 && !(sid && sid->type == CX_V_TEXT) && !natural_usable(w)) {
		*bad_col = -1;
		return cx_fail(err, CX_EXIT_RUNTIME, "a %s row needs %s, a source_id or an id, so that importing it again "
			       "updates it instead of adding it twice", w->t->name, w->t->natural[0][0]);
	}
	return found_nat;
}

/* Row ids up to this are remembered in a bitmap (8 MiB at most); larger
 * ones, which only a file's own ids can make, in a temporary table. */
#define SEEN_BITMAP_MAX (64ll << 20)

/* Says which key a row was found by, for the duplicate message. */
static void key_words(cx_rows *w, char *out, size_t len)
{
	const cx_table_def *t = w->t;
	if (w->sid_col >= 0 && w->v[w->sid_col].type == CX_V_TEXT)
		snprintf(out, len, "source_id '%.100s'", w->v[w->sid_col].s);
	else if (w->id_col >= 0 && w->v[w->id_col].type == CX_V_INT)
		snprintf(out, len, "id %lld", (long long)w->v[w->id_col].i);
	else if (t->natural[0][0] && w->v[cx_table_col(t, t->natural[0][0])].type == CX_V_TEXT)
		snprintf(out, len, "%s '%.100s'", t->natural[0][0], w->v[cx_table_col(t, t->natural[0][0])].s);
	else
		snprintf(out, len, "key");
}

/* Remembers that this file wrote row id; refuses a second time: the file
 * would contradict itself. */
static int seen(cx_rows *w, int64_t id, int *bad_col, cx_error *err)
{
	bool again;
	if (id >= 0 && id < SEEN_BITMAP_MAX) {
		size_t word = (size_t)id / 64;
		if (word >= w->seen_words) {
			size_t n = word + 1 > w->seen_words * 2 ? word + 1 : w->seen_words * 2;
			w->seen_bits = cx_xreallocarray(w->seen_bits, n, sizeof *w->seen_bits);
			memset(w->seen_bits + w->seen_words, 0, (n - w->seen_words) * sizeof *w->seen_bits);
			w->seen_words = n;
		}
		uint64_t bit = 1ull << (id % 64);
		again = w->seen_bits[word] & bit;
		w->seen_bits[word] |= bit;
	} else {
		sqlite3_bind_int64(w->seen_put, 1, id);
		int rc = sqlite3_step(w->seen_put);
		sqlite3_reset(w->seen_put);
		if (rc != SQLITE_DONE && rc != SQLITE_CONSTRAINT)
			return cx_rows_sql_fail(w, err);
		again = rc == SQLITE_CONSTRAINT;
	}
	if (!again)
		return 0;
	char key[160];
	key_words(w, key, sizeof key);
	*bad_col = w->sid_col >= 0 && w->v[w->sid_col].type == CX_V_TEXT ? w->sid_col
		   : w->id_col >= 0 && w->v[w->id_col].type == CX_V_INT   ? w->id_col
									  : -1;
	return cx_fail(err, CX_EXIT_RUNTIME, "%s is already on an earlier line of this file: a row may appear once in a file",
		       key);
}

/* ---- constraint messages ------------------------------------------------ */

/* The rules across columns that CHECK constraints keep (schema.c), in a
 * manager's words: the key is a piece of the constraint's text. */
static const struct {
	const char *check, *col, *words;
} rules[] = {
	{"= (resolved_at IS NOT NULL)", "resolved_at", "a ticket has resolved_at exactly when its status is solved or closed"},
	{"replies = 0 OR first_response_at", "first_response_at", "a ticket with replies needs first_response_at"},
	{"first_response_at >= created_at", "first_response_at", "first_response_at is before created_at"},
	{"resolved_at >= created_at", "resolved_at", "resolved_at is before created_at"},
	{"(status = 'draft') = (filed_on IS NULL)", "filed_on", "a claim has filed_on exactly when it is not a draft"},
	{"recovered = 0 OR status = 'paid'", "recovered", "only a paid claim has money recovered"},
	{"= (resolved_on IS NOT NULL)", "resolved_on", "a claim has resolved_on exactly when it is denied or paid"},
	{"(recovered_by IS NULL) = (recovered_on IS NULL)", "recovered_on", "recovered_by and recovered_on go together"},
	{"recovered_by IS NOT 'support'", "to_support_on", "a renewal recovered by support needs to_support_on and its order"},
	{"to_support_on >= failed_on", "to_support_on", "to_support_on is before failed_on"},
	{"failed_on >= due_on", "failed_on", "failed_on is before due_on"},
	{"OR campaign_id IS NOT NULL", "campaign_id", "an upsell or winback order needs its campaign"},
	{"OR discount_code IS NOT NULL", "discount_code", "a discount_code order needs its discount_code"},
	{"responded = 1 OR", "responded", "a contact with an order or a renewal must have responded"},
	{"left_on >= hired_on", "left_on", "left_on is before hired_on"},
	{"ends_on >= starts_on", "ends_on", "ends_on is before starts_on"},
	{"cost_max >= cost_min", "cost_max", "cost_max is below cost_min"},
	{"BETWEEN buyout_min_bp", "buyout_max", "buyout_max is below buyout_min"},
	{"email LIKE", "email", "not an email address"},
	{"date(", NULL, "not a real date"},
};

/* Says which column a failed statement is about, in a manager's words. */
static int constraint_fail(cx_rows *w, int *bad_col, cx_error *err)
{
	const char *msg = sqlite3_errmsg(w->st->db);
	int ext = sqlite3_extended_errcode(w->st->db);
	*bad_col = -1;
	if (ext == SQLITE_CONSTRAINT_FOREIGNKEY) {
		/* Find the reference that points nowhere. */
		for (size_t i = 0; i < w->t->ncols; i++) {
			const cx_col *c = &w->t->cols[i];
			if (c->kind != CX_COL_REF || w->v[i].type != CX_V_INT)
				continue;
			char sql[128];
			sqlite3_stmt *s = NULL;
			snprintf(sql, sizeof sql, "SELECT 1 FROM %s WHERE id = ?", c->ref);
			int found = 0;
			if (sqlite3_prepare_v2(w->st->db, sql, -1, &s, NULL) == SQLITE_OK) {
				sqlite3_bind_int64(s, 1, w->v[i].i);
				found = sqlite3_step(s) == SQLITE_ROW;
			}
			sqlite3_finalize(s);
			if (!found) {
				*bad_col = (int)i;
				return cx_fail(err, CX_EXIT_RUNTIME, "no %s row with id %lld", c->ref, (long long)w->v[i].i);
			}
		}
		int code = cx_table_col(w->t, "discount_code");
		if (code >= 0 && w->v[code].type == CX_V_TEXT) {
			*bad_col = code;
			return cx_fail(err, CX_EXIT_RUNTIME, "no agent has the discount code '%s'", w->v[code].s);
		}
		return cx_fail(err, CX_EXIT_RUNTIME, "a reference points to no row");
	}
	/* "UNIQUE constraint failed: agents.email": name the column. */
	const char *dot = strrchr(msg, '.');
	if (ext == SQLITE_CONSTRAINT_UNIQUE && dot) {
		for (size_t i = 0; i < w->t->ncols; i++)
			if (cx_col_stored(&w->t->cols[i]) && strncmp(cx_col_sql(&w->t->cols[i]), dot + 1, strcspn(dot + 1, ", ")) == 0 &&
			    strlen(cx_col_sql(&w->t->cols[i])) == strcspn(dot + 1, ", ")) {
				*bad_col = (int)i;
				return cx_fail(err, CX_EXIT_RUNTIME, "another row already has this %s", w->t->cols[i].name);
			}
	}
	if (ext == SQLITE_CONSTRAINT_CHECK) {
		const char *what = strstr(msg, "failed: ");
		for (size_t i = 0; i < sizeof rules / sizeof rules[0]; i++)
			if (strstr(msg, rules[i].check)) {
				int col = rules[i].col ? cx_table_col(w->t, rules[i].col) : -1;
				/* Point at the column when the file gives it. */
				*bad_col = col >= 0 && w->v[col].type != CX_V_ABSENT ? col : -1;
				return cx_fail(err, CX_EXIT_RUNTIME, "the store refuses this row: %s", rules[i].words);
			}
		return cx_fail(err, CX_EXIT_RUNTIME, "the store refuses this row: %s", what ? what + 8 : msg);
	}
	return cx_fail(err, CX_EXIT_RUNTIME, "the store refuses this row: %s", msg);
}

/* ---- settings ----------------------------------------------------------- */

static int put_setting(cx_rows *w, const cx_val *v, long line, int *bad_col, cx_error *err)
{
	const char *key = v[0].s, *value = v[1].s;
	for (size_t i = 0; i < w->nkeys; i++)
		if (strcmp(w->keys[i], key) == 0) {
			*bad_col = 0;
			return cx_fail(err, CX_EXIT_RUNTIME, "setting '%s' again (first on line %ld)", key, w->key_lines[i]);
		}
	if (w->nkeys == w->keys_cap) {
		size_t cap = w->keys_cap;
		w->keys = cx_q_grow(w->keys, &cap, w->nkeys, sizeof *w->keys);
		w->key_lines = cx_q_grow(w->key_lines, &w->keys_cap, w->nkeys, sizeof *w->key_lines);
	}
	w->keys[w->nkeys] = cx_xstrdup(key);
	w->key_lines[w->nkeys++] = line;

	int64_t dummy;
	if (cx_rows_prep(w, &w->by_id, "SELECT 1 FROM settings WHERE key = ?1", err) < 0)
		return -1;
	sqlite3_bind_text(w->by_id, 1, key, -1, SQLITE_STATIC);
	int found = step_id(w, w->by_id, &dummy, err);
	if (found < 0)
		return -1;
	if (cx_rows_prep(w, &w->shape[0].ins,
			 "INSERT INTO settings (key, value) VALUES (?1, ?2)"
			 " ON CONFLICT (key) DO UPDATE SET value = excluded.value WHERE value IS NOT excluded.value",
			 err) < 0)
		return -1;
	sqlite3_stmt *s = w->shape[0].ins;
	sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, value, -1, SQLITE_STATIC);
	int rc = sqlite3_step(s);
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	if (rc == SQLITE_CONSTRAINT) {
		int ignored;
		constraint_fail(w, &ignored, err);
		*bad_col = 1;
		return -1;
	}
	if (rc != SQLITE_DONE)
		return cx_rows_sql_fail(w, err);
	if (!found)
		w->counts.inserted++;
	else if (sqlite3_changes(w->st->db))
		w->counts.updated++;
	else
		w->counts.unchanged++;
	return 0;
}

/* ---- a row ---------------------------------------------------------------- */

/* The row's instant, for the agents and customers it creates. */
static int64_t row_when(cx_rows *w)
{
	if (w->date_col >= 0) {
		const cx_val *v = &w->v[w->date_col];
		int32_t day;
		if (v->type == CX_V_INT)
			return v->i;
		if (v->type == CX_V_TEXT && cx_date_parse(v->s, &day))
			return cx_local_midnight(day);
	}
	return (int64_t)time(NULL);
}

static int touch(cx_rows *w, int64_t id, cx_error *err)
{
	if (!w->t->touch)
		return 0;
	if (!w->touch) {
		char sql[128];
		snprintf(sql, sizeof sql, "UPDATE %s SET %s = ?2 WHERE id = ?1", w->t->sql, w->t->touch);
		if (cx_rows_prep(w, &w->touch, sql, err) < 0)
			return -1;
	}
	sqlite3_bind_int64(w->touch, 1, id);
	sqlite3_bind_int64(w->touch, 2, (int64_t)time(NULL));
	int rc = sqlite3_step(w->touch);
	sqlite3_reset(w->touch);
	return rc == SQLITE_DONE ? 0 : cx_rows_sql_fail(w, err);
}

/* Runs an insert or update with its values bound: 0, or -1 with the
 * refusal in words. */
static int step_write(cx_rows *w, sqlite3_stmt *s, int *bad_col, cx_error *err)
{
	int rc = sqlite3_step(s);
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	if (rc == SQLITE_CONSTRAINT)
		return constraint_fail(w, bad_col, err);
	return rc == SQLITE_DONE ? 0 : cx_rows_sql_fail(w, err);
}

/* A row found by id or natural key, of a file that gives it a source id:
 * the row takes the source id when it has none, so that the next import
 * of the file finds it by that.  1 when it did, 0 when not, -1 error. */
static int adopt(cx_rows *w, const char *source, int64_t id, cx_error *err)
{
	const cx_val *sid = &w->v[w->sid_col];
	if (sid->type != CX_V_TEXT || w->by_sid)
		return 0;
	if (!w->adopt) {
		char sql[160];
		snprintf(sql, sizeof sql, "UPDATE %s SET source = ?2, source_id = ?3 WHERE id = ?1 AND source_id IS NULL",
			 w->t->sql);
		if (cx_rows_prep(w, &w->adopt, sql, err) < 0)
			return -1;
	}
	sqlite3_bind_int64(w->adopt, 1, id);
	sqlite3_bind_text(w->adopt, 2, source, -1, SQLITE_STATIC);
	sqlite3_bind_text(w->adopt, 3, sid->s, -1, SQLITE_STATIC);
	int rc = sqlite3_step(w->adopt);
	sqlite3_reset(w->adopt);
	sqlite3_clear_bindings(w->adopt);
	if (rc != SQLITE_DONE)
		return cx_rows_sql_fail(w, err);
	return sqlite3_changes(w->st->db) > 0;
}

/* A new ticket solved without a first resolution gets resolved_at, which
 * is what the store's trigger would give it (schema.c, version 7), but
 * with an update of each row written: a third more time for an import
 * of solved tickets.  Not when resolved_at is before created_at: the
 * store refuses that row, in words about resolved_at. */
static void first_resolution(cx_rows *w)
{
	if (w->first_res_col < 0)
		return;
	cx_val *first = &w->v[w->first_res_col];
	const cx_val *solved = &w->v[w->resolved_col], *created = &w->v[w->created_col];
	if ((first->type == CX_V_ABSENT || first->type == CX_V_NULL) && solved->type == CX_V_INT &&
	    created->type == CX_V_INT && solved->i >= created->i)
		*first = *solved;
}

static int put_row(cx_rows *w, const char *source, const cx_val *vals, long line, int *bad_col, cx_error *err)
{
	const cx_table_def *t = w->t;
	*bad_col = -1;
	memcpy(w->v, vals, t->ncols * sizeof *w->v);
	if (w->settings)
		return put_setting(w, w->v, line, bad_col, err);
	if (w->src_col >= 0 && w->v[w->src_col].type == CX_V_TEXT)
		source = w->v[w->src_col].s;

	if (w->has_lookups && cx_rows_resolve(w, source, row_when(w), bad_col, err) < 0)
		return -1;

	int64_t id = 0;
	int found = find_row(w, source, &id, bad_col, err);
	if (found < 0 || cx_rows_derive(w, found, err) < 0)
		return -1;

	uint64_t mask = 0;
	if (!found) {
		/* A new row: the defaults import gives, then every required
		 * column must be there. */
		for (size_t i = 0; i < t->ncols; i++) {
			const cx_col *c = &t->cols[i];
			if (c->dflt && w->v[i].type == CX_V_ABSENT) {
				w->v[i].type = c->kind == CX_COL_INT ? CX_V_INT : CX_V_TEXT;
				w->v[i].i = strtoll(c->dflt, NULL, 10);
				w->v[i].s = c->dflt;
			}
			if (c->required && cx_col_stored(c) && w->v[i].type != CX_V_INT && w->v[i].type != CX_V_TEXT) {
				*bad_col = (int)i;
				if (w->v[i].type == CX_V_NULL)
					return cx_fail(err, CX_EXIT_RUNTIME, "%s is empty; a new %s row needs it", c->name,
						       t->name);
				return cx_fail(err, CX_EXIT_RUNTIME, "no %s column; a new %s row needs it", c->name, t->name);
			}
		}
		w->v[w->src_col].type = CX_V_TEXT;
		w->v[w->src_col].s = source;
		first_resolution(w);
	}
	for (size_t i = 0; i < t->ncols; i++)
		if (cx_col_stored(&t->cols[i]) && w->v[i].type != CX_V_ABSENT)
			mask |= 1ull << i;
	if (found) {
		/* The row keeps its source and source id (adopt() gives one to
		 * a row that has none). */
		mask &= ~(1ull << w->src_col);
		mask &= ~(1ull << w->sid_col);
	}
	int k;
	if (build_shape(w, mask, &k, err) < 0)
		return -1;

	if (found) {
		int adopted = seen(w, id, bad_col, err) < 0 ? -1 : adopt(w, source, id, err);
		if (adopted < 0)
			return -1;
		sqlite3_stmt *s = w->shape[k].upd;
		if (!s) {
			if (adopted)
				w->counts.updated++;
			else
				w->counts.unchanged++;
			return cx_rows_credit_order(w, err);
		}
		bind_row(w, s, mask);
		sqlite3_bind_int64(s, ROWID_PARAM, id);
		if (step_write(w, s, bad_col, err) < 0)
			return -1;
		if (sqlite3_changes(w->st->db) == 0 && !adopted) {
			w->counts.unchanged++;
			return cx_rows_credit_order(w, err);
		}
		w->counts.updated++;
		return touch(w, id, err) < 0 || cx_rows_credit_order(w, err) < 0 ? -1 : 0;
	}
	sqlite3_stmt *s = w->shape[k].ins;
	bind_row(w, s, mask);
	if (step_write(w, s, bad_col, err) < 0)
		return -1;
	id = sqlite3_last_insert_rowid(w->st->db);
	if (id > w->max_id)
		w->max_id = id;
	w->counts.inserted++;
	if (seen(w, id, bad_col, err) < 0)
		return -1;
	return touch(w, id, err) < 0 || cx_rows_credit_order(w, err) < 0 ? -1 : 0;
}

int cx_rows_put(cx_rows *w, const char *source, const cx_val *vals, long line, int *bad_col, cx_error *err)
{
	if (put_row(w, source, vals, line, bad_col, err) == 0)
		return 0;
	/* A full disk, an I/O error, no memory: SQLite may have ended the
	 * transaction, and no later row can be trusted to roll back. */
	if (w->fatal || sqlite3_get_autocommit(w->st->db)) {
		w->fatal = true;
		return -2;
	}
	return -1;
}

/* ---- the call ------------------------------------------------------------- */

static int64_t one_int(cx_store *st, const char *sql)
{
	sqlite3_stmt *s = NULL;
	int64_t v = 0;
	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return v;
}

/* The statements and column places of the table being written. */
static void unbind_table(cx_rows *w)
{
	for (int i = 0; i < w->nshapes; i++) {
		sqlite3_finalize(w->shape[i].ins);
		sqlite3_finalize(w->shape[i].upd);
	}
	if (w->settings)
		sqlite3_finalize(w->shape[0].ins);
	memset(w->shape, 0, sizeof w->shape);
	w->nshapes = 0;
	sqlite3_finalize(w->by_source);
	sqlite3_finalize(w->by_id);
	sqlite3_finalize(w->natural[0]);
	sqlite3_finalize(w->natural[1]);
	sqlite3_finalize(w->touch);
	sqlite3_finalize(w->adopt);
	w->by_source = w->by_id = w->natural[0] = w->natural[1] = w->touch = w->adopt = NULL;
	free(w->fills);
	free(w->v);
	w->fills = NULL;
	w->v = NULL;
}

static void rows_free(cx_rows *w)
{
	unbind_table(w);
	sqlite3_finalize(w->seen_put);
	cx_rows_lookup_free(w);
	for (size_t i = 0; i < w->nkeys; i++)
		free(w->keys[i]);
	free(w->keys);
	free(w->key_lines);
	free(w->seen_bits);
	free(w);
}

/* Where table t's columns are and what its rows do beyond themselves,
 * known once rather than looked up per row. */
static int bind_table(cx_rows *w, const cx_table_def *t, cx_error *err)
{
	w->t = t;
	w->v = cx_xcalloc(t->ncols, sizeof *w->v);
	w->id_col = cx_table_col(t, "id");
	w->src_col = cx_table_col(t, "source");
	w->sid_col = cx_table_col(t, "source_id");
	w->date_col = t->date_col ? cx_table_col(t, t->date_col) : -1;
	w->team_col = cx_table_col(t, "agent_team");
	w->cname_col = cx_table_col(t, "customer_name");
	w->settings = strcmp(t->sql, "settings") == 0;
	/* What orders, contacts and renewals do beyond their own row
	 * (rows_lookup.c). */
	w->orders = strcmp(t->sql, "orders") == 0;
	w->credits_orders = strcmp(t->sql, "campaign_contacts") == 0 || strcmp(t->sql, "renewals") == 0;
	w->agent_col = cx_table_col(t, "agent_id");
	w->order_col = cx_table_col(t, "order_id");
	w->code_col = cx_table_col(t, "discount_code");
	w->attr_col = cx_table_col(t, "attribution");
	w->camp_col = cx_table_col(t, "campaign_id");
	w->agent_code_col = cx_table_col(t, "agent_code");
	w->cogs_col = cx_table_col(t, "cogs");
	w->amount_col = cx_table_col(t, "amount");
	w->first_res_col = cx_table_col(t, "first_resolved_at");
	w->resolved_col = cx_table_col(t, "resolved_at");
	w->created_col = cx_table_col(t, "created_at");
	w->cogs_bp = -1;
	char bp[32];
	if (w->orders && cx_store_setting(w->st, "cogs_bp", bp, sizeof bp))
		w->cogs_bp = strtoll(bp, NULL, 10);
	w->fills = cx_xcalloc(t->ncols, sizeof *w->fills);
	w->has_lookups = false;
	for (size_t i = 0; i < t->ncols; i++) {
		w->fills[i] = t->cols[i].fills ? cx_table_col(t, t->cols[i].fills) : -1;
		w->has_lookups |= t->cols[i].kind == CX_COL_LOOKUP;
	}
	if (w->settings)
		return 0;
	char sql[256];
	snprintf(sql, sizeof sql, "SELECT id FROM %s WHERE source = ?1 AND source_id = ?2", t->sql);
	if (cx_rows_prep(w, &w->by_source, sql, err) < 0)
		return -1;
	snprintf(sql, sizeof sql, "SELECT id FROM %s WHERE id = ?1", t->sql);
	if (cx_rows_prep(w, &w->by_id, sql, err) < 0)
		return -1;
	snprintf(sql, sizeof sql, "SELECT coalesce(max(id), 0) FROM %s", t->sql);
	w->max_id = one_int(w->st, sql);
	return 0;
}

cx_rows *cx_rows_begin(cx_store *st, const cx_table_def *t, cx_error *err)
{
	if (st->read_only) {
		cx_fail(err, CX_EXIT_RUNTIME, "cannot import into '%s': the store is read-only", st->path);
		return NULL;
	}
	cx_rows *w = cx_xcalloc(1, sizeof *w);
	w->st = st;
	/* A bigger page cache while importing: the indexes of a large table
	 * take rows in no particular order, and with SQLite's default 2 MB
	 * the import spends most of its time moving pages in and out (1M
	 * tickets: 13 s of SQL with it, 8 s with 16 MB).  Temporary files in
	 * memory: a ticket's insert fires the rollup triggers (schema 4), so
	 * SQLite keeps a statement journal for each row, which on disk cost
	 * four writes a row (200,000 tickets: 8.3 s, against 2.0 s). */
	int rc = sqlite3_exec(st->db,
			      "PRAGMA cache_size = -16384; PRAGMA temp_store = MEMORY;"
			      "CREATE TEMP TABLE IF NOT EXISTS cx_seen (id INTEGER PRIMARY KEY);"
			      "DELETE FROM temp.cx_seen; BEGIN IMMEDIATE",
			      NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		cx_store_sql_fail(st, err, rc, "cannot import into store");
		rows_free(w);
		return NULL;
	}
	if (bind_table(w, t, err) < 0)
		goto fail;
	w->customers_start_max = one_int(st, "SELECT coalesce(max(id), 0) FROM customers");
	if (cx_rows_prep(w, &w->seen_put, "INSERT INTO temp.cx_seen (id) VALUES (?1)", err) < 0)
		goto fail;
	return w;
fail:
	sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	rows_free(w);
	return NULL;
}

int cx_rows_next_table(cx_rows *w, const cx_table_def *t, cx_error *err)
{
	unbind_table(w);
	if (cx_rows_next_file(w, err) < 0)
		return -1;
	return bind_table(w, t, err);
}

int cx_rows_next_file(cx_rows *w, cx_error *err)
{
	for (size_t i = 0; i < w->nkeys; i++)
		free(w->keys[i]);
	w->nkeys = 0;
	if (w->seen_bits)
		memset(w->seen_bits, 0, w->seen_words * sizeof *w->seen_bits);
	int rc = sqlite3_exec(w->st->db, "DELETE FROM temp.cx_seen", NULL, NULL, NULL);
	return rc == SQLITE_OK ? 0 : cx_store_sql_fail(w->st, err, rc, "cannot import into store");
}

const cx_rows_counts *cx_rows_counts_of(const cx_rows *w)
{
	return &w->counts;
}

int cx_rows_end(cx_rows *w, bool commit, cx_error *err)
{
	cx_store *st = w->st;
	int ret = 0;
	if (commit && cx_rows_fix_created(w, err) < 0)
		commit = false, ret = -1;
	/* The hours the rows touched are packed in the same transaction: an
	 * import leaves the rollups current (rollup.c). */
	if (commit && cx_rollup_pack_dirty(st, err) < 0)
		commit = false, ret = -1;
	if (commit) {
		int rc = sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
		if (rc != SQLITE_OK) {
			cx_store_sql_fail(st, err, rc, "cannot import into store");
			ret = -1;
		}
	}
	/* A failed COMMIT leaves the transaction open: roll it back. */
	if (!sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_exec(st->db, "DROP TABLE IF EXISTS temp.cx_seen; PRAGMA cache_size = -2000; PRAGMA temp_store = DEFAULT", NULL, NULL, NULL);
	rows_free(w);
	return ret;
}
