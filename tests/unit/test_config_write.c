/* test_config_write.c — the theme chosen in the UI remembered in the
 * user's config file: the value replaced in place or a line added, every
 * other byte kept, and a file that cannot take it safely left alone. */
#include "testutil.h"

#include <errno.h>
#include <sys/stat.h>

#include "cxtop/config.h"

static const char *write_file(const char *name, const char *text)
{
	static char path[512];
	snprintf(path, sizeof path, "%s", tu_tmp_path(name));
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(text, 1, strlen(text), f), strlen(text));
	assert_int_equal(fclose(f), 0);
	return path;
}

static char *read_file(const char *path)
{
	static char buf[4096];
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	return buf;
}

/* Sets the theme in a file holding `before` and checks it then holds
 * `after` byte for byte, and reads back with that theme. */
static void becomes(const char *before, const char *theme, const char *after)
{
	const char *path = write_file("config.yaml", before);
	cx_error err = {0};
	if (cx_config_set_theme(path, theme, &err) != 0)
		fail_msg("refused: %s", err.msg);
	assert_string_equal(read_file(path), after);
	cx_config c;
	assert_int_equal(cx_config_load(path, &c, &err), 0);
	assert_true(c.has_theme);
	assert_string_equal(c.theme, theme);
}

/* The file is refused and stays as it was; err says why, with want. */
static void refused(const char *before, const char *want)
{
	const char *path = write_file("config.yaml", before);
	cx_error err = {0};
	assert_int_equal(cx_config_set_theme(path, "light", &err), -1);
	assert_true(strncmp(err.msg, "config.yaml", 11) == 0);
	if (!strstr(err.msg, want))
		fail_msg("'%s' lacks '%s'", err.msg, want);
	assert_string_equal(read_file(path), before);
}

static void a_new_file_in_new_folders(void **state)
{
	char path[600];
	snprintf(path, sizeof path, "%s/cxtop/config.yaml", tu_tmp_path("xdg"));
	cx_error err = {0};
	assert_int_equal(cx_config_set_theme(path, "light", &err), 0);
	assert_string_equal(read_file(path), "theme: light\n");
	struct stat sb;
	char dir[600];
	snprintf(dir, sizeof dir, "%s/cxtop", tu_tmp_path("xdg"));
	assert_int_equal(stat(dir, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0700);
	/* Again: replaced, not added twice. */
	assert_int_equal(cx_config_set_theme(path, "mono", &err), 0);
	assert_string_equal(read_file(path), "theme: mono\n");
}

static void the_value_is_replaced_in_place(void **state)
{
	becomes("# my settings\n"
		"db: ~/team.db   # the team's store\n"
		"\n"
		"theme: solarized-dark      # a dark room\n"
		"refresh_ms: 1000\n",
		"light",
		"# my settings\n"
		"db: ~/team.db   # the team's store\n"
		"\n"
		"theme: light      # a dark room\n"
		"refresh_ms: 1000\n");
	becomes("theme: \"mono\"  # quoted\n", "high-contrast", "theme: high-contrast  # quoted\n");
	becomes("theme: 'mono'\n", "light", "theme: light\n");
	/* In braces too, where it is already written. */
	becomes("{db: /x.db, theme: mono}\n", "light", "{db: /x.db, theme: light}\n");
	/* Characters beyond ASCII before it on its line. */
	becomes("{db: /tiimi/\u00e4\u00e4.db, theme: mono}\n", "light", "{db: /tiimi/\u00e4\u00e4.db, theme: light}\n");
}

static void a_line_is_added_when_there_is_none(void **state)
{
	becomes("", "light", "theme: light\n");
	becomes("# only a comment\n", "light", "# only a comment\ntheme: light\n");
	becomes("db: /x.db\n# the end, no newline", "light", "db: /x.db\n# the end, no newline\ntheme: light\n");
	becomes("  db: /x.db\n", "light", "  db: /x.db\n  theme: light\n");
	becomes("db: /x.db\r\nrefresh_ms: 700\r\n", "light", "db: /x.db\r\nrefresh_ms: 700\r\ntheme: light\r\n");
}

static void a_name_that_needs_quotes(void **state)
{
	becomes("theme: mono\n", "my theme: #2", "theme: \"my theme: #2\"\n");
	becomes("", "a \"b\" \\c", "theme: \"a \\\"b\\\" \\\\c\"\n");
}

static void what_cannot_be_updated_safely_is_left_alone(void **state)
{
	refused("db: [\n", "config.yaml:");
	refused("colour: blue\n", "unknown key");
	refused("{db: /x.db}\n", "braces");
	refused("theme: >\n  mono\n", "one line");
	refused("---\ndb: /x.db\n...\n", "read back");
	const char *path = write_file("config.yaml", "theme: mono\n");
	cx_error err = {0};
	assert_int_equal(cx_config_set_theme(path, "bad\nname", &err), -1);
	assert_string_equal(read_file(path), "theme: mono\n");
}

static void the_mode_and_a_link_are_kept(void **state)
{
	const char *path = write_file("real.yaml", "theme: mono\n");
	char real[600], link[600];
	snprintf(real, sizeof real, "%s", path);
	assert_int_equal(chmod(real, 0600), 0);
	snprintf(link, sizeof link, "%s", tu_tmp_path("linked.yaml"));
	assert_int_equal(symlink(real, link), 0);
	cx_error err = {0};
	assert_int_equal(cx_config_set_theme(link, "light", &err), 0);
	struct stat sb;
	assert_int_equal(lstat(link, &sb), 0);
	assert_true(S_ISLNK(sb.st_mode));
	assert_string_equal(read_file(real), "theme: light\n");
	assert_int_equal(stat(real, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
}

static void a_folder_that_cannot_be_written(void **state)
{
	if (geteuid() == 0)
		skip(); /* root writes anyway */
	char dir[600], path[700];
	snprintf(dir, sizeof dir, "%s", tu_tmp_path("locked"));
	assert_int_equal(mkdir(dir, 0700), 0);
	snprintf(path, sizeof path, "%s/config.yaml", dir);
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	fputs("theme: mono\n", f);
	fclose(f);
	assert_int_equal(chmod(dir, 0500), 0);
	cx_error err = {0};
	assert_int_equal(cx_config_set_theme(path, "light", &err), -1);
	assert_non_null(strstr(err.msg, "cannot write"));
	chmod(dir, 0700);
	assert_string_equal(read_file(path), "theme: mono\n");
}

static int teardown_all(void **state)
{
	tu_tmp_cleanup();
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_new_file_in_new_folders),
		cmocka_unit_test(the_value_is_replaced_in_place),
		cmocka_unit_test(a_line_is_added_when_there_is_none),
		cmocka_unit_test(a_name_that_needs_quotes),
		cmocka_unit_test(what_cannot_be_updated_safely_is_left_alone),
		cmocka_unit_test(the_mode_and_a_link_are_kept),
		cmocka_unit_test(a_folder_that_cannot_be_written),
	};
	return cmocka_run_group_tests_name("config_write", tests, NULL, teardown_all);
}
