#!/bin/bash
# Fetch, here (where PyPI is reachable), the wheels a lent GPU machine lacks, at the versions this checkout's venv has,
# into the ignored folders the device calls carry (each call carries at most 64 MiB, so they are split by use):
#   .whl        transformers, trl, peft, datasets, huggingface_hub 2.x and the rest the pipeline imports (~28 MiB)
#   .whl_ts     truststore (huggingface_hub 2.x's httpcore2 imports it; carry it with .whl)
#   .cachewheels  dashscope (Qwen2.5's BPE ranks for the qwen2.5-shape presets; gpu_env.sh copies it into the cache)
#   .whl_bnb    bitsandbytes, liger-kernel (4-bit rows, the Step 3 benchmark; ~43 MiB: a second call on the same
#               warm machine, installed into the same SITE outside the repository, e.g. /tmp/dsite)
# The lent image already has torch, pyarrow, xxhash, tiktoken, tokenizers 0.23.2, accelerate (KINDS.md).
# Then on the device: source tools/gpu_env.sh /tmp/dsite $PWD/.whl $PWD/.whl_ts $PWD/.cachewheels
# Usage (repository root, after `make venv`): bash tools/gpu_wheels.sh
set -euo pipefail
PIP=${PIP:-.venv/bin/pip}
ver() { $PIP show "$1" 2>/dev/null | sed -n 's/^Version: //p'; }
get() {   # get DIR NAME...: each NAME at the venv's version (or as given, NAME==V), CPython 3.12 manylinux wheels
  local d=$1; shift; mkdir -p "$d"
  local specs=(); for n in "$@"; do [[ $n == *==* ]] && specs+=("$n") || specs+=("$n==$(ver "$n")"); done
  local out   # pip's own exit status decides (a failed download stops the script), its noise about local indexes goes
  out=$($PIP download -q --no-deps --only-binary=:all: --python-version 3.12 --implementation cp \
    --platform manylinux_2_28_x86_64 --platform manylinux_2_27_x86_64 --platform manylinux_2_24_x86_64 \
    --platform manylinux_2_17_x86_64 --platform manylinux2014_x86_64 -d "$d" "${specs[@]}" 2>&1) \
    || { grep -v "Location" <<< "$out" >&2; echo "gpu_wheels: downloading into $d failed" >&2; exit 1; }
}
get .whl transformers trl peft datasets huggingface_hub httpx2 httpcore2 dill multiprocess fastcore jsonschema \
    jsonschema-specifications referencing rpds-py bm25s tokenizers xgrammar apache-tvm-ffi plotly narwhals \
    pydantic pydantic-core annotated-types typing-inspection gguf   # xgrammar imports pydantic, merge gguf: the lent image has neither
get .whl_ts truststore
get .cachewheels dashscope==2.0.2
get .whl_bnb bitsandbytes liger-kernel==0.8.5
# bitsandbytes' wheel carries 16 native libraries (43 MB); the lent machines run CUDA 13.0: keep the CPU and CUDA 13.x
# ones (7 MB), so that every folder fits one call's 64 MiB carry together
$(dirname "$PIP")/python tools/slim_wheel.py .whl_bnb/bitsandbytes-*.whl 'cpu|cuda13'
for d in .whl .whl_ts .cachewheels .whl_bnb; do grep -qx "/$d/" .git/info/exclude 2>/dev/null || echo "/$d/" >> .git/info/exclude; done
du -sh .whl .whl_ts .cachewheels .whl_bnb
