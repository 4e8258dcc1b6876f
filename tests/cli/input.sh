#!/usr/bin/env bash
# ctest driver: `input.sh TIEOUT CASE` writes one kind of input to a
# temporary file, runs `tieout check` on it, and checks the exit status and
# the one-line message. Each case is its own ctest test.
set -u
tieout=$1
case_name=$2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
file=$dir/input.txt
table=$'\tDec 31, 2023\tDec 31, 2024\n\tRMB\tRMB\nA\t1\t2\nB\t3\t4\nTotal\t4\t6\n'

expect() {  # expect STATUS PATTERN
  local out status
  out=$("$tieout" check "$file" 2>&1)
  status=$?
  if [ "$status" -ne "$1" ]; then
    echo "exit status $status, expected $1; output:"; echo "$out"; exit 1
  fi
  if ! grep -qE -- "$2" <<<"$out"; then
    echo "output does not match /$2/:"; echo "$out"; exit 1
  fi
}

case $case_name in
  empty) : >"$file"; expect 2 "input.txt: the file is empty" ;;
  blank) printf ' \n\t\n\r\n' >"$file"; expect 2 "input.txt: the file is empty" ;;
  binary) printf 'A\t1\n\x7fELF\x00\x01\x02' >"$file"; expect 2 "input.txt:2: a NUL byte at byte 5" ;;
  invalid_utf8) printf 'A\t1\nB\t\xc3\x28\n' >"$file"; expect 2 "input.txt:2: invalid UTF-8 at byte 3" ;;
  no_tables) printf 'Only prose.\nNo tables here.\n' >"$file"; expect 2 "input.txt: no tables" ;;
  missing) rm -f "$file"; expect 2 "input.txt: cannot open the file" ;;
  long_line) { printf '%s' "$table"; head -c 10485760 /dev/zero | tr '\0' 'x'; printf '\n'; } >"$file"
             expect 0 "Ties out" ;;
  crlf) printf '%s' "$table" | sed 's/$/\r/' >"$file"; expect 0 "5 checks|Ties out" ;;
  ragged) printf '\tDec 31, 2023\tDec 31, 2024\n\tRMB\tRMB\nA\t1\t2\t9\nB\t3\nTotal\t4\t6\n' >"$file"
          expect 0 "UNPLACED .*input.txt:3:4 \"9\"" ;;
  no_dates)  # a header that dates no column: read, placed nowhere, and said so
    printf '\tRMB\tRMB\nA\t1\t2\nB\t3\t4\nTotal\t4\t6\n' >"$file"
    expect 0 "Nothing was checked: .*unplaced" ;;
  does_not_tie)  # the first of three totals is 3 more than its lines
    printf '\tDec 31, 2022\tDec 31, 2023\tDec 31, 2024\n\tRMB\tRMB\tRMB\n' >"$file"
    printf 'A\t1\t2\t3\nB\t3\t4\t5\nTotal\t7\t6\t8\n' >>"$file"
    expect 1 "FAIL footing: Total 7 .*input.txt:5:2.* = 4; difference 3, tolerance 1.5" ;;
  *) echo "unknown case $case_name"; exit 1 ;;
esac
echo "ok: $case_name"
