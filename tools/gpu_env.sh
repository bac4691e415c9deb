#!/bin/bash
# Source this on a lent GPU machine (no registry there) before any tools/*_gpu.sh script:
#   source tools/gpu_env.sh SITE [WHEEL_DIR ...]
# It installs the carried wheels (pip --no-index --no-deps) into SITE, once per wheel folder, copies a dashscope
# wheel among them into the preset cache ($GENNX_CACHE_DIR/wheels: Qwen2.5's BPE ranks for the qwen2.5-shape presets),
# puts SITE and the repository on PYTHONPATH, and writes SITE/bin/gennx-* wrappers for the console scripts of
# pyproject.toml (the package itself is imported from the checkout, not installed), plus SITE/bin/python, first on
# PATH. Then `BIN=$SITE/bin`.
# Several calls to one warm machine can each carry a share of the wheels: SITE is kept between such calls when it
# is an ignored folder of the repository (e.g. .dsite), and a folder already installed is skipped.
SITE=$(realpath -m "$1"); shift
mkdir -p "$SITE/bin"
for d in "$@"; do
  [ -d "$d" ] || continue
  stamp="$SITE/.installed_$(basename "$d")"
  if [ ! -f "$stamp" ]; then
    python3 -m pip install -q --no-index --no-deps --no-compile --no-cache-dir --upgrade --target "$SITE" "$d"/*.whl \
      && touch "$stamp" || echo "!! gpu_env: installing $d failed"
  fi
  if compgen -G "$d/dashscope-*.whl" > /dev/null; then
    CACHE=${GENNX_CACHE_DIR:-$HOME/.cache/gennx_qlora}; mkdir -p "$CACHE/wheels"; cp "$d"/dashscope-*.whl "$CACHE/wheels/"
  fi
done
ROOT=$(realpath "$(dirname "${BASH_SOURCE[0]}")/..")
export PYTHONPATH="$SITE:$ROOT${PYTHONPATH:+:$PYTHONPATH}" PYTHONUNBUFFERED=1 USE_HUB_KERNELS=NO HF_HUB_OFFLINE=1 \
       TOKENIZERS_PARALLELISM=false BIN="$SITE/bin" PATH="$SITE/bin:$PATH"
ln -sf "$(command -v python3)" "$SITE/bin/python"
python3 - "$ROOT/pyproject.toml" "$SITE/bin" <<'EOF'
import sys, tomllib, os
scripts = tomllib.load(open(sys.argv[1], 'rb'))['project']['scripts']
for name, target in scripts.items():
    mod, fn = target.split(':')
    p = os.path.join(sys.argv[2], name)
    open(p, 'w').write(f'#!/bin/sh\nexec python3 -c "import sys; sys.argv[0] = {name!r}; from {mod} import {fn}; {fn}()" "$@"\n')
    os.chmod(p, 0o755)
EOF
