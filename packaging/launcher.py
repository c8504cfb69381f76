"""Entry script of the PyInstaller bundle (packaging/backleg.spec): the same main() as `backleg`."""

import sys

from backleg_desktop.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
