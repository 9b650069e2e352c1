/* schedules.h — a team's working hours and holidays, from a YAML file
 * (format in cxtop(5), SCHEDULES):
 *
 *     schedules:
 *       Helsinki:
 *         timezone: Europe/Helsinki
 *         teams: [Helsinki]
 *         hours:
 *           mon-fri: [08:00-12:00, 13:00-17:00]
 *           sat: 10:00-14:00
 *         holidays:
 *           2022-01-06: Epiphany
 *       US:
 *         timezone: America/New_York
 *         default: true
 *         hours: {mon-fri: 09:00-17:00}
 *     sla:
 *       - {name: Urgent, priority: urgent, first_reply: 1h, resolution: 8h}
 *       - {name: Chat, channel: chat, first_reply: 5m, hours: calendar}
 *
 * src/config reads and checks it (every error FILE:LINE:COLUMN); the
 * arithmetic on a schedule is src/model's (business_time.h). */
#ifndef CXTOP_SCHEDULES_H
#define CXTOP_SCHEDULES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cxtop/business_time.h"
#include "cxtop/sla.h"
#include "cxtop/error.h"

typedef struct cx_named_schedule {
	char *name;
	char *timezone;      /* an IANA zone cx_zone_known accepts */
	cx_schedule hours;   /* hours.holidays points at holidays below */
	int32_t *holidays;   /* local days, sorted */
	char **holiday_names; /* per holiday ("" when not named) */
	size_t nholidays;
	char **teams;        /* the teams it applies to */
	size_t nteams;
	bool is_default;     /* for every team no schedule names */
} cx_named_schedule;

typedef struct cx_schedules {
	char *path;
	cx_named_schedule *v;
	size_t n;
	cx_sla_policy *sla; /* the file's sla: list, in order: the first that matches a ticket applies */
	size_t nsla;
} cx_schedules;

/* Reads a schedules file.  On error fills err with "PATH:LINE:COLUMN:
 * message" (or "cannot open schedules 'PATH': reason") and returns -1 with
 * *out zeroed. */
int cx_schedules_load(const char *path, cx_schedules *out, cx_error *err);
/* The same from memory (tests, the fuzzer). */
int cx_schedules_load_mem(const char *path, const char *text, size_t len, cx_schedules *out, cx_error *err);
void cx_schedules_free(cx_schedules *s);

/* The schedule for team: the one that names it, else the default, else
 * NULL. */
const cx_named_schedule *cx_schedules_for(const cx_schedules *s, const char *team);

#endif
