#!/usr/bin/env python
"""The guide's Step 5: `python scripts/05_merge_adapters.py [flags]` runs `gennx-merge`, with the same flags (`--help` lists them)."""
import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))   # the checkout's package, installed or not
from gennx_qlora.merge import merge_cli

if __name__ == '__main__': merge_cli()
