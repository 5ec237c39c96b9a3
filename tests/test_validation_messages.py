"""What the user reads when the model refuses a value: a sentence, never pydantic's English."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from mcdesigner.model.proposal import Proposal
from mcdesigner.model.validation import refusal
from mcdesigner.settings import Preferences
from mcdesigner.translations import use_language


def _refused(**values: object) -> ValidationError:
    with pytest.raises(ValidationError) as raised:
        Preferences.model_validate(values)
    return raised.value


def test_a_number_out_of_range_names_the_limit_in_the_users_notation() -> None:
    assert refusal(_refused(hours_per_credit_min=5)) == "Enter 10 or more."
    assert refusal(_refused(autosave_delay_ms=20_000)) == "Enter 10,000 or less."
    use_language("es")
    assert "10.000" in refusal(_refused(autosave_delay_ms=20_000))


def test_the_models_own_reasons_pass_through() -> None:
    proposal = Proposal()
    with pytest.raises(ValidationError) as raised:
        proposal.general.contact.email = "ana at uniovi"
    assert refusal(raised.value) == (
        "'ana at uniovi' is not an e-mail address (expected name@example.org)"
    )


def test_too_long_a_text_says_how_long_it_may_be() -> None:
    proposal = Proposal()
    with pytest.raises(ValidationError) as raised:
        proposal.general.title = "x" * 5_000
    message = refusal(raised.value)
    assert message.startswith("Shorten the text to at most ")
    assert "characters" in message
