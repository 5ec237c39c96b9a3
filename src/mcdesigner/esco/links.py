"""Linking the skills an author typed to ESCO: which labels are exactly ESCO labels.

A skill of a learning outcome whose label is exactly a preferred or alternative label of
one ESCO skill (capitals, accents, spaces and British or US spelling aside), and which has
no address yet, can be linked: its address, skill type and reuse level are filled in from
the bundled data, its label is kept as the author wrote it. A label shared by several ESCO
skills is left for the author to choose from. :func:`link_edit` is the one undoable edit
that links an item; :func:`planned_links` lists every link a proposal can take.
"""

from __future__ import annotations

from dataclasses import dataclass

from mcdesigner.esco.data import Skill
from mcdesigner.esco.label_index import label_index
from mcdesigner.esco.text import phrase
from mcdesigner.model.edits import SetValue, SetValues
from mcdesigner.model.proposal import EscoSkill, Proposal

OUTCOMES = "certified.learning_outcomes"


@dataclass(frozen=True)
class PlannedLink:
    """One skill of one outcome that can be linked, and the ESCO skill it is."""

    outcome: int  # 1-based position of the outcome
    number: int  # 1-based position of the skill within the outcome
    path: str  # field path of the skill item
    label: str  # as the author wrote it
    skill: Skill

    @property
    def edit(self) -> SetValues:
        """The edit that links the item."""
        return link_edit(self.path, self.skill)


def exact_skill(label: str) -> Skill | None:
    """The one ESCO skill having ``label`` as a label; ``None`` when none or several have it
    (one skill whose *preferred* label it is wins over others having it as an alternative)."""
    if not label.strip():
        return None
    matches = label_index().exact(label)
    if len(matches) == 1:
        return matches[0]
    wanted = phrase(label)
    preferred = [s for s in matches if any(phrase(t) == wanted for t in s.labels.values())]
    return preferred[0] if len(preferred) == 1 else None


def linkable(item: EscoSkill) -> Skill | None:
    """The ESCO skill ``item`` can be linked to: it has a label and no address yet."""
    if item.uri.strip():
        return None
    return exact_skill(item.label)


def link_edit(path: str, skill: Skill) -> SetValues:
    """Set the address, skill type and reuse level of the skill item at ``path``."""
    return SetValues(
        (
            SetValue(f"{path}.uri", skill.address),
            SetValue(f"{path}.skill_type", skill.skill_type_concept),
            SetValue(f"{path}.reuse_level", skill.reuse_level_concept),
        )
    )


def planned_links(proposal: Proposal) -> list[PlannedLink]:
    """Every skill of ``proposal`` that can be linked, in the order of the outcomes."""
    planned = []
    for o, outcome in enumerate(proposal.certified.learning_outcomes, start=1):
        for n, item in enumerate(outcome.esco_skills, start=1):
            skill = linkable(item)
            if skill is not None:
                path = f"{OUTCOMES}[{outcome.id}].esco_skills[{item.id}]"
                planned.append(PlannedLink(o, n, path, item.label, skill))
    return planned
