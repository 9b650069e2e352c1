/* nav.c — the navigation stack.  Its bottom is the current root (one of the
 * eight tabs, which live as long as the program); above it the drill-downs
 * and overlays, each an instance the stack owns: popping one frees it and
 * shows exactly what was beneath, cursor, scroll and sort as they were. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "glyphs.h"
#include "cxtop/xalloc.h"

static void make(struct cx_app *app, struct cx_view *v, const struct cx_view_ops *ops, const void *arg)
{
	v->ops = ops;
	v->state = ops->state_size ? cx_xcalloc(1, ops->state_size) : NULL;
	v->stale = true;
	v->keys = ops->keys;
	if (ops->init)
		ops->init(app, v, arg);
}

static void drop(struct cx_view *v)
{
	if (v->ops && v->ops->fini)
		v->ops->fini(v);
	free(v->state);
	v->state = NULL;
}

void cx_nav_init(struct cx_app *app)
{
	int i = 0;
#define CX_ROOT_MAKE(ops, arg, name, abbrev)                                          \
	make(app, &app->roots[i], &ops, arg);                                         \
	snprintf(app->roots[i].title, sizeof app->roots[i].title, "%s", name);        \
	i++;
	CX_ROOT_LIST(CX_ROOT_MAKE)
#undef CX_ROOT_MAKE
	app->root = 0;
	app->stack[0] = &app->roots[0];
	app->depth = 1;
}

void cx_nav_free(struct cx_app *app)
{
	cx_nav_root(app, app->root);
	for (int i = 0; i < CX_ROOT_COUNT; i++)
		drop(&app->roots[i]);
}

struct cx_view *cx_nav_top(struct cx_app *app)
{
	return app->stack[app->depth - 1];
}

struct cx_view *cx_nav_screen(struct cx_app *app)
{
	int i = app->depth - 1;
	while (i > 0 && app->stack[i]->ops->overlay)
		i--;
	return app->stack[i];
}

struct cx_view *cx_nav_push(struct cx_app *app, const struct cx_view_ops *ops, const void *arg)
{
	if (app->depth >= CX_STACK_MAX) {
		cx_app_status(app, true, "too deep: Esc goes back");
		return NULL;
	}
	struct cx_view *v = cx_xcalloc(1, sizeof *v);
	app->stack[app->depth++] = v;
	make(app, v, ops, arg);
	if (v->refused) {
		cx_nav_pop(app);
		return NULL;
	}
	/* A message belongs to the screen it was about. */
	if (!ops->overlay && !app->status_error)
		app->status[0] = '\0';
	return v;
}

void cx_nav_pop(struct cx_app *app)
{
	if (app->depth <= 1)
		return;
	struct cx_view *v = app->stack[--app->depth];
	if (app->prompt_view == v) {
		app->prompt = NULL;
		app->prompt_view = NULL;
	}
	drop(v);
	free(v);
}

void cx_nav_root(struct cx_app *app, int i)
{
	while (app->depth > 1)
		cx_nav_pop(app);
	if (i < 0 || i >= CX_ROOT_COUNT || i == app->root)
		return;
	app->root = i;
	app->stack[0] = &app->roots[i];
	if (!app->status_error)
		app->status[0] = '\0';
}

void cx_nav_trail(struct cx_app *app, char *buf, size_t len)
{
	size_t used = 0;
	buf[0] = '\0';
	for (int i = 0; i < app->depth; i++) {
		if (app->stack[i]->ops->overlay)
			continue;
		int w = snprintf(buf + used, len - used, "%s%s%s%s", i ? " " : "", i ? cx_glyph(CX_G_TRAIL) : "",
				 i ? " " : "", app->stack[i]->title);
		if (w < 0 || (size_t)w >= len - used)
			break;
		used += (size_t)w;
	}
}
