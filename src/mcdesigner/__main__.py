"""Entry point for ``python -m mcdesigner``: the command line, or the app when no command is given."""

from mcdesigner.cli import main

raise SystemExit(main())
