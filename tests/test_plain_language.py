"""Plain words, measured, for every user-facing string in the translation template.

- The committed ``resources/locale/partner_log.pot`` holds exactly today's strings.
- No sentence is longer than 20 words.
- Strings long enough to be prose (10 words or more) read at a Flesch–Kincaid grade of
  7 or below, and so does the whole catalogue read as one text. (The formula means
  nothing for a two-word button label: "Reviewing papers" scores 8.8.)
- None of the jargon words (export, import, sync, database, invalid, error code, UUID,
  JSON, record ID, submit) appears.

In Spanish, when a Spanish catalogue ships (``resources/locale/es``):

- No translated sentence is longer than 20 words.
- Each group of strings (the strings of one source file) scores at least 65 on the
  Szigriszt-Pazos perspicuity index as INFLESZ reads it ("bastante fácil"), with
  syllables from pyphen's Spanish dictionary, offline.

Exceptions live in ``tests/plain_language_allow.toml``, each with its reason; the same
exceptions hold in every language.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from pathlib import Path

import pyphen
import pytest

from desktop_app import i18n
from tools.extract_strings import TEMPLATE, Message, collect, render

ALLOW_FILE = Path(__file__).with_name("plain_language_allow.toml")
MAX_SENTENCE_WORDS = 20
MAX_GRADE = 7.0
PROSE_WORDS = 10
#: INFLESZ: 65 and above is "bastante fácil" (fairly easy).
MIN_INFLESZ = 65.0
#: A file with fewer words than this is measured with the rest of its folder: the
#: formula means little for a dozen words.
GROUP_WORDS = 30

JARGON = {
    "export": r"\bexport(s|ed|ing)?\b",
    "import": r"\bimport(s|ed|ing)?\b",
    "sync": r"\bsync(s|ed|ing)?\b|\bsynchroni[sz]",
    "database": r"\bdatabases?\b",
    "invalid": r"\binvalid",
    "error code": r"\berror codes?\b",
    "UUID": r"\buuids?\b",
    "JSON": r"\bjson\b",
    "record ID": r"\brecord ids?\b",
    "submit": r"\bsubmi(t|ts|tted|tting|ssion)\b",
}

_PLACEHOLDER = re.compile(r"\{[^{}]*\}")
_WORD = re.compile(r"[^\W_]+(?:['\u2019\-][^\W_]+)*")
_SENTENCE_END = re.compile(r"(?<=[.!?:;])\s+|\n+")


@cache
def _syllable_dictionary() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="en_US")


@cache
def _spanish_syllables() -> pyphen.Pyphen:
    # Every syllable break, including one letter at either end ("a-gua"), not only the
    # breaks a printer would use.
    return pyphen.Pyphen(lang="es", left=1, right=1)


def words(text: str) -> list[str]:
    return _WORD.findall(_PLACEHOLDER.sub("thing", text))


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(text) if words(s)]


def syllables(word: str) -> int:
    """Syllables as the hyphenation dictionary splits the word (as textstat counts them)."""
    if word.isdigit():
        return 1
    return len(_syllable_dictionary().positions(word.lower())) + 1


def grade(text: str) -> float:
    """Flesch–Kincaid grade level."""
    found = [w for s in sentences(text) for w in words(s)]
    count = max(len(sentences(text)), 1)
    if not found:
        return 0.0
    per_word = sum(syllables(w) for w in found) / len(found)
    return 0.39 * len(found) / count + 11.8 * per_word - 15.59


_VOWELS = set("aeiouáéíóúü")
#: Vowels that start a syllable of their own beside another vowel (hiatus): the open
#: vowels, and i or u with an accent ("dí-a", "re-ú-ne").
_ALONE = set("aeoáéóíú")


def _nuclei(part: str) -> int:
    """Vowel sounds in ``part``: "gua" has one, "reo" two."""
    count, before = 0, ""
    for letter in part:
        if letter in _VOWELS and (
            before not in _VOWELS
            or (letter in _ALONE and before in _ALONE)
            or letter in "íú"
            or before in "íú"
        ):
            count += 1
        before = letter
    return count


def spanish_syllables(word: str) -> int:
    """Syllables: pyphen's Spanish breaks, then the vowel sounds inside each part, which
    finds the breaks the dictionary leaves out ("compu-tado-ra" is five)."""
    if word.isdigit():
        return 1
    parts = _spanish_syllables().inserted(word.lower()).split("-")
    return sum(max(_nuclei(part), 1) for part in parts if part)


def inflesz(text: str) -> float:
    """Szigriszt-Pazos perspicuity: 206.835 - 62.3 syllables/word - words/sentence."""
    found = [w for s in sentences(text) for w in words(s)]
    if not found:
        return 100.0
    per_word = sum(spanish_syllables(w) for w in found) / len(found)
    return 206.835 - 62.3 * per_word - len(found) / max(len(sentences(text)), 1)


def as_text(strings: list[str]) -> str:
    """Strings read as one text: a label without a full stop is a sentence of its own."""
    return "\n".join(t if t.rstrip().endswith((".", "?", "!")) else t + "." for t in strings)


def jargon_in(text: str) -> list[str]:
    return [word for word, pattern in JARGON.items() if re.search(pattern, text, re.I)]


# -- the allow-list -----------------------------------------------------------------
@cache
def allowed() -> dict[str, list[dict[str, str]]]:
    data = tomllib.loads(ALLOW_FILE.read_text(encoding="utf-8"))
    return {"strings": data.get("string", []), "places": data.get("place", [])}


def is_allowed(message: Message, rule: str) -> bool:
    for entry in allowed()["strings"]:
        if entry["text"] in message.texts and rule in entry["rules"]:
            return True
    places = [p.split(":")[0] for p in message.places]
    for entry in allowed()["places"]:
        if rule in entry["rules"] and all(p.startswith(entry["prefix"]) for p in places):
            return True
    return False


def problems(message: Message) -> list[str]:
    found = []
    for text in message.texts:
        for sentence in sentences(text):
            if len(words(sentence)) > MAX_SENTENCE_WORDS and not is_allowed(message, "long"):
                found.append(f"a sentence of {len(words(sentence))} words: {sentence!r}")
        if len(words(text)) >= PROSE_WORDS and grade(text) > MAX_GRADE:
            if not is_allowed(message, "grade"):
                found.append(f"reading grade {grade(text):.1f}")
        for word in jargon_in(text):
            if not is_allowed(message, "jargon"):
                found.append(f"the jargon word {word!r}")
    return found


@pytest.fixture(scope="module")
def messages() -> list[Message]:
    return collect()


def test_the_translation_template_is_up_to_date(messages: list[Message]) -> None:
    assert TEMPLATE.exists(), "run: python -m tools.extract_strings"
    assert TEMPLATE.read_text(encoding="utf-8") == render(messages), (
        "resources/locale/partner_log.pot is out of date: run python -m tools.extract_strings"
    )


def test_every_string_is_in_plain_words(messages: list[Message]) -> None:
    report = {
        f"{m.msgid[:60]!r} ({m.places[0]})": found for m in messages if (found := problems(m))
    }
    assert report == {}, "\n".join(f"{k}: {v}" for k, v in report.items())


def test_the_whole_catalogue_reads_at_grade_7_or_below(messages: list[Message]) -> None:
    prose = [m.msgid for m in messages if not is_allowed(m, "grade")]
    text = as_text(prose)
    assert grade(text) <= MAX_GRADE, f"the catalogue reads at grade {grade(text):.1f}"


def test_every_allow_list_entry_has_a_reason_and_is_used(messages: list[Message]) -> None:
    texts = {t for m in messages for t in m.texts}
    for entry in allowed()["strings"]:
        assert entry.get("reason", "").strip(), entry
        assert entry["text"] in texts, f"no longer needed: {entry['text']!r}"
    for entry in allowed()["places"]:
        assert entry.get("reason", "").strip(), entry


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Export your records", ["export"]),
        ("That is an important note", []),
        ("Send my records to my coordinator", []),
        ("The data is invalid", ["invalid"]),
        ("Please submit the JSON file", ["JSON", "submit"]),
    ],
)
def test_the_jargon_check_finds_words_not_parts_of_words(text: str, expected: list[str]) -> None:
    assert sorted(jargon_in(text)) == sorted(expected)


def test_the_measures_tell_plain_from_hard() -> None:
    plain = "You can add the time you gave. It takes a minute. Then press Save."
    hard = (
        "Comprehensive documentation regarding organisational accountability "
        "necessitates considerable administrative verification."
    )
    assert grade(plain) <= MAX_GRADE < grade(hard)
    assert len(words("Add {n} hours to the record.")) == 6
    assert sentences("One. Two words? Three\nFour") == ["One.", "Two words?", "Three", "Four"]


# -- Spanish ------------------------------------------------------------------------
SPANISH = i18n.catalogue_path("es")
needs_spanish = pytest.mark.skipif(not SPANISH.exists(), reason="no Spanish catalogue ships")


def spanish_texts(message: Message, catalogue: dict[str, list[str]]) -> list[str]:
    return catalogue.get(message.msgid, [])


@pytest.fixture(scope="module")
def spanish() -> dict[str, list[str]]:
    """Each English msgid's Spanish forms (fuzzy and empty ones left out)."""
    from babel.messages.pofile import read_po

    with SPANISH.open("rb") as source:
        catalogue = read_po(source)
    found = {}
    for entry in catalogue:
        if not entry.id or entry.fuzzy:
            continue
        key = entry.id[0] if isinstance(entry.id, tuple | list) else entry.id
        forms = entry.string if isinstance(entry.string, tuple | list) else (entry.string,)
        found[key] = [form for form in forms if form]
    return found


