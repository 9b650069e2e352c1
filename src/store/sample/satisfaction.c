/* satisfaction.c — the customers' satisfaction follows their ratings.
 *
 * Some customers answered a survey when they came (people.c); after that,
 * each rating they give on a solved ticket is their satisfaction (a 0 on
 * the 0-10 scale counts as the survey's lowest, 1).  The store keeps the
 * history of the score (schema 7), so the sample writes it as it would
 * have been recorded: one change at each rating that moved the score, at
 * the moment the ticket was solved.  A past month's watchlist then reads
 * as it stood at the month's end. */
#include "sample.h"

void gen_satisfaction(struct world *w)
{
	/* The changes, worked out from the ratings in time order before the
	 * scores move (each rating against the one before, the first against
	 * the survey's score). */
	sq_exec(w->db,
		"CREATE TEMP TABLE rated AS"
		" SELECT customer_id, at, before, after FROM ("
		"   SELECT t.customer_id, t.resolved_at AS at, max(t.csat, 1) AS after,"
		"          CASE WHEN row_number() OVER win = 1 THEN c.satisfaction"
		"               ELSE max(lag(t.csat) OVER win, 1) END AS before"
		"   FROM tickets t JOIN customers c ON c.id = t.customer_id"
		"   WHERE t.csat IS NOT NULL AND t.resolved_at IS NOT NULL"
		"   WINDOW win AS (PARTITION BY t.customer_id ORDER BY t.resolved_at, t.id))"
		" WHERE before IS NOT after");
	/* The scores now: each customer's latest.  The store's trigger notes
	 * these as changes made today; the history written next replaces
	 * them. */
	sq_exec(w->db,
		"UPDATE customers SET satisfaction = (SELECT after FROM rated r WHERE r.customer_id = customers.id"
		"  ORDER BY r.at DESC LIMIT 1)"
		" WHERE id IN (SELECT customer_id FROM rated)");
	sq_exec(w->db, "DELETE FROM customer_changes");
	sq_exec(w->db,
		"INSERT INTO customer_changes (customer_id, at, satisfaction_before, satisfaction_after)"
		" SELECT customer_id, at, before, after FROM rated ORDER BY at, customer_id");
	sq_exec(w->db, "DROP TABLE rated");
}
