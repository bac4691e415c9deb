#!/bin/bash
# Latency of one tool call on a GPU (issue 18): plain generate, static cache, the engine (prefix reuse,
# constraints), bf16 and 4-bit, Qwen2.5-1.5B shape (random weights, exact tokenizer); and 500 turns through the engine.
# Usage (device, repository root): [REPEATS=20 WARMUP=3 TURNS=500] bash tools/latency_gpu.sh OUTDIR [WHEELS]
#   WHEELS: a folder of wheels to install first (xgrammar, trl, bitsandbytes, ...) and holding the dashscope wheel the
#   qwen2.5-shape preset takes its tokenizer from (it becomes $GENNX_CACHE_DIR/wheels). Writes OUTDIR/latency.{json,md}.
set -u
OUT=$1; WHEELS=${2:-}
mkdir -p "$OUT"
source "$(dirname "$0")/gpu_env.sh" "${SITE:-build/gpu/site}" ${WHEELS:+"$WHEELS"}   # wheels, preset cache, paths
nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv > "$OUT/gpu.txt" 2>&1
python - "$OUT" > "$OUT/log.txt" 2>&1 <<'PY'
import sys, os
from gennx_qlora.engine import latency_table, latency_markdown
env = lambda k, d: int(os.environ.get(k, d))
res = latency_table('qwen2.5-shape', sys.argv[1], repeats=env('REPEATS', 20), warmup=env('WARMUP', 3), eval_turns=env('TURNS', 500))
print(latency_markdown(res))
PY
cat "$OUT/log.txt" | tail -n 40
