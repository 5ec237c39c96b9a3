"""The rules, one module per theme; :mod:`mcdesigner.checks.registry` lists them in order."""
