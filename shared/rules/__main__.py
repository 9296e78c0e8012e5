"""`python -m shared.rules`: print the rule catalogue, as Markdown, from the registry."""

import sys

from shared.rules.catalogue import catalogue_markdown
from shared.rules.registry import RULES


def main() -> int:
    sys.stdout.write(catalogue_markdown(RULES))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
