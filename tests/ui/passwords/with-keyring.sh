#!/bin/sh
# SPDX-FileCopyrightText: 2026 The Stratum authors
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a test inside its own D-Bus session with an unlocked GNOME keyring, so that the
# system keychain (Secret Service) is real and throw-away. Started by dbus-run-session.
set -e
# A keyring of its own, never the user's: gnome-keyring keeps it under XDG_DATA_HOME.
XDG_DATA_HOME="$(mktemp -d)"
export XDG_DATA_HOME
trap 'rm -rf "$XDG_DATA_HOME"' EXIT
printf 'stratum-test' | gnome-keyring-daemon --unlock --components=secrets >/dev/null
"$@"
