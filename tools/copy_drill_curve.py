"""How many copy-drill steps (`tiny_base.copy_batch`) until a tiny base's induction heads form? Trains a fresh tiny
Qwen2 on drills only and prints, every EVERY steps, the drill loss and `induction_score`-style accuracy (the second
reading of a random 30-token run of the whole vocabulary). Loss sits at log(alphabet) until the heads form, then drops.

  python tools/copy_drill_curve.py OUT_DIR [STEPS] [BATCH] [SHAPE_JSON] [LR]     (a GPU: ~1 min per 5,000 steps of 256)"""
import json, sys, time
import torch
from transformers import AutoModelForCausalLM, AutoTokenizer
from gennx_qlora.config import tiny_base_dir
from gennx_qlora.presets import build_tiny
from gennx_qlora.tiny_base import TINY_BASE_SHAPE, copy_batch, plain_ids

def main(out, steps=10000, batch=256, shape='{}', lr=3e-3, every=250, max_len=96):
    dev = 'cuda' if torch.cuda.is_available() else 'cpu'
    tok = AutoTokenizer.from_pretrained(tiny_base_dir())
    d = build_tiny(out, seed=0, shape={**TINY_BASE_SHAPE, **json.loads(shape)}, tokenizer=tok)
    m = AutoModelForCausalLM.from_pretrained(d, dtype=torch.float32).to(dev).train()
    pool, g = plain_ids(tok), torch.Generator().manual_seed(0)
    probe = pool[torch.randint(len(pool), (16, 30), generator=torch.Generator().manual_seed(1))].to(dev)
    opt = torch.optim.AdamW(m.parameters(), lr=lr, weight_decay=0.0, betas=(0.9, 0.98)); t0 = time.time()
    for s in range(steps):
        for pg in opt.param_groups: pg['lr'] = lr * min(1, (s + 1) / 100)
        x, y = copy_batch(g, batch, pool, max_len)
        with torch.autocast(dev, dtype=torch.bfloat16, enabled=dev == 'cuda'):
            loss = m(input_ids=x.to(dev), labels=y.to(dev)).loss
        loss.backward(); torch.nn.utils.clip_grad_norm_(m.parameters(), 1.0); opt.step(); opt.zero_grad()
        if s % every == 0 or s == steps - 1:
            m.eval()
            with torch.no_grad(): acc = (m(torch.cat([probe, probe], 1)).logits[:, 30:-1].argmax(-1) == probe[:, 1:]).float().mean()
            m.train()
            print(json.dumps(dict(step=s, loss=round(loss.item(), 3), induction=round(acc.item(), 3), s=round(time.time() - t0))), flush=True)

if __name__ == '__main__':
    a = sys.argv[1:]
    main(a[0], *[f(v) for f, v in zip((int, int, str, float), a[1:])])
