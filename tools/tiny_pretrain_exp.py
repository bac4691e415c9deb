"""Which tiny base lets the demo's QLoRA reach the evaluation bar? Each variant: the demo's download/synth/prepare
stages, then (optionally) pretraining the tiny model on `gennx_qlora.tiny_base.generic_corpus`, then the demo's
train + evaluate stages. `python tools/tiny_pretrain_exp.py all OUT [name,name]` runs variants in parallel (on a GPU)
and prints one JSON line each; the table in 11_tiny_base came from here."""
import json, shutil, sys
from pathlib import Path

VARIANTS = {  # steps: pretraining steps (0 = the random base); p_pick: share of function-picking texts; max_steps: QLoRA steps
    'random_300': dict(steps=0),
    'random_600': dict(steps=0, max_steps=600),
    'json_1k': dict(steps=1000, p_pick=0),
    'json_6k_600': dict(steps=6000, p_pick=0, max_steps=600),
    'pick_3k': dict(steps=3000),
    'pick_6k': dict(steps=6000),
    'pick_6k_600': dict(steps=6000, max_steps=600),
    'pick_6k_h256': dict(steps=6000, lr=1e-3, size=dict(hidden_size=256, intermediate_size=768, initializer_range=0.02)),
    'smoke': dict(steps=20, max_steps=3, eval_limit=8),
}

def one(name, out):
    v = VARIANTS[name]
    from gennx_qlora.presets import build_tiny
    from gennx_qlora.demo import run_demo
    from gennx_qlora.tiny_base import TINY_BASE_RECIPE, generic_corpus, pretrain
    root = Path(out)/name; root.mkdir(parents=True, exist_ok=True)
    shutil.copytree('config', root/'config', dirs_exist_ok=True)
    base = build_tiny(root/'models/base/tiny', seed=0, shape=v.get('size'))  # random weights, the shipped tokenizer; pretrained below or not
    run_demo(root, stages=('synth', 'prepare'))
    r = {**TINY_BASE_RECIPE, 'p_pick': v.get('p_pick', TINY_BASE_RECIPE['p_pick']), 'lr': v.get('lr', TINY_BASE_RECIPE['lr'])}
    info = pretrain(base, generic_corpus(r['n_texts'], r['corpus_seed'], r['p_pick']), v['steps'], lr=r['lr'], progress=False) if v['steps'] else {}
    res = run_demo(root, stages=('train', 'evaluate'), max_steps=v.get('max_steps'), eval_limit=v.get('eval_limit', 100))
    er = json.loads((root/'data/eval/eval_results.json').read_text())
    out = dict(name=name, v=v, pretrain=info, train_s=res['train_s'], evaluate=res['evaluate'], errors=er['error_kinds'])
    (root/'result.json').write_text(json.dumps(out, default=str))
    print('RESULT', json.dumps(out, default=str))

if __name__ == '__main__':
    from parallel_runs import run_parallel
    name, out = sys.argv[1], sys.argv[2]
    if name != 'all': one(name, out); sys.exit()
    run_parallel(__file__, out, sys.argv[3].split(',') if len(sys.argv) > 3 else [n for n in VARIANTS if n != 'smoke'])
