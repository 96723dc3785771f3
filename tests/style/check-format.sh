#!/usr/bin/env bash
# Fails, listing them, when any C++ source of the project is not clang-formatted per the root
# .clang-format. Checks the files git tracks; outside a git checkout (a source tarball), every
# *.cpp/*.h except build trees and node_modules.
#
# usage: tests/style/check-format.sh SOURCE_DIR [CLANG_FORMAT]
set -euo pipefail

source_dir=${1:?usage: check-format.sh SOURCE_DIR [CLANG_FORMAT]}
clang_format=${2:-clang-format}
cd "$source_dir"

files=()
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    while IFS= read -r -d '' f; do
        [[ -f "$f" ]] && files+=("$f")
    done < <(git ls-files -z -- '*.cpp' '*.h')
else
    while IFS= read -r -d '' f; do
        files+=("${f#./}")
    done < <(find . \( -name 'build*' -o -name node_modules -o -name .git \) -prune -o \
        -type f \( -name '*.cpp' -o -name '*.h' \) -print0 | sort -z)
fi

if ((${#files[@]} == 0)); then
    echo "clang-format: no C++ sources found under $source_dir"
    exit 1
fi

unformatted=()
for f in "${files[@]}"; do
    if ! "$clang_format" --dry-run --Werror "$f" >/dev/null 2>&1; then
        unformatted+=("$f")
    fi
done

if ((${#unformatted[@]})); then
    echo "clang-format: ${#unformatted[@]} of ${#files[@]} files are not formatted:"
    printf '  %s\n' "${unformatted[@]}"
    echo "Fix with: make format (or clang-format -i FILE...), then look at the diff."
    exit 1
fi
echo "clang-format: all ${#files[@]} files formatted"
