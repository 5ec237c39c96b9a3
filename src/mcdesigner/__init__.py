"""MC Designer: draft, check and review micro-credential proposals offline."""

__version__ = "0.1.0"
