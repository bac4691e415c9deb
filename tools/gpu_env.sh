#!/bin/bash
# Source this on a lent GPU machine (no registry there) before any tools/*_gpu.sh script:
#   source tools/gpu_env.sh SITE [WHEEL_DIR ...]
# It installs the carried wheels (pip --no-index --no-deps) into SITE, once per wheel folder, copies a dashscope
# wheel among them into the preset cache ($GENNX_CACHE_DIR/wheels: Qwen2.5's BPE ranks for the qwen2.5-shape presets),
# puts SITE and the repository on PYTHONPATH, and writes SITE/bin/gennx-* wrappers for the console scripts of
# pyproject.toml (the package itself is imported from the checkout, not installed), plus SITE/bin/python, first on
# PATH. Then `BIN=$SITE/bin`.
# Several calls to one warm machine can each carry a share of the wheels: SITE is kept between such calls when it
# is outside the repository (e.g. /tmp/dsite; a folder of the repository is not: each call gets a fresh copy of the
# working tree), and a wheel folder already installed there is skipped (remove SITE/.installed_NAME after adding a
# wheel to it). With tools/gpu_wheels.sh's slim bitsandbytes all four folders fit one call's carry.
# With huggingface_hub 2.x among the wheels, carry truststore too (httpcore2 imports it; the lent image has none).
SITE=$(realpath -m "$1"); shift
mkdir -p "$SITE/bin"
# the interpreter that has torch (on the lent image `python` may be another Python than `python3`)
# (not our own SITE/bin links, which a second `source` finds first on PATH)
PY=$(for c in $(type -ap python python3 | grep -v "^$SITE/bin/"); do "$c" -c 'import torch' 2> /dev/null && { echo "$c"; break; }; done)
PY=${PY:-$(type -ap python3 | grep -v "^$SITE/bin/" | head -n 1)}
for d in "$@"; do
  [ -d "$d" ] || continue
  stamp="$SITE/.installed_$(basename "$d")"
  if [ ! -f "$stamp" ]; then
    "$PY" -m pip install -q --no-index --no-deps --no-compile --no-cache-dir --upgrade --target "$SITE" "$d"/*.whl \
      && touch "$stamp" || echo "!! gpu_env: installing $d failed"
  fi
  if compgen -G "$d/dashscope-*.whl" > /dev/null; then
    CACHE=${GENNX_CACHE_DIR:-$HOME/.cache/gennx_qlora}; mkdir -p "$CACHE/wheels"; cp "$d"/dashscope-*.whl "$CACHE/wheels/"
  fi
done
ROOT=$(realpath "$(dirname "${BASH_SOURCE[0]}")/..")
export PYTHONPATH="$SITE:$ROOT${PYTHONPATH:+:$PYTHONPATH}" PYTHONUNBUFFERED=1 USE_HUB_KERNELS=NO HF_HUB_OFFLINE=1 \
       TOKENIZERS_PARALLELISM=false BIN="$SITE/bin" PATH="$SITE/bin:$PATH"
for n in python python3; do rm -f "$SITE/bin/$n"; printf '#!/bin/sh\nexec "%s" "$@"\n' "$PY" > "$SITE/bin/$n"; chmod +x "$SITE/bin/$n"; done
"$PY" - "$ROOT/pyproject.toml" "$SITE/bin" "$PY" <<'EOF'
import sys, tomllib, os
scripts = tomllib.load(open(sys.argv[1], 'rb'))['project']['scripts']
for name, target in scripts.items():
    mod, fn = target.split(':')
    p = os.path.join(sys.argv[2], name)
    open(p, 'w').write(f'#!/bin/sh\nexec {sys.argv[3]} -c "import sys; sys.argv[0] = {name!r}; from {mod} import {fn}; {fn}()" "$@"\n')
    os.chmod(p, 0o755)
EOF
