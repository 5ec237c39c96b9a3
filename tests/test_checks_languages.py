"""Checks in every language of a proposal: Spanish and English outcome verbs, translations
read with their own language's rules, and the credential texts missing in a language."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mcdesigner.checks import RULES, check, format_rules
from mcdesigner.checks.outcome_language import OUTCOME_LANGUAGES, outcome_language
from mcdesigner.checks.outcome_text_es import analyse_outcome as analyse_es
from mcdesigner.checks.outcome_text_es import strip_framing
from mcdesigner.examples import load_example
from mcdesigner.model.proposal import LearningOutcome, Proposal
from mcdesigner.translations import use_language
from test_checks_helpers import EQF, complete_proposal, issues_of, only_issue

VERB_RULES = ("outcome.vague-verb", "outcome.no-verb")


def proposal_in(
    main: str, *texts: str, eqf: int | None = 6, translations: dict[str, list[str]] | None = None
) -> Proposal:
    """The complete proposal written in ``main`` with these outcomes (ids lo1, lo2, ...),
    all assessed, and their translations ``{language: [text of lo1, ...]}``."""
    proposal = complete_proposal()
    outcomes = [LearningOutcome(id=f"lo{n}", text=t) for n, t in enumerate(texts, 1)]
    proposal.certified.learning_outcomes = outcomes
    proposal.certified.eqf_level = EQF.format(eqf) if eqf else None
    proposal.academic.assessments[1].outcome_ids = [o.id for o in outcomes]
    proposal.languages.main = main
    for language, translated in (translations or {}).items():
        proposal.languages.further.append(language)
        proposal.translations[language] = {
            f"certified.learning_outcomes[lo{n}].text": text for n, text in enumerate(translated, 1)
        }
    return proposal


def verb_issues(proposal: Proposal) -> list[str]:
    return [i.message for rule in VERB_RULES for i in issues_of(proposal, rule)]


# ---------------------------------------------------------------------------
# Reading Spanish outcomes
# ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Analizar los datos de matrícula.",
        "Analiza los datos de matrícula.",
        "Analizan los datos de matrícula.",
        "Analizará los datos de matrícula.",
        "Analizarán los datos de matrícula.",
        "Analizando los datos de matrícula.",
        "Analizarlos con criterios de calidad.",
        "ANALIZARA los datos sin tildes.",
        "RA2. Al finalizar el curso, el estudiante será capaz de diseñar un plan.",
        "Los participantes podrán construir un prototipo.",
        "Serán capaces de: evaluar propuestas.",
        "Capacidad para planificar proyectos.",
        "Críticamente, valorar las evidencias.",
        "De forma autónoma, redactar un informe.",
        "Sabrá aplicar la normativa.",
        "Elige y justifica un método.",
        "Construye un prototipo.",
        "Tomar decisiones fundamentadas.",
        "Emitir juicios sobre cuestiones éticas.",
        "Desenvolverse en entornos digitales.",
    ],
)
def test_spanish_outcomes_with_good_verbs_in_any_usual_form_get_no_verb_warning(text: str) -> None:
    proposal = proposal_in("es", text, "Identificar los riesgos.")

    assert verb_issues(proposal) == []


def test_spanish_framing_and_labels_are_removed() -> None:
    assert strip_framing("RA1. Al término del módulo, el alumnado será capaz de: aplicar") == (
        "aplicar"
    )
    assert (
        strip_framing("Resultado de aprendizaje 3 - Las personas participantes podrán diseñar")
        == "diseñar"
    )


@given(st.text(alphabet="aáeéiíoóuúñnrsl ,y", max_size=200) | st.text(max_size=300))
def test_any_text_can_be_read_in_spanish(text: str) -> None:
    reading = analyse_es(text)

    assert all(
        verb in OUTCOME_LANGUAGES["es"].level_verbs[level]
        for verb, levels in zip(reading.verbs, reading.levels, strict=True)
        for level in levels
    )
    assert reading.first_word == "" or reading.first_word in text.lower()


@pytest.mark.parametrize(
    ("text", "phrase", "level"),
    [
        ("Conocer los principios de la garantía de calidad.", "conocer", 1),
        ("Conoce las herramientas.", "conoce", 1),
        ("Comprender el MEC.", "comprender", 2),
        ("Entiende el ESG.", "entiende", 2),
        ("Saber los principios del ECTS.", "saber", 1),
        ("Familiarizarse con el ELM.", "familiarizarse con", 2),
        ("El estudiante se familiarizará con las normas.", "familiarizará con", 2),
        ("Ser consciente de los riesgos.", "ser consciente de", 1),
        ("Serán conscientes de la diversidad.", "serán conscientes de", 1),
        ("Estar familiarizado con la normativa.", "estar familiarizado con", 2),
        ("Tomar conciencia de la accesibilidad.", "tomar conciencia de", 1),
        ("Adquirir conocimientos de ECTS.", "adquirir conocimientos de", 1),
        ("Adquirir sólidos conocimientos sobre el MEC.", "adquirir sólidos conocimientos sobre", 1),
        ("Desarrollar una comprensión profunda de la calidad.", "desarrollar una comprensión", 2),
        ("Conocimiento de las normas.", "conocimiento de", 1),
    ],
)
def test_spanish_vague_openings_are_found(text: str, phrase: str, level: int) -> None:
    reading = analyse_es(text)

    assert (reading.vague, reading.vague_level) == (phrase, level)


def test_spanish_vague_verb_warning_suggests_spanish_verbs_for_the_eqf_level() -> None:
    six = only_issue(
        proposal_in("es", "Conocer los principios de la garantía de calidad."), "outcome.vague-verb"
    )
    two = only_issue(proposal_in("es", "Conocer los principios.", eqf=2), "outcome.vague-verb")

    assert six.path == "certified.learning_outcomes[lo1].text"
    assert six.language == ""  # the main-language text: the field itself
    assert "“conocer”" in six.message and "EQF level 6" in six.message
    assert "aplicar, utilizar, analizar, comparar, evaluar, valorar" in six.message
    assert "identificar, enumerar, explicar, describir, aplicar, utilizar" in two.message
    assert "ANECA" in six.reference


def test_without_an_eqf_level_spanish_suggestions_follow_the_vague_verb() -> None:
    issue = only_issue(proposal_in("es", "Comprender el ECTS.", eqf=None), "outcome.vague-verb")

    assert "explicar, describir, aplicar, utilizar, analizar, comparar" in issue.message


def test_a_spanish_outcome_without_a_known_verb_gets_spanish_suggestions() -> None:
    issue = only_issue(proposal_in("es", "Marcos normativos europeos."), "outcome.no-verb")

    assert "“marcos”" in issue.message
    assert "aplicar, utilizar" in issue.message


def test_several_spanish_verbs_in_one_outcome_are_advice() -> None:
    proposal = proposal_in("es", "Identificar, describir y/o explicar las causas.")

    issue = only_issue(proposal, "outcome.several-verbs")

    assert issue.severity == "advice"
    assert "(identificar, describir, explicar)" in issue.message
    assert not issues_of(
        proposal_in("es", "Diseñar un plan y su calendario."), "outcome.several-verbs"
    )


def test_spanish_outcomes_below_the_eqf_level_are_a_warning_with_spanish_verbs() -> None:
    proposal = proposal_in("es", "Enumerar las normas.", "Describir los procesos.", eqf=7)

    issue = only_issue(proposal, "outcome.level-fit")

    assert "Bloom level “understand”" in issue.message
    assert "EQF level 7 expects at least “evaluate”" in issue.message
    assert "evaluar, valorar, diseñar, desarrollar" in issue.message
    assert not issues_of(proposal_in("es", "Evaluar propuestas.", eqf=7), "outcome.level-fit")


def test_spanish_outcomes_all_at_the_create_level_are_unusual_at_a_low_eqf_level() -> None:
    issue = only_issue(proposal_in("es", "Diseñar un cartel.", eqf=3), "outcome.level-fit")

    assert issue.severity == "advice"
    assert "create-level verbs (diseñar)" in issue.message


# ---------------------------------------------------------------------------
# English "-ing" forms
# ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "verbs"),
    [
        ("Developing digital content.", ("develop",)),
        ("Analysing data and reporting findings.", ("analyse",)),
        ("Evaluating the plan.", ("evaluate",)),
        ("Planning and running workshops.", ("plan", "run")),
        ("Applying the rules.", ("apply",)),
    ],
)
def test_english_ing_forms_are_read_as_their_verbs(text: str, verbs: tuple[str, ...]) -> None:
    from mcdesigner.checks.outcome_text import analyse_outcome

    assert analyse_outcome(text).verbs == verbs
    assert verb_issues(proposal_in("en", text)) == []


def test_english_ing_forms_of_vague_verbs_are_still_vague() -> None:
    issue = only_issue(proposal_in("en", "Knowing the tools."), "outcome.vague-verb")

    assert "“knowing”" in issue.message


# ---------------------------------------------------------------------------
# Each text with the rules of its own language
# ---------------------------------------------------------------------------
def test_a_spanish_translation_is_read_with_spanish_rules_while_the_main_is_english() -> None:
    proposal = proposal_in(
        "en",
        "Analyse the rules.",
        "Apply the rules.",
        translations={"es": ["Analizar las normas.", "Conocer las normas."]},
    )

    issue = only_issue(proposal, "outcome.vague-verb")

    assert issue.path == "certified.learning_outcomes[lo2].text"
    assert issue.language == "es"
    assert "Learning outcome 2 (Spanish) uses “conocer”" in issue.message
    assert "aplicar, utilizar, analizar" in issue.message
    assert issues_of(proposal, "outcome.no-verb") == []


def test_an_english_translation_is_read_with_english_rules_while_the_main_is_spanish() -> None:
    proposal = proposal_in(
        "es",
        "Conocer las normas.",
        "Aplicar las normas.",
        translations={"en": ["Analyse the rules.", "Understand the rules."]},
    )

    found = [(i.path, i.language, i.message) for i in issues_of(proposal, "outcome.vague-verb")]

    assert [(path, language) for path, language, _ in found] == [
        ("certified.learning_outcomes[lo1].text", ""),
        ("certified.learning_outcomes[lo2].text", "en"),
    ]
    assert "aplicar, utilizar" in found[0][2]
    assert "Learning outcome 2 (English) uses “understand”" in found[1][2]
    assert "apply, use, analyse" in found[1][2]


def test_a_language_without_verb_lists_is_not_read() -> None:
    proposal = proposal_in(
        "fr",
        "Connaître les règles.",
        "Xyz abc.",
        translations={"es": ["Analizar las normas.", "Conocer las normas."]},
    )

    found = [(i.rule, i.language) for r in RULES for i in issues_of(proposal, r.id)]

    assert [(rule, lang) for rule, lang in found if rule.startswith("outcome.")] == [
        ("outcome.vague-verb", "es")
    ]
    assert outcome_language("fr") is None
    assert set(OUTCOME_LANGUAGES) == {"en", "es"}


def test_the_translation_is_advised_to_split_only_when_the_main_text_is_one_action() -> None:
    same = proposal_in("en", "Design and test a plan.", translations={"es": ["Diseñar y probar."]})
    differs = proposal_in("en", "Design a plan.", translations={"es": ["Diseñar y probar."]})

    assert [i.language for i in issues_of(same, "outcome.several-verbs")] == [""]
    assert [i.language for i in issues_of(differs, "outcome.several-verbs")] == ["es"]


def test_the_messages_are_translated_and_the_verbs_stay_in_the_texts_language() -> None:
    proposal = proposal_in(
        "en", "Know the tools.", translations={"es": ["Conocer las herramientas."]}
    )
    use_language("es")

    english, spanish = issues_of(proposal, "outcome.vague-verb")

    assert "El resultado de aprendizaje 1 utiliza «know»" in english.message
    assert "apply, use, analyse" in english.message
    assert "El resultado de aprendizaje 1 (español) utiliza «conocer»" in spanish.message
    assert "aplicar, utilizar, analizar" in spanish.message


# ---------------------------------------------------------------------------
# translation.missing
# ---------------------------------------------------------------------------
def _written_in(further: list[str], issued_in: list[str]) -> Proposal:
    proposal = proposal_in("en", "Analyse the rules.", "Apply the rules.")
    proposal.languages.further = further
    proposal.languages.issued_in = issued_in
    return proposal


def test_a_missing_translation_of_a_credential_text_is_a_warning_naming_language_and_field() -> (
    None
):
    proposal = _written_in(["es"], [])
    proposal.translations = {
        "es": {"general.title": "Título", "certified.learning_outcomes[lo1].text": "Analizar."}
    }

    found = issues_of(proposal, "translation.missing")
    outcome = next(i for i in found if i.path == "certified.learning_outcomes[lo2].text")

    assert {i.severity for i in found} == {"warning"}
    assert {i.language for i in found} == {"es"}
    assert "general.title" not in [i.path for i in found]
    assert "certified.learning_outcomes[lo1].text" not in [i.path for i in found]
    assert outcome.message.startswith("“Learning outcome 2 › Outcome” has no text in Spanish.")
    assert outcome.group == "credential"
    assert "language maps" in outcome.reference


def test_a_missing_translation_is_an_error_when_the_credential_is_issued_in_that_language() -> None:
    proposal = _written_in(["es", "fr"], ["en", "es"])

    found = issues_of(proposal, "translation.missing")
    title = {i.language: i for i in found if i.path == "general.title"}

    assert title["es"].severity == "error"
    assert "a language the credential is issued in" in title["es"].message
    assert title["fr"].severity == "warning"
    assert "has no text in French" in title["fr"].message
    assert not check(proposal).readiness.ready


def test_a_proposal_in_one_language_or_fully_translated_has_no_missing_translation() -> None:
    assert issues_of(_written_in([], []), "translation.missing") == []
    example = load_example()
    assert issues_of(example, "translation.missing") == []


def test_the_missing_translation_is_named_in_the_interface_language() -> None:
    use_language("es")
    issue = issues_of(_written_in(["fr"], []), "translation.missing")[0]

    assert issue.message.startswith("«Título» no tiene texto en francés.")


def test_the_rule_catalogue_lists_the_language_rules() -> None:
    listing = format_rules()

    assert "translation.missing" in [r.id for r in RULES]
    assert "translation.missing" in listing
    assert "ANECA" in listing


# ---------------------------------------------------------------------------
# The bundled example
# ---------------------------------------------------------------------------
def test_the_spanish_outcomes_of_the_example_get_no_verb_warning() -> None:
    example = load_example()

    spanish = [
        i
        for rule in (*VERB_RULES, "outcome.level-fit")
        for i in issues_of(example, rule)
        if i.language == "es"
    ]

    assert example.languages.main == "en" and "es" in example.languages.further
    assert spanish == []
    # the English "Know ..." outcome is still reported, in English only
    assert [i.language for i in issues_of(example, "outcome.vague-verb")] == [""]
