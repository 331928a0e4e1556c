"""Swedish text analysis shared by both engines: normalising, words, stems, folding, typo budget.

Stemming and stopwords come from the Snowball Swedish algorithm, which is what tantivy's
`stemmer("swedish")` filter and PostgreSQL's 'swedish' configuration both run, so Python-side
decisions (query plans, snippets) agree with what the engines indexed.
"""

from __future__ import annotations

import itertools
import math
import re
import unicodedata
from functools import lru_cache

import tantivy

from search.base import MAX_QUERY_LENGTH

#: Longer tokens are noise (URLs, base64, keyboard mashing) and are not indexed.
MAX_WORD_LENGTH = 40

#: What a letter typed on a keyboard without Swedish letters may stand for.
UNFOLDED_LETTERS = {"a": "aåä", "o": "oö"}
MAX_UNFOLDINGS = 64

#: Runs of letters and digits: the same word boundaries as tantivy's simple tokenizer.
WORD = re.compile(r"[^\W_]+")


def _analyzer(*filters: tantivy.Filter) -> tantivy.TextAnalyzer:
    builder = tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
    for token_filter in (tantivy.Filter.remove_long(MAX_WORD_LENGTH), tantivy.Filter.lowercase(), *filters):
        builder = builder.filter(token_filter)
    return builder.build()


#: The analyzers the tantivy index registers by name; the functions below use the same ones.
ANALYZERS = {
    # Guide text: inflections meet at their stem ("lönen", "löner" -> "lön").
    "sv_stem": _analyzer(tantivy.Filter.stemmer("swedish")),
    # Surface words, for spelling corrections and completions.
    "sv_words": _analyzer(),
    # Title words folded but not stemmed, for prefix completion of titles.
    "sv_prefix": _analyzer(tantivy.Filter.ascii_fold()),
}
_STOPWORDS = _analyzer(tantivy.Filter.stopword("swedish"))


def normalise(text: str) -> str:
    """What the engines see of a query: NFC, lowercase, no control characters, at most MAX_QUERY_LENGTH."""
    # Cut before the work as well as after it, so a 10,000-character query costs no more than a short one.
    text = unicodedata.normalize("NFC", text[: MAX_QUERY_LENGTH * 2])
    text = "".join(" " if unicodedata.category(char)[0] == "C" else char for char in text)
    return " ".join(text.lower().split())[:MAX_QUERY_LENGTH].strip()


