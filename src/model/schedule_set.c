/* schedule_set.c — freeing and looking up a set of schedules
 * (schedule_set.h). */
#include "cxtop/schedule_set.h"

#include <stdlib.h>
#include <string.h>

void cx_schedules_free(cx_schedules *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->n; i++) {
		cx_named_schedule *x = &s->v[i];
		free(x->name);
		free(x->timezone);
		free(x->holidays);
		for (size_t j = 0; j < x->nholidays; j++)
			free(x->holiday_names[j]);
		free(x->holiday_names);
		for (size_t j = 0; j < x->nteams; j++)
			free(x->teams[j]);
		free(x->teams);
	}
	free(s->v);
	for (size_t i = 0; i < s->nsla; i++)
		free(s->sla[i].name);
	free(s->sla);
	free(s->path);
	memset(s, 0, sizeof *s);
}

const cx_named_schedule *cx_schedules_for(const cx_schedules *s, const char *team)
{
	const cx_named_schedule *dflt = NULL;
	for (size_t i = 0; i < s->n; i++) {
		for (size_t t = 0; t < s->v[i].nteams; t++)
			if (team && strcmp(s->v[i].teams[t], team) == 0)
				return &s->v[i];
		if (s->v[i].is_default)
			dflt = &s->v[i];
	}
	return dflt;
}
