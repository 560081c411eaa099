#!/usr/bin/env bash
# The system programs the test suite uses, installed when missing (make test calls this).
#   pdftotext (poppler-utils): the tests read the PDF attestations back as text.
# On Debian/Ubuntu as root (CI) or with passwordless sudo, missing packages are installed;
# elsewhere the script says what to install and fails, so a missing tool is never a
# mysterious test failure.
set -euo pipefail

declare -A needed=([pdftotext]=poppler-utils)
missing=()
for program in "${!needed[@]}"; do
    command -v "$program" >/dev/null 2>&1 || missing+=("${needed[$program]}")
done
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
echo "Les tests ont besoin de : ${missing[*]} (poppler: brew install poppler sous macOS)" >&2
exit 1
