"""``python -m replytrail``: the same entry point as the ``replytrail`` script."""

import sys

from replytrail.cli import main

sys.exit(main())
