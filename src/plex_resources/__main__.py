"""`python -m plex_resources`: the same as the `plex-resources` command."""

import sys

from .cli import main

sys.exit(main())
