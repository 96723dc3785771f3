#!/usr/bin/env bash
# Every user-visible string of the desktop app is translated to pt_BR and es: the .ts files are
# in step with the sources (tools/update-translations --check), no entry is unfinished, and each
# translation keeps its source's placeholders (%1, %2, %n) and mnemonics' count.
#   check-translations.sh SOURCE_DIR
set -euo pipefail
root=$1
"$root/tools/update-translations" --check
python3 - "$root" <<'PY'
import re, sys, xml.etree.ElementTree as ET
root = sys.argv[1]
failures = []
for lang in ("pt_BR", "es"):
    path = f"{root}/resources/translations/latchkey_{lang}.ts"
    tree = ET.parse(path)
    count = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            count += 1
            if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
                failures.append(f"{lang}: not translated: [{name}] {source!r}")
                continue
            forms = [n.text or "" for n in translation.iter("numerusform")] or [translation.text or ""]
            for text in forms:
                if not text.strip():
                    failures.append(f"{lang}: empty translation: [{name}] {source!r}")
                want = sorted(set(re.findall(r"%(?:\d+|n)", source)))
                got = sorted(set(re.findall(r"%(?:\d+|n)", text)))
                if want != got:
                    failures.append(f"{lang}: placeholders {want} became {got}: [{name}] {source!r} -> {text!r}")
    print(f"{lang}: {count} strings checked")
for failure in failures[:60]:
    print(failure)
if failures:
    print(f"{len(failures)} problems; see tools/update-translations")
    sys.exit(1)
PY
