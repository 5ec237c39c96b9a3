"""Everything one run of the checks shares, computed at most once per run.

Rules receive a :class:`CheckContext`; values several rules need (the expanded required
fields, the EQF level as a number, the reading of each learning outcome) are computed
lazily and kept for the rest of the run.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import cached_property

from mcdesigner.checks.forms import RequiredScan, default_form_set, plan_for, scan_required
from mcdesigner.checks.issues import CheckSettings
from mcdesigner.checks.outcome_language import OutcomeLanguage, outcome_language
from mcdesigner.checks.outcome_text import OutcomeAnalysis
from mcdesigner.formdefs import FormSet
from mcdesigner.model.proposal import LearningOutcome, Proposal
from mcdesigner.model.vocabularies import get_vocabulary

log = logging.getLogger(__name__)

_UNREAD = OutcomeAnalysis("", (), "", 0)


@dataclass(frozen=True, slots=True)
class OutcomeText:
    """One learning outcome's text in one language, read with that language's rules."""

    number: int  # 1-based position of the outcome
    outcome: LearningOutcome
    path: str  # field path of the outcome's text
    language: str  # ISO 639-1 code the text is written in
    translation: bool  # a text in a further language, not the field itself
    rules: OutcomeLanguage
    reading: OutcomeAnalysis

    @property
    def finding_language(self) -> str:
        """What a finding about this text carries as its language ("" for the field)."""
        return self.language if self.translation else ""


def eqf_number(value: str | None) -> int | None:
    """The EQF level 1-8 of an EQF concept URI, or ``None``."""
    if not value:
        return None
    term = get_vocabulary("eqf").by_value.get(value)
    notation = term.notation if term else value.rsplit("/", 1)[-1]
    return int(notation) if notation.isdigit() and 1 <= int(notation) <= 8 else None


class CheckContext:
    """The proposal under check, the settings and shared derived values."""

    def __init__(self, proposal: Proposal, settings: CheckSettings) -> None:
        self.proposal = proposal
        self.settings = settings

    @cached_property
    def forms(self) -> FormSet | None:
        """The form set whose required fields apply."""
        return self.settings.forms if self.settings.forms is not None else default_form_set()

    @cached_property
    def required(self) -> RequiredScan:
        """Annex I and form-required fields: counts per section and the empty ones."""
        try:
            plan = plan_for(self.forms)
        except Exception:  # unusable form definitions: Annex I still applies
            log.exception("the required fields of the forms could not be planned")
            plan = plan_for(None)
        return scan_required(self.proposal, plan)

    @cached_property
    def eqf(self) -> int | None:
        """The declared EQF level as a number."""
        return eqf_number(self.proposal.certified.eqf_level)

    @cached_property
    def outcomes(self) -> list[tuple[int, LearningOutcome, OutcomeAnalysis]]:
        """(1-based number, outcome, reading) of every outcome that has text.

        The reading is the main-language text read with the main language's rules (an
        empty reading when that language has none).
        """
        rules = outcome_language(self.proposal.languages.main)
        return [
            (number, outcome, rules.analyse(outcome.text) if rules else _UNREAD)
            for number, outcome in enumerate(self.proposal.certified.learning_outcomes, 1)
            if outcome.text.strip()
        ]

    @cached_property
    def outcome_texts(self) -> list[OutcomeText]:
        """Every outcome's text in every written language that has outcome rules.

        Outcome by outcome, the main-language text (the field) first, then each
        translation, each read with the rules of its own language.
        """
        languages = self.proposal.languages
        translations = self.proposal.translations
        found: list[OutcomeText] = []
        for number, outcome in enumerate(self.proposal.certified.learning_outcomes, 1):
            path = f"certified.learning_outcomes[{outcome.id}].text"
            for language in languages.written:
                translated = language != languages.main
                text = translations.get(language, {}).get(path, "") if translated else outcome.text
                rules = outcome_language(language)
                if rules is None or not text.strip():
                    continue
                reading = rules.analyse(text)
                found.append(
                    OutcomeText(number, outcome, path, language, translated, rules, reading)
                )
        return found

    @cached_property
    def currency(self) -> str:
        """The proposal's currency code for money in messages."""
        return self.proposal.general.currency or "EUR"
