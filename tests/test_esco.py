"""The bundled ESCO data: search, exact labels, addresses, spelling, and the resource itself."""

from __future__ import annotations

import gzip
import json
import time
from pathlib import Path

import pytest

import mcdesigner.esco as esco
from mcdesigner.esco import prebuilt
from mcdesigner.esco.data import RESOURCE, EscoDataError, read_catalog
from mcdesigner.esco.label_index import LabelIndex, label_phrases
from mcdesigner.esco.suggestions import SuggestionIndex, decode_postings, weighted_postings
from mcdesigner.esco.text import fold, phrase, spelling, words
from mcdesigner.paths import resources_dir

WORK_IN_TEAMS = "http://data.europa.eu/esco/skill/60c78287-22eb-4103-9c8c-28deaa460da0"
ORGANISATIONAL_POLICIES = "http://data.europa.eu/esco/skill/07e47d58-dd0e-4302-9e68-70a188e89065"
DIGITAL_COLLABORATION_GROUP = (
    "http://data.europa.eu/esco/skill/574257ea-7b64-4100-b7b6-e27c233fe143"
)


def addresses(hits: list[esco.SearchHit]) -> list[str]:
    return [hit.skill.address for hit in hits]


def test_the_resource_holds_every_skill_and_stays_small() -> None:
    data = esco.catalog()
    assert len(data.skills) == 13_485
    assert len(data.groups) == 17
    assert sum(f.stat().st_size for f in RESOURCE.parent.iterdir()) < 8_000_000
    assert data.version == esco.version() == "v1.0 series"
    source = (RESOURCE.parent / "SOURCE.md").read_text(encoding="utf-8")
    for fact in ("European Commission", "v1.0 series", "source is acknowledged"):
        assert fact in source


def test_work_in_teams_comes_first_in_english_and_in_spanish() -> None:
    assert addresses(esco.search("work in teams"))[0] == WORK_IN_TEAMS
    spanish = esco.search("trabajar en equipo", lang="es")
    assert spanish[0].skill.address == WORK_IN_TEAMS
    assert spanish[0].label == "trabajar en equipo"
    assert esco.search("travailler en équipe", lang="fr")[0].skill.address == WORK_IN_TEAMS


def test_words_count_in_any_order_and_the_last_one_while_it_is_typed() -> None:
    assert WORK_IN_TEAMS in addresses(esco.search("teams work"))
    assert WORK_IN_TEAMS in addresses(esco.search("work in tea"))
    assert esco.search("apply system organisational pol")[0].skill.address == (
        ORGANISATIONAL_POLICIES
    )


def test_capitals_accents_spaces_and_british_spelling_are_ignored() -> None:
    for typed in (
        "Apply System  Organisational Policies",
        "apply system organizational policies",
        "APPLY   system organisational policies ",
    ):
        hits = esco.search(typed)
        assert hits[0].skill.address == ORGANISATIONAL_POLICIES
        assert hits[0].exact
    assert esco.search("TRABAJAR EN EQUIPO", lang="es")[0].skill.address == WORK_IN_TEAMS
    assert esco.search("trabajar en équipo", lang="es")[0].skill.address == WORK_IN_TEAMS


def test_alternative_labels_are_found_and_shown_as_matched() -> None:
    work = esco.lookup(WORK_IN_TEAMS)
    assert work is not None
    assert "trabajar en grupo" in work.alternatives["es"]
    hit = next(h for h in esco.search("trabajar en grupo") if h.skill.address == WORK_IN_TEAMS)
    assert hit.label == "work in teams"  # asked in English: the English preferred label
    assert hit.matched == "trabajar en grupo"
    assert hit.matched_language == "es"


def test_a_hit_carries_what_the_picker_shows() -> None:
    hit = esco.search("trabajar en equipo", lang="es")[0]
    assert hit.skill.skill_type == esco.SKILL
    assert hit.skill.reuse_level == "transversal"
    start = hit.skill.description_start(60)
    assert 0 < len(start) <= 60
    assert hit.skill.description.startswith(start.rstrip("…"))


def test_a_label_falls_back_to_english_when_esco_has_no_translation() -> None:
    group = esco.lookup(DIGITAL_COLLABORATION_GROUP)
    assert group is not None and "es" not in group.labels
    assert group.label("es") == "digital communication and collaboration"


def test_nothing_typed_or_nothing_known_finds_nothing() -> None:
    assert esco.search("") == []
    assert esco.search("  ,;  ") == []
    assert esco.search("zzqxv") == []
    assert esco.search("work", limit=0) == []
    assert len(esco.search("manage", limit=7)) == 7


def test_each_skill_is_listed_once() -> None:
    found = addresses(esco.search("team", limit=50))
    assert len(found) == len(set(found))


def test_exact_match_takes_either_spelling_and_no_partial_label() -> None:
    matches = esco.exact_match("apply system organisational  policies")
    assert [s.address for s in matches] == [ORGANISATIONAL_POLICIES]
    assert [s.address for s in esco.exact_match("Work In Teams")] == [WORK_IN_TEAMS]
    assert next(s.address for s in esco.exact_match("trabajar en equipo")) == WORK_IN_TEAMS
    assert esco.exact_match("work in") == []
    assert esco.exact_match("use ICT resources to solve work related tasks") == []
    assert esco.exact_match("") == []


