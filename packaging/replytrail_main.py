"""The frozen app's entry point: ``replytrail`` as the bundle's executable.

A frozen Python has no ``-m``; the tray app starts its keyring helper as
``<executable> -m replytrail.core.keyring_helper``, so that form (for Replytrail's own
modules only) runs the module, and everything else goes to the command line.
"""

from __future__ import annotations

import runpy
import sys

if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "-m" and sys.argv[2].startswith("replytrail."):
        module = sys.argv[2]
        sys.argv = [sys.argv[0], *sys.argv[3:]]
        runpy.run_module(module, run_name="__main__", alter_sys=True)
        sys.exit(0)
    from replytrail.cli import main

    sys.exit(main())
