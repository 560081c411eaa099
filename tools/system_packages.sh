#!/usr/bin/env bash
# The system programs the test suite uses, installed when missing (make test calls this).
#   pdftotext (poppler-utils): the tests read the PDF attestations back as text.
#   initdb, pg_ctl (postgresql): the server suite's second pass runs on a private
#     PostgreSQL cluster that the tests start themselves (tests/postgres.py); Debian
#     installs them in /usr/lib/postgresql/<version>/bin, off PATH.
# On Debian/Ubuntu as root (CI) or with passwordless sudo, missing packages are installed;
# elsewhere the script says what to install and fails, so a missing tool is never a
# mysterious test failure.
set -euo pipefail

declare -A needed=([pdftotext]=poppler-utils)
missing=()
for program in "${!needed[@]}"; do
    command -v "$program" >/dev/null 2>&1 || missing+=("${needed[$program]}")
done
if ! command -v initdb >/dev/null 2>&1 && ! compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
    missing+=(postgresql)
fi
[ ${#missing[@]} -eq 0 ] && exit 0

if command -v apt-get >/dev/null 2>&1; then
    if [ "$(id -u)" -eq 0 ]; then
        sudo=""
    elif sudo -n true 2>/dev/null; then
        sudo="sudo -n"
    else
        echo "Les tests ont besoin de : ${missing[*]} (sudo apt-get install ${missing[*]})" >&2
        exit 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null \
        || { $sudo apt-get update -q >/dev/null && \
             $sudo apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null; }
    exit 0
fi
echo "Les tests ont besoin de : ${missing[*]} (macOS : brew install poppler postgresql)" >&2
exit 1
