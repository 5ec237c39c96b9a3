"""Use cases shared by the command line and the window: each combines store, checks and files.

These functions are pure Python (no Qt). The window runs the slow ones off the UI thread.
"""
