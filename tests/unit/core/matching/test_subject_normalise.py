"""normalise_subject and is_generic_subject."""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from replytrail.core.matching.subject import is_generic_subject, normalise_subject


@pytest.mark.parametrize(
    ("subject", "expected"),
    [
        ("Re: AW: Angebot", "angebot"),
        ("RE:RE:re: Angebot", "angebot"),
        ("AW: WG: Fwd: FW: Angebot", "angebot"),
        ("Re : Réf. : TR : Devis", "devis"),
        ("RÉF: Devis", "devis"),
        ("SV: VS: Antw: Odp: RIF: RES: YNT: RV: ENC: Offerte", "offerte"),
        ("Re[2]: Re(3): Re^4: Quote", "quote"),
        ("Re [2] : Quote", "quote"),
        ("[EXTERNAL] RE: Quote", "quote"),
        ("RE: [EXTERNAL] Quote", "quote"),
        ("[Extern] AW: *EXTERNAL* Angebot", "angebot"),
        ("[ticket 5] Re: Angebot", "[ticket 5] re: angebot"),
        ("Re: [ticket 5] Angebot", "[ticket 5] angebot"),
        ("  Angebot \t  Sommer\r\n 2026 ", "angebot sommer 2026"),
        ("Ａｎｇｅｂｏｔ", "angebot"),  # full-width letters
        ("AW： Angebot", "angebot"),  # full-width colon
        ("STRASSE", "strasse"),
        ("Straße", "strasse"),  # casefold, not lower
        ("Re:", ""),
        ("", ""),
        (None, ""),
        ("Regarding: the offer", "regarding: the offer"),
        ("Reminder", "reminder"),
        ("Wgt: 5 kg", "wgt: 5 kg"),
    ],
)
def test_normalise_subject(subject: str | None, expected: str) -> None:
    assert normalise_subject(subject) == expected


@settings(max_examples=1000, deadline=None)
@given(st.text(max_size=80))
def test_idempotent(subject: str) -> None:
    once = normalise_subject(subject)
    assert normalise_subject(once) == once


_PREFIXES = st.sampled_from(["Re: ", "AW:", "WG: ", "Fwd: ", "SV: ", "Re[3]: ", "[EXTERNAL] "])


@settings(max_examples=500, deadline=None)
@given(st.lists(_PREFIXES, max_size=5), st.text(max_size=60))
def test_any_stack_of_prefixes_is_removed(prefixes: list[str], subject: str) -> None:
    base = normalise_subject(subject)
    assume(not base.startswith(":"))
    assert normalise_subject("".join(prefixes) + base) == base


@pytest.mark.parametrize(
    ("normalised", "generic"),
    [("", True), ("hallo", True), ("test", True), ("(kein betreff)", True), ("a1!", True),
     ("angebot", False), ("quote for 200 units", False), ("po 4711", False)],
)  # fmt: skip
def test_generic_subjects(normalised: str, generic: bool) -> None:
    assert is_generic_subject(normalised) is generic
