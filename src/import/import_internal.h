/* import_internal.h — private to src/import. */
#ifndef CXTOP_IMPORT_INTERNAL_H
#define CXTOP_IMPORT_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>

#include "cxtop/csv.h"
#include "cxtop/import.h"
#include "cxtop/store_rows.h"

/* A native CSV export writes a text starting with one of these after a '
 * (a spreadsheet would run it as a formula); import takes the ' off. */
#define CX_NATIVE_QUOTED "=+-@\t\r'"

/* The canonical value of an enumerated column for value (a channel or a
 * status as other systems name them, cxtop(5)), or NULL when it has none. */
const char *cx_imp_canonical(const cx_col *c, const char *value);

/* What is wrong with a name's text (control characters, a direction
 * override, invalid UTF-8, a length outside min..max characters; 0: no
 * bound), or NULL. */
const char *cx_imp_text_problem(const char *s, int64_t min, int64_t max);

/* Settings: the key and value a settings file row means in the store, or
 * the reason it is refused. */
const char *cx_imp_setting(const char *key, const char *value, const char **store_key, char *store_value,
			   size_t len);
/* The settings row for export: the key and value as a native CSV writes
 * them. */
void cx_imp_setting_out(const char *store_key, const char *store_value, const char **key, char *value, size_t len);

/* Charges folded into failed renewals (fold.c).  The table a charges
 * file is read as; each converted row is added; at the end of the call
 * the renewals (and support's win-back orders) are written through w,
 * which holds the orders table and moves on to renewals. */
typedef struct cx_fold cx_fold;
const cx_table_def *cx_fold_table(void);
cx_fold *cx_fold_new(void);
void cx_fold_file(cx_fold *f, const char *name);
/* NULL, or why the row cannot be one attempt. */
const char *cx_fold_add(cx_fold *f, const cx_val *vals, long line);
int cx_fold_write(cx_fold *f, cx_rows *w, const char *source, cx_fold_counts *c, cx_error *err);
void cx_fold_free(cx_fold *f);

/* JSON exports (json.c): every file of the call read at once (the lists
 * joined to records may be in other files), then each file's records as
 * rows with a header of the paths the mapping reads. */
typedef struct cx_json_set cx_json_set;
cx_json_set *cx_json_load(char *const *files, size_t nfiles, const cx_mapping *m, cx_error *err);
cx_csv *cx_json_rows(cx_json_set *s, size_t file, cx_error *err);
void cx_json_free(cx_json_set *s);

#endif
