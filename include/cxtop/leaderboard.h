/* leaderboard.h — the gamification board of a period, gathered once:
 * the scoring rules in force, what each agent did this period, last period
 * (for rank movement) and all time (for levels), and the computed board.
 * `cxtop report leaderboard`/`trophies` print it; the UI draws it. */
#ifndef CXTOP_LEADERBOARD_H
#define CXTOP_LEADERBOARD_H

#include "cxtop/scoring.h"
#include "cxtop/store.h"

typedef struct cx_leaderboard {
	cx_scoring rules;
	char rules_path[1024];  /* "" when the built-in rules apply */
	char rules_error[512];  /* "path:line:column: message" when the file was refused */
	cx_score_raw *raw, *prev, *life;
	size_t n, nprev, nlife;
	cx_board board;
} cx_leaderboard;

int cx_leaderboard_load(cx_store *st, const cx_period *p, cx_leaderboard *out, cx_error *err);
void cx_leaderboard_free(cx_leaderboard *lb);
/* Counts and keeps (a writable store) the leaderboard's months up to and
 * including the newest ticket's, under the scoring rules in use, so the
 * boards that follow, read-only ones too, add them up instead of counting
 * every ticket ever solved (cxtop(5), score_months).  After an import. */
int cx_leaderboard_keep_months(cx_store *st, cx_error *err);

/* "▲2", "▼1", "=", "new". */
void cx_leaderboard_movement(const cx_score *s, char *buf, size_t len);
/* "Closer, Saver" or "". */
void cx_leaderboard_badges(const cx_scoring *rules, const cx_score *s, char *buf, size_t len);
/* "easy tickets, reopens" or "". */
void cx_leaderboard_flags(const cx_score *s, char *buf, size_t len);
/* One sentence per flag, for the detail pane and the report's notes. */
void cx_leaderboard_flag_reasons(const cx_board *b, const cx_scoring *rules, const cx_score *s, char *buf,
				 size_t len);

#endif
