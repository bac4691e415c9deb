#!/usr/bin/env python
"""The guide's Step 4: `python scripts/04_evaluate.py [flags]` runs `gennx-evaluate`, with the same flags (`--help` lists them)."""
import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))   # the checkout's package, installed or not
from gennx_qlora.evaluate import evaluate_cli

if __name__ == '__main__': evaluate_cli()
