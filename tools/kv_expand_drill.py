"""Can the shipped tiny base (1 KV head, pretrained on chats) be given induction heads without pretraining again?
Copies it to OUT, gives it N_KV key/value heads by repeating its one (the same function: logits checked equal),
drills it with `copy_drills` and prints the curve and `induction_score` / `context_probe` after.

  python tools/kv_expand_drill.py OUT [N_KV] [STEPS] [LR]"""
import json, shutil, sys
import torch
from transformers import AutoModelForCausalLM
from gennx_qlora.config import tiny_base_dir
from gennx_qlora.tiny_base import context_probe, copy_drills, induction_score

def widen_kv(d, n_kv):
    m = AutoModelForCausalLM.from_pretrained(d, dtype=torch.float32)
    old, hd = m.config.num_key_value_heads, m.config.hidden_size // m.config.num_attention_heads
    x = torch.randint(100, 1000, (2, 40))
    with torch.no_grad(): before = m(x).logits
    sd = m.state_dict()
    for k in list(sd):
        if any(f'{p}_proj' in k for p in 'kv'):   # heads are the leading hd-row blocks; each old head serves n_kv // old new ones
            sd[k] = sd[k].reshape(old, hd, *sd[k].shape[1:]).repeat_interleave(n_kv // old, 0).reshape(n_kv * hd, *sd[k].shape[1:])
    m.config.num_key_value_heads = n_kv
    w = AutoModelForCausalLM.from_config(m.config, dtype=torch.float32); w.load_state_dict(sd)
    with torch.no_grad(): diff = (w(x).logits - before).abs().max().item()
    print(json.dumps(dict(widened=n_kv, max_logit_diff=diff)), flush=True)
    w.to(torch.bfloat16).save_pretrained(d)

if __name__ == '__main__':
    out, n_kv = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 5
    steps, lr = (int(sys.argv[3]) if len(sys.argv) > 3 else 2500), (float(sys.argv[4]) if len(sys.argv) > 4 else 1e-3)
    shutil.copytree(tiny_base_dir(), out, dirs_exist_ok=True)
    print(json.dumps(dict(before=induction_score(out))), flush=True)
    widen_kv(out, n_kv)
    r = copy_drills(out, steps, lr=lr, progress=False)
    for s, loss, ind in r['curve']: print(json.dumps(dict(step=s, loss=loss, induction=ind)))
    print(json.dumps(dict(seconds=r['seconds'], induction=induction_score(out), probe=context_probe(out))))
