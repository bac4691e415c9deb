"""How many copy-drill steps (`tiny_base.copy_drills`) until a tiny base's induction heads form? Trains a fresh tiny
Qwen2 on drills only and prints the curve `copy_drills` records every EVERY steps: the drill loss and the induction
accuracy (second reading of a random 30-token run of the whole vocabulary). Loss sits at log(alphabet) until the heads
form, then drops.

  python tools/copy_drill_curve.py OUT_DIR [STEPS] [BATCH] [SHAPE_JSON] [LR] [EVERY]   (2 CPU cores: ~1,000 s per 3,000 steps of 64)"""
import json, sys
from transformers import AutoTokenizer
from gennx_qlora.config import tiny_base_dir
from gennx_qlora.presets import build_tiny
from gennx_qlora.tiny_base import TINY_BASE_SHAPE, copy_drills

def main(out, steps=3000, batch=64, shape='{}', lr=1e-3, every=250):
    d = build_tiny(out, seed=0, shape={**TINY_BASE_SHAPE, **json.loads(shape)}, tokenizer=AutoTokenizer.from_pretrained(tiny_base_dir()))
    r = copy_drills(d, steps, batch, lr, every=every)
    for s, loss, ind in r['curve']: print(json.dumps(dict(step=s, loss=loss, induction=ind)))
    print(json.dumps({k: v for k, v in r.items() if k != 'curve'}))

if __name__ == '__main__':
    a = sys.argv[1:]
    main(a[0], *[f(v) for f, v in zip((int, int, str, float, int), a[1:])])
