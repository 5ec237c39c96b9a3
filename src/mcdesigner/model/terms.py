"""Vocabulary terms a proposal field may hold: each an ELM concept URI or an ISO code,
checked against its vocabulary (see :mod:`mcdesigner.model.vocabularies`)."""

from __future__ import annotations

from typing import Annotated

from mcdesigner.model.vocabularies import COUNTRY, CURRENCY, LANGUAGE, VocabularyRef, in_vocabulary

EqfLevel = Annotated[str, VocabularyRef("eqf"), in_vocabulary("eqf")]
IscedField = Annotated[str, VocabularyRef("isced-f"), in_vocabulary("isced-f")]
Mode = Annotated[str, VocabularyRef("learning-assessment"), in_vocabulary("learning-assessment")]
LearningSetting = Annotated[
    str, VocabularyRef("learning-setting"), in_vocabulary("learning-setting")
]
OpportunityType = Annotated[
    str, VocabularyRef("learning-opportunity"), in_vocabulary("learning-opportunity")
]
ActivityType = Annotated[
    str, VocabularyRef("learning-activity"), in_vocabulary("learning-activity")
]
AssessmentType = Annotated[str, VocabularyRef("assessment"), in_vocabulary("assessment")]
Schedule = Annotated[str, VocabularyRef("learning-schedule"), in_vocabulary("learning-schedule")]
TargetGroup = Annotated[str, VocabularyRef("target-group"), in_vocabulary("target-group")]
EntitlementType = Annotated[str, VocabularyRef("entitlement"), in_vocabulary("entitlement")]
EntitlementStatus = Annotated[
    str, VocabularyRef("entitlement-status"), in_vocabulary("entitlement-status")
]
QualityAssuranceType = Annotated[
    str, VocabularyRef("accreditation"), in_vocabulary("accreditation")
]
Supervision = Annotated[
    str, VocabularyRef("supervision-verification"), in_vocabulary("supervision-verification")
]
SkillType = Annotated[str, VocabularyRef("skill-type"), in_vocabulary("skill-type")]
SkillReuseLevel = Annotated[
    str, VocabularyRef("skill-reuse-level"), in_vocabulary("skill-reuse-level")
]
Country = Annotated[str, VocabularyRef(COUNTRY), in_vocabulary(COUNTRY)]
Language = Annotated[str, VocabularyRef(LANGUAGE), in_vocabulary(LANGUAGE)]
Currency = Annotated[str, VocabularyRef(CURRENCY), in_vocabulary(CURRENCY)]