def test_lookup_knows_skills_and_skill_groups_and_nothing_else() -> None:
    skill = esco.lookup(WORK_IN_TEAMS)
    assert skill is not None and skill.labels["en"] == "work in teams"
    group = esco.lookup(DIGITAL_COLLABORATION_GROUP)
    assert group is not None and group.group
    assert group.labels["en"] == "digital communication and collaboration"
    assert esco.lookup(WORK_IN_TEAMS[:-1] + "1") is None
    assert esco.lookup("http://data.europa.eu/snb/dcf/25831c2") is None
    assert esco.is_esco_address(WORK_IN_TEAMS)
    assert not esco.is_esco_address("http://data.europa.eu/snb/dcf/25831c2")


@pytest.mark.parametrize(
    ("british", "american"),
    [
        ("organisational", "organizational"),
        ("organise", "organize"),
        ("analysing", "analyzing"),
        ("behaviour", "behavior"),
        ("labourers", "laborers"),
        ("centre", "center"),
        ("centres", "centers"),
        ("centred", "centered"),
        ("fibre", "fiber"),
        ("modelling", "modeling"),
        ("travelled", "traveled"),
        ("skilful", "skillful"),
        ("catalogue", "catalog"),
        ("dialogues", "dialogs"),
    ],
)
def test_british_and_us_spellings_are_one_word(british: str, american: str) -> None:
    assert spelling(british) == spelling(american)


@pytest.mark.parametrize(
    ("one", "other"), [("four", "for"), ("flour", "flor"), ("acre", "acer"), ("genre", "gener")]
)
def test_different_words_stay_apart(one: str, other: str) -> None:
    assert spelling(one) != spelling(other)


def test_words_fold_accents_and_split_on_anything_but_letters() -> None:
    assert fold("Formación ŒUVRE Straße") == "formacion oeuvre strasse"
    assert words("l’équipe e-learning  (ICT)") == ["l", "equipe", "e", "learning", "ict"]
    assert phrase("  Apply  quality standards ") == "apply quality standards"


def test_a_search_answers_within_a_keystroke() -> None:
    esco.warm_up()
    slowest = 0.0
    for typed in ("w", "wo", "work", "work i", "work in t", "work in teams", "a", "e", "m"):
        start = time.perf_counter()
        esco.search(typed, lang="es")
        slowest = max(slowest, time.perf_counter() - start)
    assert slowest < 0.030


def test_damaged_data_is_reported_with_its_file(tmp_path: Path) -> None:
    broken = tmp_path / "skills.json.gz"
    broken.write_bytes(b"not gzip")
    with pytest.raises(EscoDataError, match=r"skills\.json\.gz"):
        read_catalog(broken)
    broken.write_bytes(gzip.compress(json.dumps({"format": 99}).encode()))
    with pytest.raises(EscoDataError, match="format"):
        read_catalog(broken)


def test_the_wheel_configuration_ships_the_resource() -> None:
    """The wheel copies resources/ whole, so the ESCO data travels with the app."""
    import tomllib

    root = Path(__file__).resolve().parents[1]
    config = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    included = config["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    assert included["resources"] == "mcdesigner/data/resources"
    assert RESOURCE.is_relative_to(resources_dir())


def test_the_about_box_names_the_esco_source_version_and_licence() -> None:
    from mcdesigner.ui.dialogs import about_text

    text = about_text()
    assert esco.catalog().version == esco.VERSION
    for fact in ("ESCO v1.0 series", "European Commission", "© European Union", "2011/833/EU"):
        assert fact in text
    assert text.startswith("MC Designer ")


def test_the_shipped_index_parts_are_those_of_the_shipped_data() -> None:
    """Fails when the word forms or the ranking changed without running build_esco.py."""
    stamp = prebuilt.bundled_fingerprint()
    data = esco.catalog()
    assert prebuilt.read(prebuilt.LABELS, stamp) == label_phrases(data)
    shipped = decode_postings(prebuilt.read(prebuilt.SUGGESTIONS, stamp))
    assert shipped == weighted_postings(data)


def test_an_out_of_date_index_part_is_ignored_and_computed_instead(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    stale = tmp_path / "labels.json.gz"
    stale.write_bytes(prebuilt.encode(["nonsense"] * 10, "0:older"))
    assert prebuilt.read(stale, prebuilt.bundled_fingerprint()) is None
    assert "out of date" in caplog.text
    stale.write_bytes(b"damaged")
    assert prebuilt.read(stale, prebuilt.bundled_fingerprint()) is None
    index = LabelIndex(esco.catalog(), ["wrong"] * 3)  # not one phrase per label: computed
    assert index.search("work in teams")[0].skill.address == WORK_IN_TEAMS
    built = SuggestionIndex(esco.catalog(), None)
    assert built.suggest("Apply quality standards")[0].label == "apply quality standards"
