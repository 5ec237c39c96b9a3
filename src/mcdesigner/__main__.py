"""Entry point for ``python -m mcdesigner``: the command line, or the app without a command."""

from mcdesigner.cli import main

raise SystemExit(main())
