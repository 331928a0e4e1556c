"""Rebuild the lexical data files in this folder from Debian's packages (run by hand, not at run time).

    apt-get download mythes-sv dict-freedict-eng-swe
    for package in *.deb; do dpkg-deb -x "$package" x; done
    .venv/bin/python search/data/build.py x/usr/share

Writes sv_thesaurus.tsv.gz (Swedish synonyms from the Synlex/Folkets synonymlexikon data that
mythes-sv ships) and en_sv_freedict.tsv.gz (FreeDict English-Swedish), each with its licence
notice at the top. See docs/search.md for the licences.
"""

from __future__ import annotations

import gzip
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
WORD = re.compile(r"^[a-zåäöéü]+(?:[ -][a-zåäöéü]+){0,2}$")

THESAURUS_NOTICE = """\
# Swedish synonyms: headword<TAB>synonym|synonym|...
# From th_sv_SE_v2.dat in Debian's mythes-sv 1:7.5.0-1 (LibreOffice dictionaries), the synonym
# lexicon of Viggo Kann (KTH, Synlex / Folkets synonymlexikon).
# Copyright: 2009 Viggo Kann
# THIS MATERIAL IS PROVIDED AS IS, WITH ABSOLUTELY NO WARRANTY EXPRESSED OR IMPLIED. ANY USE IS AT
# YOUR OWN RISK. Permission is hereby granted to use or copy this program for any purpose, provided
# the above notices are retained on all copies. Permission to modify the code and to distribute
# modified code is granted, provided the above notices are retained, and a notice that the code was
# modified is included with the above copyright notice.
# Modified for Chefsguider (search/data/build.py): converted from ISO-8859-1 to UTF-8 and to one
# line per headword; entries and synonyms that are not lowercase Swedish words or short phrases
# (names, abbreviations) were left out.
"""

FREEDICT_NOTICE = """\
# English-Swedish: english<TAB>swedish|swedish|...
# From FreeDict eng-swe 0.2 (Debian's dict-freedict-eng-swe 2022.04.21-1), https://freedict.org/
# Copyright (C) 1999-2017 by various authors (FreeDict contributors). Generated from Ergane.
# Available under the terms of the GNU General Public License version 2.0 or any later version.
# Modified for Chefsguider (search/data/build.py): pronunciations and numbering removed, one line
# per lowercase English headword; translations that are not lowercase Swedish words left out.
"""


def thesaurus(share: Path) -> dict[str, list[str]]:
    lines = (share / "mythes" / "th_sv_SE_v2.dat").read_text(encoding="latin-1").splitlines()[1:]
    entries: dict[str, list[str]] = {}
    index = 0
    while index < len(lines):
        head, _, count = lines[index].partition("|")
        senses = int(count or 0)
        synonyms = [s for line in lines[index + 1 : index + 1 + senses] for s in line.split("|")[1:]]
        index += 1 + senses
        if not WORD.match(head):
            continue
        kept = [s for s in dict.fromkeys(synonyms) if WORD.match(s) and s != head]
        if kept:
            entries.setdefault(head, []).extend(s for s in kept if s not in entries.get(head, []))
    return entries


def freedict(share: Path) -> dict[str, list[str]]:
    text = gzip.decompress((share / "dictd" / "freedict-eng-swe.dict.dz").read_bytes()).decode("utf-8")
    entries: dict[str, list[str]] = {}
    head = None
    for line in text.splitlines():
        if match := re.match(r"^([A-Za-z][A-Za-z' -]*?) /[^/]*/\s*$", line):
            head = match.group(1).strip().lower()
            continue
        if head is None or not line.strip():
            continue
        for term in re.sub(r"^\s*\d+\.\s*", "", line).split(","):
            term = term.strip()
            if WORD.match(term):
                entries.setdefault(head, [])
                if term not in entries[head]:
                    entries[head].append(term)
    return {head: terms for head, terms in entries.items() if re.match(r"^[a-z][a-z -]*$", head)}


def write(path: Path, notice: str, entries: dict[str, list[str]]) -> None:
    body = "".join(f"{head}\t{'|'.join(terms)}\n" for head, terms in sorted(entries.items()))
    with gzip.GzipFile(path, "wb", mtime=0) as out:  # reproducible bytes
        out.write((notice + body).encode("utf-8"))
    print(f"{path.name}: {len(entries)} entries, {path.stat().st_size // 1024} kB")


if __name__ == "__main__":
    share = Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share")
    write(HERE / "sv_thesaurus.tsv.gz", THESAURUS_NOTICE, thesaurus(share))
    write(HERE / "en_sv_freedict.tsv.gz", FREEDICT_NOTICE, freedict(share))
