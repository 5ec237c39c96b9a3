"""Financial statement: complete lines, a balanced budget and fee income that adds up."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from mcdesigner.checks.context import CheckContext
from mcdesigner.checks.references import esg
from mcdesigner.checks.rule import Finding, Rule, rule
from mcdesigner.formatting import formatter
from mcdesigner.i18n import tr
from mcdesigner.model.proposal import ExpenditureLine, RevenueLine

FUNDING = esg("1.6")
#: Relative difference tolerated between fee × places and the tuition-fee revenue.
FEE_TOLERANCE = Decimal("0.01")


def _lines(context: CheckContext) -> Iterator[tuple[str, str, int, RevenueLine | ExpenditureLine]]:
    """(path of the line, kind for messages, 1-based number, line) of every budget line."""
    financial = context.proposal.financial
    kind = tr("revenue line")
    for number, revenue in enumerate(financial.revenues, 1):
        yield f"financial.revenues[{revenue.id}]", kind, number, revenue
    kind = tr("expenditure line")
    for number, cost in enumerate(financial.expenditures, 1):
        yield f"financial.expenditures[{cost.id}]", kind, number, cost


def _line_name(kind: str, number: int, line: RevenueLine | ExpenditureLine) -> str:
    if line.description:
        return tr("{kind} {number} (“{description}”)").format(
            kind=kind, number=number, description=line.description
        )
    return tr("{kind} {number}").format(kind=kind, number=number)


@rule(
    "budget.line-category",
    title="Each budget line has a category",
    section="financial",
    severity="warning",
    reference=FUNDING,
    reports_missing=True,
)
def line_category(context: CheckContext) -> Iterator[Finding]:
    """Every revenue and expenditure line says what kind of income or cost it is."""
    for path, kind, number, line in _lines(context):
        if line.category is None:
            yield Finding(
                "warning",
                f"{path}.category",
                tr("Choose a category for {line}.").format(line=_line_name(kind, number, line)),
            )


@rule(
    "budget.line-amount",
    title="Each budget line has an amount",
    section="financial",
    severity="error",
    reference=FUNDING,
    reports_missing=True,
)
def line_amount(context: CheckContext) -> Iterator[Finding]:
    """Every line has units and a unit cost, so its amount and the totals are known."""
    for path, kind, number, line in _lines(context):
        name = _line_name(kind, number, line)
        if line.units is None:
            yield Finding(
                "error",
                f"{path}.units",
                tr(
                    "Enter the number of units for {line}; without it the line has no amount"
                    " and the totals are incomplete."
                ).format(line=name),
            )
        if line.unit_cost is None:
            yield Finding(
                "error",
                f"{path}.unit_cost",
                tr(
                    "Enter the unit cost for {line}; without it the line has no amount and the"
                    " totals are incomplete."
                ).format(line=name),
            )


@rule(
    "budget.deficit",
    title="Expenditure is covered by revenue",
    section="financial",
    severity="error",
    reference=FUNDING,
)
def deficit(context: CheckContext) -> Iterator[Finding]:
    """Expenditure above revenue is an error unless the deficit funding explains it."""
    financial = context.proposal.financial
    revenue, cost = financial.total_revenue, financial.total_expenditure
    if cost <= revenue:
        return
    values = {
        "cost": formatter().money(cost, context.currency),
        "revenue": formatter().money(revenue, context.currency),
        "gap": formatter().money(cost - revenue, context.currency),
    }
    if financial.deficit_funding.strip():
        yield Finding(
            "advice",
            "financial.deficit_funding",
            tr(
                "Expenditure ({cost}) exceeds revenue ({revenue}) by {gap}. The deficit funding"
                " statement says who covers it; make sure that commitment is confirmed."
            ).format(**values),
        )
    else:
        yield Finding(
            "error",
            "financial.deficit_funding",
            tr(
                "Expenditure ({cost}) exceeds revenue ({revenue}) by {gap}. Balance the budget,"
                " or explain under “Deficit funding” who covers the difference."
            ).format(**values),
        )


@rule(
    "budget.tuition-fees",
    title="Tuition-fee revenue matches fee × places",
    section="financial",
    severity="warning",
    reference=FUNDING,
)
def tuition_fees(context: CheckContext) -> Iterator[Finding]:
    """Fee × places and the tuition-fee revenue lines differ by at most 1 %."""
    proposal = context.proposal
    fee, places = proposal.general.fee, proposal.general.places
    if fee is None or places is None:
        return
    expected = (fee * places).quantize(Decimal("0.01"))
    booked = sum(
        (
            line.amount or Decimal(0)
            for line in proposal.financial.revenues
            if line.category == "tuition_fees"
        ),
        Decimal("0.00"),
    )
    if abs(expected - booked) <= FEE_TOLERANCE * max(expected, booked):
        return
    yield Finding(
        "warning",
        "financial.revenues",
        tr(
            "The tuition-fee revenue is {booked}, but the fee ({fee}) × {places} places comes"
            " to {expected}. Make the tuition-fee lines match the fee and the number of places."
        ).format(
            booked=formatter().money(booked, context.currency),
            fee=formatter().money(fee, context.currency),
            places=places,
            expected=formatter().money(expected, context.currency),
        ),
    )


RULES: tuple[Rule, ...] = (line_category, line_amount, deficit, tuition_fees)
