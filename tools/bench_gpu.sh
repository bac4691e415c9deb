#!/usr/bin/env bash
# Step 3 benchmark on one CUDA GPU, one command: every row of gennx_qlora.bench.ROWS (the guide's config, TRL's
# default batching, the shipped padding-free default and each lever, max_seq_length 4096), Qwen2.5-1.5B shape,
# NF4, Qwen2.5's exact tokenizer, 50 steps a row. Writes OUT_DIR/bench_results.{json,md} after every row.
# Usage (repository root): tools/bench_gpu.sh OUT_DIR [STEPS] [ROWS]   e.g. tools/bench_gpu.sh /tmp/out 50
# A machine without them needs these wheels in $WHEELS (default: wheels/), which tools/gpu_env.sh installs (--no-deps)
# into $SITE (default build/gpu/site):
#   trl==1.16.0 bitsandbytes==0.50.2 datasets==5.2.0 pyarrow==26.0.1 xxhash==4.1.0 multiprocess==0.70.19 dill==0.4.1
#   fastcore==2.2.41 jsonschema==4.26.0 jsonschema-specifications==2025.9.1 referencing==0.37.0 rpds-py==2026.9.1
#   tiktoken==0.14.0 (and pandas, attrs, regex if absent); liger-kernel==0.8.5 (Liger is on by default: every row but guide, trl_bs8, *_no_liger and *_compile);
#   dashscope-2.0.2-py3-none-any.whl (Qwen2.5's BPE ranks, for the exact tokenizer; copied into the preset cache).
set -uo pipefail
OUT=${1:?usage: tools/bench_gpu.sh OUT_DIR [STEPS] [ROWS]}; STEPS=${2:-50}; ROWS=${3:-}
source "$(dirname "$0")/gpu_env.sh" "${SITE:-build/gpu/site}" "${WHEELS:-wheels}"   # wheels, preset cache, paths
mkdir -p "$OUT"
nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader | tee "$OUT/gpu.txt"
python -c "import torch, transformers, trl, peft, bitsandbytes as b; print('torch', torch.__version__, 'cuda', torch.version.cuda, 'transformers', transformers.__version__, 'trl', trl.__version__, 'peft', peft.__version__, 'bitsandbytes', b.__version__)" | tee -a "$OUT/gpu.txt"
python - "$OUT" "$STEPS" "$ROWS" <<'PY' 2>&1 | grep -v -i warn | tee "$OUT/bench_log.txt"
import sys
from gennx_qlora.bench import bench
out, steps, rows = sys.argv[1], int(sys.argv[2]), sys.argv[3]
bench(out, steps=steps, rows=rows.split(',') if rows else None, config_dir='config')
PY
