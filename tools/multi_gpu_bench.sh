#!/usr/bin/env bash
# Step 3 on several GPUs of one host (issue 20), one command: for N = 2 and every larger count this host has of 4 and 8,
# `gennx-bench --gpus N`: the shipped training config (padding-free row), Qwen2.5-1.5B shape, NF4, Qwen2.5's exact
# tokenizer, STEPS steps on 1 GPU (at the N-GPU effective batch) and on N GPUs (accelerate launch with
# config/accelerate_multi_gpu.yaml): tokens/s, speed-up, peak memory and the two loss curves side by side.
# Writes OUT_DIR/gpusN/gpus_results.{json,md} per N, OUT_DIR/summary.md (all tables) and OUT_DIR/gpu.txt.
# Usage (repository root, on an nvidia-h100-x2/x4/x8 machine): tools/multi_gpu_bench.sh OUT_DIR [STEPS] [COUNTS]
#   e.g. tools/multi_gpu_bench.sh /tmp/out 50        COUNTS e.g. "2 4" (default: 2, plus 4 and 8 where present)
# About 2 to 3 minutes per N on H100s (model built once per N, 50 steps on 1 GPU then on N).
# A machine without them needs these wheels in $WHEELS (default: wheels/), installed by tools/gpu_env.sh, as for
# tools/bench_gpu.sh: trl bitsandbytes datasets pyarrow xxhash multiprocess dill fastcore jsonschema
# jsonschema-specifications referencing rpds-py tiktoken (and pandas, attrs, regex if absent), plus the dashscope
# wheel (Qwen2.5's BPE ranks, copied into the preset cache). torch, transformers, peft and accelerate must be there.
set -uo pipefail
OUT=${1:?usage: tools/multi_gpu_bench.sh OUT_DIR [STEPS] [COUNTS]}; STEPS=${2:-50}; COUNTS=${3:-}
source "$(dirname "$0")/gpu_env.sh" "${SITE:-build/gpu/site}" "${WHEELS:-wheels}"   # wheels, preset cache, paths
mkdir -p "$OUT"
HAVE=$(nvidia-smi --query-gpu=name --format=csv,noheader | wc -l)
nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader | tee "$OUT/gpu.txt"
python -c "import torch, transformers, trl, peft, accelerate, bitsandbytes as b; print('torch', torch.__version__, 'cuda', torch.version.cuda, 'transformers', transformers.__version__, 'trl', trl.__version__, 'peft', peft.__version__, 'accelerate', accelerate.__version__, 'bitsandbytes', b.__version__)" | tee -a "$OUT/gpu.txt"
if [ -z "$COUNTS" ]; then COUNTS=2; for n in 4 8; do [ "$HAVE" -ge "$n" ] && COUNTS="$COUNTS $n"; done; fi
: > "$OUT/summary.md"
for N in $COUNTS; do
  echo "== $N GPUs ==" | tee -a "$OUT/bench_log.txt"
  python -m gennx_qlora.bench --gpus "$N" --steps "$STEPS" --out "$OUT/gpus$N" --config-dir config 2>&1 \
    | grep -v -i warn | tee -a "$OUT/bench_log.txt"
  [ -f "$OUT/gpus$N/gpus_results.md" ] && { cat "$OUT/gpus$N/gpus_results.md"; echo; } >> "$OUT/summary.md"
done
cat "$OUT/summary.md"
