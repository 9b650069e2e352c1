# test_app_theme.sh — themes and colours, in every view alike.  Without
# colours (--no-color) the screen still reads and t says why no theme can
# change anything; a broken theme is reported with its line and column, a
# FIFO as the theme is refused at once, and either way the default theme
# is used.  t's theme is remembered: written into the config file (its
# other settings and comments kept) and used on the next run; a file that
# cannot take it is left alone, and the status line says so.
. tests/screen/screen-lib

# Without colours the screen still reads.
start 80 24 --no-color "$DB"
check "--no-color still draws the dashboard" "Support P&L"
keys t
check "t with --no-color says why nothing changes" "no colours: --no-color was given; themes need them"
keys q
wait_for 'EXIT=' 3
check "--no-color exits 0" "EXIT=0"

# A broken theme: the file's line and column, and the default theme.
printf 'name: broken\nelements:\n  row: { fg: purpel }\n' >"$WORK/broken.yaml"
start 80 24 --theme "$WORK/broken.yaml" "$DB"
check "a broken theme is reported with its line and column" "broken.yaml:3:"
check "a broken theme still opens the UI" "Support P&L"
keys q
wait_for 'EXIT=' 3

# A theme that is a FIFO is refused at once with one line (reading it would
# wait for ever), and the default theme is used.
mkfifo "$WORK/fifo-theme.yaml"
start 160 24 --theme "$WORK/fifo-theme.yaml" "$DB"
check "a FIFO as the theme is refused, not waited on" "fifo-theme.yaml': is a FIFO, not a regular file"
check "a FIFO as the theme still opens the UI" "Support P&L"
keys q
wait_for 'EXIT=' 3
check "the session with a FIFO theme exits 0" "EXIT=0"

# --- t remembers the theme -------------------------------------------------------
# A config folder of this suite's own: what the other suites see is not
# touched.
XDG_CONFIG_HOME="$WORK/xdg"
export XDG_CONFIG_HOME
CONF="$XDG_CONFIG_HOME/cxtop/config.yaml"

# No config file yet: t makes one, folder and all.
start 80 24 "$DB"
keys t
check "t says the theme is remembered, and where" "theme: high-contrast (remembered in .*config.yaml)"
keys q
wait_for 'EXIT=' 3
if [ "$(cat "$CONF" 2>/dev/null)" = "theme: high-contrast" ]; then ok "the config file now holds the theme"; else
	echo "not ok - the config file now holds the theme"; sed 's/^/#   | /' "$CONF" 2>/dev/null; fi

# The next run starts with it: t goes on from there.
start 80 24 "$DB"
keys t
check "the next run starts with the remembered theme (t goes on to the one after it)" "theme: light (remembered"
keys q
wait_for 'EXIT=' 3

# The user's own settings and comments stay as they were.
cat >"$CONF" <<'EOF'
# cxtop, the way I like it
refresh_ms: 700   # a bit quicker

theme: mono       # for the projector
EOF
start 80 24 "$DB"
keys t
check "a config file with comments takes the theme" "theme: solarized-dark (remembered"
keys q
wait_for 'EXIT=' 3
want='# cxtop, the way I like it
refresh_ms: 700   # a bit quicker

theme: solarized-dark       # for the projector'
if [ "$(cat "$CONF")" = "$want" ]; then ok "... only the theme's value changed, every comment kept"; else
	echo "not ok - ... only the theme's value changed, every comment kept"; sed 's/^/#   | /' "$CONF"; fi

# A file with a mistake is the user's to fix: not rewritten, and t says so.
printf 'refresh_ms: 700\ncolour: blue\n' >"$CONF"
before=$(cat "$CONF")
start 80 24 "$DB"
keys t
check "a config file with a mistake: the theme changes, not remembered, and why" \
	"theme: high-contrast, not remembered: config.yaml:2:1: unknown key 'colour'"
keys q
wait_for 'EXIT=' 3
if [ "$(cat "$CONF")" = "$before" ]; then ok "... and the file is left as it was"; else
	echo "not ok - ... and the file is left as it was"; sed 's/^/#   | /' "$CONF"; fi

# A theme that is nowhere: the status line names the folders searched.
start 120 24 --theme no-such-theme "$DB"
check "an unknown theme names the folders searched" "theme 'no-such-theme' not found in .*/themes, .*/themes, \./themes"
