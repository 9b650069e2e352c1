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
 * arithmetic on a schedule is src/model's (business_time.h), and so is the
 * struct it fills (schedule_set.h). */
#ifndef CXTOP_SCHEDULES_H
#define CXTOP_SCHEDULES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cxtop/schedule_set.h"
#include "cxtop/error.h"

/* Reads a schedules file.  On error fills err with "PATH:LINE:COLUMN:
 * message" (or "cannot open schedules 'PATH': reason") and returns -1 with
 * *out zeroed. */
int cx_schedules_load(const char *path, cx_schedules *out, cx_error *err);
/* The same from memory (tests, the fuzzer). */
int cx_schedules_load_mem(const char *path, const char *text, size_t len, cx_schedules *out, cx_error *err);
#endif
