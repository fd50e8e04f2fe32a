#!/usr/bin/env bash
# Re-import the evaluation book's chapters from sources/ (as committed in docs/).
# The options are what each document needs; java-collections-en.md puts its question
# headings inside block quotes ("> #### …"), which the importer does not read, so the
# "> " before those headings is removed first (the one hand step; nothing else changes).
set -euo pipefail
cd "$(dirname "$0")"
Q=${QABOOK:-../../.venv/bin/qabook}
S=sources
"$Q" import $S/vue-zh.md --chapter vue-zh --title "Vue 面试题" --out docs --force --question-heading 4
"$Q" import $S/network-zh.md --chapter network-zh --title "计算机网络常见面试题总结(上)" --out docs --force --question-pattern '(?=.*[？?])'
"$Q" import $S/database-zh.md --chapter database-zh --title "数据库基础知识总结" --out docs --force
"$Q" import $S/ml-en.md --chapter ml-en --out docs --force
"$Q" import $S/databases-en.md --chapter databases-en --out docs --force --question-heading 3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sed -E 's/^> (#+ )/\1/' $S/java-collections-en.md > "$tmp/java-collections-en.md"
"$Q" import "$tmp/java-collections-en.md" --chapter java-collections-en --title "Java Collections" --out docs --force \
  --question-pattern '(?=.)' --details-answers
