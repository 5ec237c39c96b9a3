"""The Qt application around the generated forms: windows, panels, the edit session, autosave.

The main window is thin; it composes panels (library, navigator, editor area, help) and
delegates. Everything that changes a proposal goes through
:class:`~mcdesigner.ui.session.EditSession`.
"""
