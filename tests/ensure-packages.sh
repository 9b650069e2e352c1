#!/bin/sh
# ensure-packages.sh — install the Debian packages cxtop's build or tests need.
#
# Arguments are kind:name:package, kind being pc (a pkg-config module), cmd
# (a command on PATH) or file (a path a package installs).  Whatever is missing is installed with apt-get (through
# sudo when not root).  Without apt-get, prints the packages to install and
# fails, so that nobody is left guessing.
set -u

missing=""
for spec in "$@"; do
	kind=${spec%%:*}
	rest=${spec#*:}
	name=${rest%%:*}
	pkg=${rest#*:}
	case $kind in
	pc) pkg-config --exists "$name" 2>/dev/null && continue ;;
	cmd) command -v "$name" >/dev/null 2>&1 && continue ;;
	file) [ -e "$name" ] && continue ;;
	*) echo "ensure-packages: bad entry '$spec'" >&2; exit 2 ;;
	esac
	case " $missing " in *" $pkg "*) ;; *) missing="$missing $pkg" ;; esac
done
[ -z "$missing" ] && exit 0

echo "cxtop: installing missing Debian packages:$missing"
if ! command -v apt-get >/dev/null 2>&1; then
	echo "cxtop: no apt-get on this system; install these packages (or your system's equivalents) and run make again:$missing" >&2
	exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
	if command -v sudo >/dev/null 2>&1; then
		sudo="sudo"
	else
		echo "cxtop: not root and no sudo; as root run: apt-get install$missing" >&2
		exit 1
	fi
fi
export DEBIAN_FRONTEND=noninteractive
# The package lists of a new machine may be empty or stale: refresh first.
$sudo apt-get update -qq >/dev/null 2>&1 || echo "cxtop: apt-get update failed; trying the install anyway" >&2
# shellcheck disable=SC2086
if ! $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null; then
	echo "cxtop: apt-get install failed for:$missing" >&2
	exit 1
fi
