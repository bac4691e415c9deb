#!/usr/bin/env python
"""The guide's Step 6: `python scripts/06_serve.py [flags]` runs `gennx-serve`, with the same flags (`--help` lists them)."""
import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))   # the checkout's package, installed or not
from gennx_qlora.serve import serve_cli

if __name__ == '__main__': serve_cli()
