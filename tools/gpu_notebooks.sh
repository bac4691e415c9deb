#!/bin/bash
# Run every notebook that has a `#| gpu` cell, with those cells on (nbdev-test --flags gpu), on a CUDA machine.
# The tutorials' gpu cells use GENNX_REAL_MODEL (default here: smollm2-135m, a real model without the Hub), which
# Step 1 puts in models/base/ first when it is not there.
# Usage (repository root, venv active or BIN set): [SKIP_NBS='name ...'] bash tools/gpu_notebooks.sh [OUT_LOG] [N_WORKERS]
set -uo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.venv/bin}; LOG=${1:-/tmp/gpu_notebooks.log}; NW=${2:-4}
export GENNX_REAL_MODEL=${GENNX_REAL_MODEL:-smollm2-135m}
NBS=$(python3 - <<'EOF'
import json, glob, os
for f in sorted(glob.glob('nbs/**/*.ipynb', recursive=True)):
    cells = json.load(open(f, encoding='utf-8'))['cells']
    if any(c['cell_type'] == 'code' and ''.join(c['source']).lstrip().startswith('#| gpu') for c in cells):
        print(os.path.basename(f)[:-len('.ipynb')])
EOF
)
echo "notebooks with #| gpu cells: $(echo $NBS)" | tee "$LOG"
if [ -n "${SKIP_NBS:-}" ]; then   # e.g. SKIP_NBS=90_bench when its gpu cell (the whole benchmark) runs on its own
  NBS=$(for n in $NBS; do [[ " $SKIP_NBS " == *" $n "* ]] || echo $n; done); echo "skipped: $SKIP_NBS" | tee -a "$LOG"; fi
if [ ! -f "models/base/$GENNX_REAL_MODEL/config.json" ]; then
  $BIN/gennx-download --model-name "$GENNX_REAL_MODEL" --output-dir "models/base/$GENNX_REAL_MODEL" >> "$LOG" 2>&1 || echo "!! gennx-download $GENNX_REAL_MODEL failed" | tee -a "$LOG"
fi
RE="^($(echo $NBS | tr ' ' '|'))\.ipynb"
t0=$SECONDS
$BIN/python -c "from nbdev.test import nbdev_test; nbdev_test()" --flags gpu --file-re "$RE" --n-workers "$NW" --timing \
  >> "$LOG" 2>&1
rc=$?
echo "nbdev-test --flags gpu on $(echo $NBS | wc -w) notebooks: exit $rc in $((SECONDS - t0)) s" | tee -a "$LOG"
exit $rc
