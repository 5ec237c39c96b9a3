"""Qt widgets generated from the form definitions: field editors, lists of items, section pages.

Nothing here knows about storage or windows. A :class:`~mcdesigner.widgets.section_page.SectionPage`
shows one section of a proposal and reports every user change as an edit operation
(:mod:`mcdesigner.model.edits`); the window applies it and tells the page to refresh.
"""

import mcdesigner.qt_workaround  # noqa: F401  (must run before any Qt call)
