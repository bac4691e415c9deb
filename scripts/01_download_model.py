#!/usr/bin/env python
"""The guide's Step 1: `python scripts/01_download_model.py [flags]` runs `gennx-download`, with the same flags (`--help` lists them)."""
import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))   # the checkout's package, installed or not
from gennx_qlora.download import download_cli

if __name__ == '__main__': download_cli()
