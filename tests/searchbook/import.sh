#!/usr/bin/env bash
# Re-import the evaluation book's chapters from sources/ into docs/ (as committed: re-running it
# changes nothing — tests/test_searchbook_import.py checks that). The options are what each
# document needs: its question headings' level, or a pattern for its question lines (network-zh:
# headings and bold lines asking '？' before any '，', '：' or link; database-zh: the level-2
# headings that ask). java-collections-en puts its question headings inside block quotes
# ("> #### …", one of them "> ### …"), which the importer does not read: the "> " before those
# headings is removed and their level made 4 first (the one hand step; nothing else changes).
set -euo pipefail
cd "$(dirname "$0")"
Q=${QABOOK:-../../.venv/bin/qabook}
S=sources
OUT=${OUT:-docs}
"$Q" import $S/vue-zh.md --chapter vue-zh --title "Vue 面试题" --out "$OUT" --force --question-heading 4
"$Q" import $S/network-zh.md --chapter network-zh --title "计算机网络常见面试题总结(上)" --out "$OUT" --force \
  --question-pattern '(?=[^。，：\[]*[？?])'
"$Q" import $S/database-zh.md --chapter database-zh --title "数据库基础知识总结" --out "$OUT" --force \
  --question-heading 2 --question-pattern '(?=.*[？?])'
"$Q" import $S/ml-en.md --chapter ml-en --out "$OUT" --force
"$Q" import $S/databases-en.md --chapter databases-en --out "$OUT" --force --question-heading 3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sed -E 's/^> #+ /#### /' $S/java-collections-en.md > "$tmp/java-collections-en.md"
"$Q" import "$tmp/java-collections-en.md" --chapter java-collections-en --title "Java Collections" --out "$OUT" --force \
  --question-heading 4 --details-answers
