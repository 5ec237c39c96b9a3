"""Import paths of the window's field editors, named once for the built-in types.

The Qt layer (:mod:`mcdesigner.widgets.registry`) imports these lazily; this package
only names them, so it stays free of Qt.
"""

from __future__ import annotations

from mcdesigner.fieldtypes.base import Widget

_WIDGETS = "mcdesigner.widgets"

LINE = Widget(f"{_WIDGETS}.text_editors:LineEditor")
MULTILINE = Widget(f"{_WIDGETS}.text_editors:MultiLineEditor", full_width=True)
NUMBER = Widget(f"{_WIDGETS}.number_editors:NumberEditor")
MONEY = Widget(f"{_WIDGETS}.number_editors:MoneyEditor")
DATE = Widget(f"{_WIDGETS}.date_editor:DateEditor")
CHECKBOX = Widget(f"{_WIDGETS}.choice_editors:BoolEditor")
COMBO = Widget(f"{_WIDGETS}.choice_editors:ChoiceEditor")
RADIO = Widget(f"{_WIDGETS}.choice_editors:RadioChoiceEditor")
TERMS = Widget(f"{_WIDGETS}.list_editors:terms_editor", full_width=True)
CHECKLIST = Widget(f"{_WIDGETS}.list_editors:ChecklistEditor", full_width=True)
PICK_LIST = Widget(f"{_WIDGETS}.list_editors:PickListEditor", full_width=True)
ITEM_CHECKLIST = Widget(f"{_WIDGETS}.list_editors:RefsEditor", full_width=True)
ESCO_SKILL = Widget(f"{_WIDGETS}.esco_picker:EscoLabelEditor")
OUTCOME = Widget(f"{_WIDGETS}.esco_suggestions:OutcomeTextEditor", full_width=True)
