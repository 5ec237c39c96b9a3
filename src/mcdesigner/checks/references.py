"""The standards the checks cite, as short reference strings shown beside each issue."""

from __future__ import annotations

from mcdesigner.model.standards import ESG_BY_NUMBER, RECOMMENDATION


def esg(number: str) -> str:
    """``ESG 2015 standard 1.x: <title>``."""
    return ESG_BY_NUMBER[number].reference


ANNEX_MANDATORY = f"{RECOMMENDATION}, mandatory elements"
ECTS_WORKLOAD = "ECTS Users' Guide 2015: credits express the student workload (25-30 hours each)"
ECTS_OUTCOMES = (
    "ECTS Users' Guide 2015: learning outcomes use active verbs that can be observed and assessed"
)
ECTS_OUTCOMES_CONCISE = "ECTS Users' Guide 2015: learning outcomes are concise and verifiable"
ECTS_OUTCOMES_WORKLOAD = (
    "ECTS Users' Guide 2015: learning outcomes are achievable within the workload"
)
ECTS_OUTCOMES_ASSESSED = (
    "ECTS Users' Guide 2015: learning outcomes are linked to assessment methods and criteria"
)
BLOOM_EQF = (
    "ESG 2015 standard 1.2: Design and approval of programmes (outcomes match the EQF level;"
    " revised Bloom's taxonomy)"
)
ELM_ENTITLEMENT = (
    "European Learning Model v3, LearningEntitlementSpecification: entitlement type and status"
)
ECTS_OUTCOMES_VERBS = (
    "ECTS Users' Guide 2015: learning outcomes use active verbs that can be observed and"
    " assessed; verbs read in English (revised Bloom's taxonomy) and in Spanish (ANECA guide"
    " to writing learning outcomes: infinitives and their usual forms, such as analiza,"
    " analizará, analizando)"
)
ECTS_OUTCOMES_CONCISE_VERBS = (
    "ECTS Users' Guide 2015: learning outcomes are concise and verifiable; verbs read in"
    " English and in Spanish (ANECA guide to writing learning outcomes)"
)
BLOOM_EQF_VERBS = (
    "ESG 2015 standard 1.2: Design and approval of programmes (outcomes match the EQF level;"
    " revised Bloom's taxonomy, with the Spanish verb lists of the ANECA guide to writing"
    " learning outcomes)"
)
ELM_LANGUAGE_MAPS = (
    "European Learning Model v3: the credential's texts are language maps, one text per"
    " language the credential is issued in"
)
ESCO_SKILLS = (
    "ESCO (European Skills, Competences, Qualifications and Occupations) skills pillar,"
    " v1.0 series: every skill has a permanent address and a preferred label"
)
ESCO_SUGGESTIONS = (
    "ESCO skills pillar, v1.0 series: skills ranked by the words they share with the outcome"
    " (BM25 over their labels and descriptions)"
)
