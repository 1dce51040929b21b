"""``python -m andtsgraph`` runs the command line."""

import sys

from andtsgraph.cli import main

sys.exit(main())