def inflesz_groups(
    messages: list[Message], catalogue: dict[str, list[str]]
) -> dict[str, tuple[float, int]]:
    """Each source file's translated strings as one text: (INFLESZ score, words). A file
    with fewer than ``GROUP_WORDS`` words joins its folder's group."""
    files: dict[str, list[str]] = {}
    for message in messages:
        if is_allowed(message, "grade"):
            continue
        source = message.places[0].split(":")[0]
        files.setdefault(source, []).extend(spanish_texts(message, catalogue))
    groups: dict[str, list[str]] = {}
    for source, texts in files.items():
        small = len(words(as_text(texts))) < GROUP_WORDS
        groups.setdefault(source.rsplit("/", 1)[0] + "/" if small else source, []).extend(texts)
    return {
        source: (inflesz(as_text(texts)), len(words(as_text(texts))))
        for source, texts in groups.items()
        if texts
    }


@needs_spanish
def test_no_spanish_sentence_is_longer_than_20_words(
    messages: list[Message], spanish: dict[str, list[str]]
) -> None:
    long = {}
    for message in messages:
        if is_allowed(message, "long"):
            continue
        for text in spanish_texts(message, spanish):
            for sentence in sentences(text):
                if len(words(sentence)) > MAX_SENTENCE_WORDS:
                    long[sentence] = len(words(sentence))
    assert long == {}, "\n".join(f"{n} words: {s!r}" for s, n in long.items())


@needs_spanish
def test_every_group_of_spanish_strings_reads_fairly_easily(
    messages: list[Message], spanish: dict[str, list[str]]
) -> None:
    scores = inflesz_groups(messages, spanish)
    hard = {
        source: round(score, 1) for source, (score, _n) in scores.items() if score < MIN_INFLESZ
    }
    assert hard == {}, f"INFLESZ below {MIN_INFLESZ}: {hard}"


def test_the_spanish_measure_tells_plain_from_hard() -> None:
    plain = "Puede anotar el tiempo que dio. Solo toma un minuto. Luego pulse Guardar."
    hard = (
        "La documentación administrativa correspondiente necesita verificaciones "
        "organizativas considerablemente exhaustivas."
    )
    assert inflesz(plain) >= MIN_INFLESZ > inflesz(hard)
    counted = [spanish_syllables(w) for w in ("agua", "computadora", "sí", "aéreo", "día")]
    assert counted == [2, 5, 1, 4, 2]
    assert [spanish_syllables(w) for w in ("paciente", "reunión", "guardar")] == [3, 2, 2]
