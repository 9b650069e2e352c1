/* schedule_set.h — a company's schedules and SLA policies as plain data:
 * what a schedules file says (src/config/schedules.c reads one) and what
 * the store keeps (schema 5; cxtop schedule load writes it).
 *
 * Part of src/model: plain structs and lookups, no I/O. */
#ifndef CXTOP_SCHEDULE_SET_H
#define CXTOP_SCHEDULE_SET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cxtop/business_time.h"
#include "cxtop/sla.h"

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

void cx_schedules_free(cx_schedules *s);
/* The schedule for team: the one that names it, else the default, else
 * NULL. */
const cx_named_schedule *cx_schedules_for(const cx_schedules *s, const char *team);

#endif
