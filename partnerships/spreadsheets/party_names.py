"""Close names of parties: the candidates the preview offers for a name the register does not
hold exactly ("GGD Twente (WGR)" for GGD Twente, "BNG NV" for BNG Bank N.V.).

Never a match by itself: a candidate is shown and the user confirms it (plan.py,
UNKNOWN_PARTY). Names are compared after normalising (case, accents, punctuation), without
the part between brackets and without the words that only name a legal form (NV, B.V.,
Stichting, Coöp., U.A., WGR, ...); then one name's words all in the other's (BNG in BNG
Bank), or a difflib similarity of at least CLOSE_ENOUGH ("Naoberkracht" for "Noaberkracht";
0.85, so that "RUD Twente" is not offered for "GGD Twente").
"""

import re
from difflib import SequenceMatcher

from partnerships.spreadsheets.cells import normalised

CLOSE_ENOUGH = 0.85
CONTAINED = 0.9  # the score of a name whose words are all in the other name
MAX_CANDIDATES = 5
LEGAL_FORM_WORDS = frozenset(
    {
        "nv",
        "bv",
        "cv",
        "ua",
        "stichting",
        "stg",
        "cooperatie",
        "coop",
        "vereniging",
        "ver",
        "wgr",
        "ol",
        "gr",
    }
)
BRACKETS = re.compile(r"\([^)]*\)")


def name_words(name: str) -> tuple[str, ...]:
    """The words that name the party: "BNG Bank N.V." -> ("bng", "bank")."""
    words = normalised(BRACKETS.sub(" ", name)).split()
    joined: list[str] = []
    for word in words:  # "n v" -> "nv", "u a" -> "ua": initials typed with dots
        if len(word) == 1 and joined and len(joined[-1]) == 1 and joined[-1].isalpha():
            joined[-1] += word
        else:
            joined.append(word)
    kept = tuple(word for word in joined if word not in LEGAL_FORM_WORDS)
    return kept or tuple(joined)


def closeness(written: tuple[str, ...], known: tuple[str, ...]) -> float:
    """How close two names are, 0 to 1, as their words (name_words)."""
    if not written or not known:
        return 0.0
    if written == known:
        return 1.0
    shorter, longer = sorted((set(written), set(known)), key=len)
    if shorter <= longer and any(len(word) >= 3 for word in shorter):
        return CONTAINED
    matcher = SequenceMatcher(None, " ".join(written), " ".join(known))
    if matcher.real_quick_ratio() < CLOSE_ENOUGH or matcher.quick_ratio() < CLOSE_ENOUGH:
        return 0.0
    return matcher.ratio()


class CloseNames:
    """The parties by the words of their name and short name, to find candidates in."""

    def __init__(self, parties):
        self.entries = []
        for party in parties:
            names = {name_words(party.name)}
            if party.short_name:
                names.add(name_words(party.short_name))
            self.entries.append((party, names))

    def candidates(self, name: str, legal_form: str | None = None) -> list:
        """The parties closest to `name`, best first (the same legal form first among equals),
        at most MAX_CANDIDATES."""
        written = name_words(name)
        scored = []
        for party, names in self.entries:
            score = max(closeness(written, known) for known in names)
            if score >= CLOSE_ENOUGH:
                scored.append((-score, party.legal_form != legal_form, party.name, party))
        scored.sort(key=lambda entry: entry[:3])
        return [entry[3] for entry in scored[:MAX_CANDIDATES]]