def words(text: str) -> list[str]:
    """The lowercase words of a text, in order."""
    found = WORD.findall(text.lower())
    if found and max(map(len, found)) > MAX_WORD_LENGTH:
        return [word for word in found if len(word) <= MAX_WORD_LENGTH]
    return found


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The Snowball Swedish stem of one word ("medarbetarna" -> "medarbet")."""
    stems = ANALYZERS["sv_stem"].analyze(word)
    return stems[0] if stems else word


def stems(word: str) -> tuple[str, ...]:
    """The stem, and the stem of the stem when that differs: Snowball strips one ending at a
    time, so "mötena" stems to "möten" while "möte" and "möten" stem to "möt"."""
    first = stem(word)
    return tuple(dict.fromkeys((first, stem(first))))


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """ASCII letters for one word ("lön" -> "lon")."""
    folded = ANALYZERS["sv_prefix"].analyze(word)
    return folded[0] if folded else word


@lru_cache(maxsize=4096)
def is_stopword(word: str) -> bool:
    return not _STOPWORDS.analyze(word)


def is_folded(word: str) -> bool:
    """True when a word has no letters that folding would change: it may be "lon" meant as "lön"."""
    return fold(word) == word


def unfoldings(word: str) -> list[str]:
    """The spellings a word typed without å, ä, ö may stand for, itself first
    ("lon" -> lon, lån, län, lön); just the word if there would be too many to try."""
    options = [UNFOLDED_LETTERS.get(char, char) for char in word]
    if math.prod(len(option) for option in options) > MAX_UNFOLDINGS:
        return [word]
    return ["".join(spelling) for spelling in itertools.product(*options)]


def max_edits(word: str) -> int:
    """Typo budget: none below 4 letters, one edit for 4–7 letters, two from 8 letters."""
    if len(word) < 4:
        return 0
    return 1 if len(word) < 8 else 2


#: Inflectional endings, longest first, that Snowball's stemmer may leave on a word ("sjukskrivna"
#: stems to "sjukskrivn", "sjukskriven" to "sjukskriv"; "semestrarna" to "semestr", "semester" to "semest").
INFLECTION_ENDINGS = ("arnas", "ernas", "ornas", "arna", "erna", "orna", "ens", "ets", "na", "ne", "ar", "er",
                      "or", "en", "et", "an", "a", "e", "n", "t", "s")  # fmt: skip
BASE_FORM_ADDITIONS = ("", "e", "a", "en")
#: A base form must be at least this common in Swedish (Zipf) to be believed.
MIN_BASE_FORM_ZIPF = 2.5
MAX_BASE_FORMS = 2


@lru_cache(maxsize=8192)
def base_forms(word: str) -> tuple[str, ...]:
    """Other forms of the same word whose stems Snowball does not join to this one's, found by taking
    an inflectional ending off and checking the result with wordfreq: "sjukskrivna" -> "sjukskriven",
    "semestrarna" -> "semester" (a dropped e put back). The most common first."""
    import wordfreq

    own = set(stems(word))
    found: dict[str, float] = {}
    for ending in INFLECTION_ENDINGS:
        base = word[: -len(ending)]
        if not word.endswith(ending) or len(base) < 3:
            continue
        candidates = [base + addition for addition in BASE_FORM_ADDITIONS]
        if len(base) > 3 and base[-1] in "rln" and base[-2] not in "aeiouyåäö":
            candidates.append(base[:-1] + "e" + base[-1])  # "semestr" -> "semester", "cykl" -> "cykel"
        for candidate in candidates:
            if candidate != word and not own.intersection(stems(candidate)):
                zipf = wordfreq.zipf_frequency(candidate, "sv")
                if zipf >= MIN_BASE_FORM_ZIPF:
                    found[candidate] = zipf
    return tuple(sorted(found, key=lambda candidate: -found[candidate])[:MAX_BASE_FORMS])


#: Verb endings taken off to find the infinitive ("planerar", "planerade", "motiverad" -> "planera",
#: "motivera"; "stressad" -> "stressa").
VERB_ENDINGS = (
    ("erade", "era"), ("erad", "era"), ("erar", "era"), ("erat", "era"),
    ("ade", "a"), ("ad", "a"), ("ar", "a"), ("at", "a"),
)  # fmt: skip
#: Latin verbs in -era have nouns in -ation ("motivera", "motivation"; "kommunicera", "kommunikation").
LATIN_NOUN_ENDINGS = (("icera", "ikation"), ("era", "ation"))
MIN_DERIVED_ZIPF = 3.0
MAX_DERIVED_FORMS = 3


@lru_cache(maxsize=8192)
def derived_forms(word: str) -> tuple[str, ...]:
    """Other words of the same family, by Swedish's regular derivations: the noun of a verb and the
    verb of a noun ("planera" <-> "planering", "förhandla" <-> "förhandling", "motivera" <->
    "motivation", "stressa" <-> "stress"), the verb of a participle ("stressad" -> "stressa") and
    the noun of an adjective ("trygg" <-> "trygghet", "utbränd" <-> "utbrändhet"). Only forms
    wordfreq knows are kept, the most common first."""
    import wordfreq

    verbs = {word, *base_forms(word)}
    verbs |= {word[: -len(ending)] + infinitive for ending, infinitive in VERB_ENDINGS if word.endswith(ending)}
    verbs = {verb for verb in verbs if verb.endswith("a") and len(verb) > 4}
    candidates = set(verbs)
    for verb in verbs:
        candidates |= {verb[:-1] + "ing", verb[:-1] + "ning", verb[:-1]}  # "stressa" -> "stress"
        candidates |= {verb.removesuffix(a) + b for a, b in LATIN_NOUN_ENDINGS if verb.endswith(a)}
    for ending in ("ering", "ning", "ing"):
        if word.endswith(ending) and len(word) > len(ending) + 3:
            candidates.add(word[: -len(ending)] + ("era" if ending == "ering" else "a"))
    candidates |= {word.removesuffix(b) + a for a, b in LATIN_NOUN_ENDINGS if word.endswith(b)}
    if len(word) > 6 and word.endswith("het"):
        candidates.add(word[:-3])
    elif len(word) > 3:
        candidates.add(word + "het")
    candidates |= {word + "a"} if len(word) > 3 else set()  # "stress" -> "stressa"
    own = set(stems(word))
    found = {
        candidate: zipf
        for candidate in candidates
        if candidate != word
        and not own.intersection(stems(candidate))
        and (zipf := wordfreq.zipf_frequency(candidate, "sv")) >= MIN_DERIVED_ZIPF
    }
    return tuple(sorted(found, key=lambda candidate: -found[candidate])[:MAX_DERIVED_FORMS])
