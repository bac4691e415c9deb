#!/usr/bin/env python
"""The guide's Step 3: `python scripts/03_train_qlora.py [flags]` runs `gennx-train`, with the same flags (`--help` lists them)."""
import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))   # the checkout's package, installed or not
from gennx_qlora.train import train_cli

if __name__ == '__main__': train_cli()
