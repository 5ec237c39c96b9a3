"""Keep the translation catalogs up to date, and list what a language still lacks.

    .venv/bin/python scripts/messages.py extract es   # refresh resources/locale/es/*.po
    .venv/bin/python scripts/messages.py add es       # only new texts, into additions.po
    .venv/bin/python scripts/messages.py check es     # texts without a (correct) translation
    .venv/bin/python scripts/messages.py check es --area window

``extract`` keeps every translation already written and adds the new texts untranslated;
``check`` exits with status 1 when something is missing.
"""

from __future__ import annotations

import argparse
import sys

from mcdesigner.translations.extract import add_new_texts, check_language, update_catalogs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("extract", "add", "check"))
    parser.add_argument("language", help="language code, e.g. es")
    parser.add_argument("--area", help="only this catalog (window, checks, form-general, ...)")
    args = parser.parse_args(argv)
    if args.action == "extract":
        for area, count in update_catalogs(args.language).items():
            print(f"{area}: {count} texts")
        return 0
    if args.action == "add":
        print(f"{add_new_texts(args.language)} new texts in additions.po")
        return 0
    problems = [p for p in check_language(args.language) if not args.area or p.area == args.area]
    for problem in problems:
        print(f"[{problem.area}] {problem.problem}: {problem.source[:90]!r}")
    print(f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
