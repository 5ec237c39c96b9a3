"""The Qt application around the generated forms: windows, panels, the edit session, autosave.

The main window is thin; it composes panels (library, navigator, editor area, help) and
delegates. Everything that changes a proposal goes through
:class:`~mcdesigner.ui.session.EditSession`.
"""

import mcdesigner.qt_workaround  # noqa: F401  (must run before any Qt call)
