#!/usr/bin/env python
"""The guide's Step 2: `python scripts/02_prepare_data.py [flags]` runs `gennx-prepare`, with the same flags (`--help` lists them)."""
import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))   # the checkout's package, installed or not
from gennx_qlora.data import prepare_cli

if __name__ == '__main__': prepare_cli()
