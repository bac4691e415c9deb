"""Which tiny base and demo settings let `make demo` learn the skill (3-5 tools offered, no-call turns, unseen
phrasing)? Run on a GPU; every stage is the package's own code, so a run here predicts the CPU demo step for step.

  python tools/demo_sweep.py bases OUT [name,...]   pretrain tiny bases on the generic corpus (11_tiny_base), in parallel
  python tools/demo_sweep.py data OUT               the demo's synth + prepare once (99_demo), with the first base's tokenizer
  python tools/demo_sweep.py runs OUT [name,...]    train + evaluate each variant on that data, in parallel

Each variant leaves OUT/NAME/result.json and prints one JSON line; bases land in OUT/bases/NAME (ship the chosen one
to data/tiny_base with its pretrain_info.json)."""
import json, os, shutil, sys, time
from pathlib import Path

SHAPE_192 = dict(hidden_size=192, intermediate_size=576, num_hidden_layers=4, num_attention_heads=6,
                 num_key_value_heads=2, initializer_range=0.02)
SHAPE_160 = dict(hidden_size=160, intermediate_size=480, num_hidden_layers=4, num_attention_heads=5,
                 num_key_value_heads=1, initializer_range=0.02)
# the phases of the CPU-built copy-first base (11_tiny_base's table): text -> JSON 4,000 steps of 32, chats 1,500 of 16
JSON4K_C1K5 = [dict(steps=2000, batch_size=32, lr=2e-3, p_tool=0.0, max_len=512, corpus_seed=3),
               dict(steps=2000, batch_size=32, lr=1e-3, p_tool=0.0, max_len=512, corpus_seed=4),
               dict(steps=1500, batch_size=16, lr=2e-3, corpus_seed=1)]
BASES = {  # pretraining recipes (overrides of TINY_BASE_RECIPE) and shapes (overrides of TINY_SHAPE)
    'b128': dict(),
    'b128_long': dict(steps=8000),
    'b192': dict(shape=SHAPE_192),
    'b160': dict(shape=SHAPE_160),
    'b128_3k': dict(steps=3000),
    'b160_3k': dict(shape=SHAPE_160, steps=3000),
    'b192_3k': dict(shape=SHAPE_192, steps=3000),
    # the loss on the assistant's replies only (`loss_on`), and longer: does the base learn to copy from its context?
    'b160_all3k': dict(shape=SHAPE_160, steps=3000, loss_on='all'),
    'b160_a3k': dict(shape=SHAPE_160, steps=3000, loss_on='assistant'),
    'b160_a6k': dict(shape=SHAPE_160, steps=6000, loss_on='assistant'),
    'b160_all6k': dict(shape=SHAPE_160, steps=6000, loss_on='all'),
    'b192_a6k': dict(shape=SHAPE_192, steps=6000, loss_on='assistant'),
    'b160_a5k': dict(shape=SHAPE_160, steps=5000, loss_on='assistant'),
    'b160_all5k': dict(shape=SHAPE_160, steps=5000, loss_on='all'),
    'b192_a5k': dict(shape=SHAPE_192, steps=5000, loss_on='assistant'),
    'b160_a4k': dict(shape=SHAPE_160, steps=4000, loss_on='assistant'),
    'b160_all4k': dict(shape=SHAPE_160, steps=4000, loss_on='all'),
    # four times the tokens in about the same GPU time (a 1.7 M model is launch-bound): batch 64 on a corpus twice as big
    'b160_a3k_b64': dict(shape=SHAPE_160, steps=3000, batch_size=64, n_texts=80000, loss_on='assistant'),
    'b160_all3k_b64': dict(shape=SHAPE_160, steps=3000, batch_size=64, n_texts=80000, loss_on='all'),
    # copy drills first (`copy_drills`): the shipped base has no induction heads (induction_score 0), so it cannot copy.
    # On 2 CPU cores the drills formed them in the 5-KV-head shape at lr 1e-3 by step ~2,000 (induction 0.99); the
    # 1-KV-head shape at lr 3e-3 was still flat at 3,000 (tools/copy_drill_curve.py)
    'b160kv5_d2k5': dict(shape={**SHAPE_160, 'num_key_value_heads': 5}, steps=3000, copy_steps=2500),
    'b160kv5_d4k': dict(shape={**SHAPE_160, 'num_key_value_heads': 5}, steps=3000, copy_steps=4000),
    'b160kv5_d2k5_a': dict(shape={**SHAPE_160, 'num_key_value_heads': 5}, steps=3000, copy_steps=2500, loss_on='assistant'),
    'b160_d4k': dict(shape=SHAPE_160, steps=3000, copy_steps=4000),
    # ... but 1,000 steps of chats after the drills wiped the heads (induction 0.977 -> 0.007, CPU): drills mixed into the chats
    'b160kv5_d2k5_m4': dict(shape={**SHAPE_160, 'num_key_value_heads': 5}, steps=3000, copy_steps=2500, copy_mix=4),
    'b160kv5_d2k5_m1': dict(shape={**SHAPE_160, 'num_key_value_heads': 5}, steps=3000, copy_steps=2500, copy_mix=1),
    'b160kv5_m2': dict(shape={**SHAPE_160, 'num_key_value_heads': 5}, steps=3000, copy_mix=2),
    'b160kv5_d2k5_m1_1k5': dict(shape={**SHAPE_160, 'num_key_value_heads': 5}, steps=1500, copy_steps=2500, copy_mix=1),
    # ... heads repeat a run (induction 0.80 at 100 tokens) but the demo still copies no value into a slot: points
    # written as bare tuples teach the k-th number -> k-th key pointer (`tiny_base.POINT_FIELDS`)
    'b160_pt': dict(shape=SHAPE_160, steps=3000, point_fields=True),
    'b160kv5_d2k5_m1_pt': dict(shape={**SHAPE_160, 'num_key_value_heads': 5}, steps=3000, copy_steps=2500, copy_mix=1,
                               point_fields=True),
    # ... none of these bases can even repeat a JSON it is given (tiny_base.copy_probe: shipped 0.033). Text -> JSON
    # alone, long enough, teaches it (CPU: 0.167 after 2,000 steps of 32, 0.567 after 4,000), and 1,500 steps of chats
    # after that keep it (0.533) and give the demo its first exact calls on value tools, but worse tool names than the
    # shipped base's 3,000 chat steps: copying first, then the full 3,000 (and a longer variant)
    'b160kv5_json4k_c1k5': dict(shape={**SHAPE_160, 'num_key_value_heads': 5}, phases=JSON4K_C1K5),  # 11_tiny_base's
    'b160kv5_json4k_c3k': dict(shape={**SHAPE_160, 'num_key_value_heads': 5}, phases=[
        dict(steps=4000, batch_size=32, lr=2e-3, p_tool=0.0, max_len=512, corpus_seed=3),
        dict(steps=3000, batch_size=16, lr=2e-3, corpus_seed=1)]),
    'b160kv5_json8k_c6k': dict(shape={**SHAPE_160, 'num_key_value_heads': 5}, phases=[
        dict(steps=8000, batch_size=32, lr=2e-3, p_tool=0.0, max_len=512, corpus_seed=3),
        dict(steps=6000, batch_size=16, lr=2e-3, corpus_seed=1)]),
    # ... on the CPU (2026-12-08), each 1,500 more chat steps at lr 1e-3 on a fresh corpus seed raised the names it picks
    # from context (context_probe 0.025 -> 0.20 -> 0.25) and kept its copying (0.533 -> 0.533 -> 0.567): 11_tiny_base
    'b160kv5_json4k_c4k5': dict(shape={**SHAPE_160, 'num_key_value_heads': 5}, phases=[*JSON4K_C1K5,
        dict(steps=1500, batch_size=16, lr=1e-3, corpus_seed=2),
        dict(steps=1500, batch_size=16, lr=1e-3, corpus_seed=6)]),
}
RUNS = {  # base, then overrides of the demo's config (demo_config: the tiny preset)
    'b128_s150': ('b128', {'training.max_steps': 150}),
    'b128_s300': ('b128', {'training.max_steps': 300}),
    'b128_s300_nomts': ('b128', {'training.max_steps': 300, 'lora.modules_to_save': None}),
    'b128_s150_lr1e-2': ('b128', {'training.max_steps': 150, 'training.learning_rate': 1e-2}),
    'b128_long_s150': ('b128_long', {'training.max_steps': 150}),
    'b128_long_s300': ('b128_long', {'training.max_steps': 300}),
    'b192_s150': ('b192', {'training.max_steps': 150}),
    'b192_s300': ('b192', {'training.max_steps': 300}),
    'b192_s300_lr1e-2': ('b192', {'training.max_steps': 300, 'training.learning_rate': 1e-2}),
    'b160_s300': ('b160', {'training.max_steps': 300}),
    'b128_s300_lr1e-2': ('b128', {'training.max_steps': 300, 'training.learning_rate': 1e-2}),
    'b128_s600': ('b128', {'training.max_steps': 600}),
    'b160_s450': ('b160', {'training.max_steps': 450}),
    'b192_s300_bs8': ('b192', {'training.max_steps': 300, 'training.per_device_train_batch_size': 8}),
    'b192_s600_bs8': ('b192', {'training.max_steps': 600, 'training.per_device_train_batch_size': 8}),
    'b128_3k_s300': ('b128_3k', {'training.max_steps': 300}),
    'b160_3k_s300': ('b160_3k', {'training.max_steps': 300}),
    'b160_3k_s300_bs8': ('b160_3k', {'training.max_steps': 300, 'training.per_device_train_batch_size': 8}),
    'b192_3k_s300': ('b192_3k', {'training.max_steps': 300}),
    'b192_3k_s300_bs8': ('b192_3k', {'training.max_steps': 300, 'training.per_device_train_batch_size': 8}),
    'b160_3k_s300_lr1e-2': ('b160_3k', {'training.max_steps': 300, 'training.learning_rate': 1e-2}),
    'b160_3k_s300_lr2e-3': ('b160_3k', {'training.max_steps': 300, 'training.learning_rate': 2e-3}),
    'b160_3k_s300_r32': ('b160_3k', {'training.max_steps': 300, 'lora.r': 32, 'lora.lora_alpha': 16}),
    'b160_3k_s450': ('b160_3k', {'training.max_steps': 450}),
    'b192_3k_s300_lr1e-2': ('b192_3k', {'training.max_steps': 300, 'training.learning_rate': 1e-2}),
    'b192_3k_s450': ('b192_3k', {'training.max_steps': 450}),
    'b160_3k_s900': ('b160_3k', {'training.max_steps': 900}),
    'b192_3k_s900': ('b192_3k', {'training.max_steps': 900}),
    'b160_3k_s600_lr1e-2': ('b160_3k', {'training.max_steps': 600, 'training.learning_rate': 1e-2}),
    **{f'{b}_s300': (b, {'training.max_steps': 300}) for b in ('b160_all3k', 'b160_a3k', 'b160_a6k', 'b160_all6k', 'b192_a6k',
                                                                'b160_a5k', 'b160_all5k', 'b192_a5k', 'b160_a4k', 'b160_all4k',
                                                                'b160_a3k_b64', 'b160_all3k_b64', 'b160kv5_d2k5', 'b160kv5_d4k',
                                                                'b160kv5_d2k5_a', 'b160_d4k', 'b160kv5_d2k5_m4',
                                                                'b160kv5_d2k5_m1', 'b160kv5_m2', 'b160kv5_d2k5_m1_1k5',
                                                                'b160_pt', 'b160kv5_d2k5_m1_pt')},
    # the shipped base (data/tiny_base, copied to OUT/bases/shipped) on the same data: the control row of a GPU sweep
    'shipped_s300': ('shipped', {'training.max_steps': 300}),
    **{f'{b}_s150': (b, {'training.max_steps': 150}) for b in ('b160_a3k', 'b160_a6k', 'b192_a6k')},
}
N_RECORDS, EVAL_LIMIT = 4000, 200
if os.environ.get('SWEEP_SMOKE'):  # the whole pipeline in a minute on a CPU, to check the script before a GPU run
    BASES = {k: {**v, 'steps': 4, 'n_texts': 100, 'batch_size': 4, 'copy_steps': min(v.get('copy_steps', 0), 3)} for k, v in BASES.items()}
    RUNS = {k: (b, {**o, 'training.max_steps': 2}) for k, (b, o) in RUNS.items()}
    N_RECORDS, EVAL_LIMIT = 150, 4

def base(name, out):
    "Build base `name` with the package's own `build_tiny_base` (its recipe: `BASES[name]`), add the context probe"
    from gennx_qlora.tiny_base import build_tiny_base, context_probe
    d = build_tiny_base(Path(out)/'bases'/name, progress=False, **{'shape': None, 'phases': (), **BASES[name]})   # None: TINY_SHAPE; one phase unless given
    info = json.loads((d/'pretrain_info.json').read_text())
    info['probe'] = context_probe(d)
    (d/'pretrain_info.json').write_text(json.dumps(info, indent=1))
    (Path(out)/name).mkdir(exist_ok=True)
    (Path(out)/name/'result.json').write_text(json.dumps(dict(name=name, **info)))
    untrained(name, d, out)

def _eval(root, model, base_dir=None, output=None):
    from gennx_qlora.config import GennxConfig, schemas_path
    from gennx_qlora.evaluate import evaluate
    from gennx_qlora.demo import DEMO_EVAL, _brief
    res = evaluate(str(model), base_model=base_dir and str(base_dir), test_data=Path(root)/'data/processed/test.jsonl',
                   tools_schema=schemas_path(), output=output, limit=EVAL_LIMIT, max_new_tokens=DEMO_EVAL['max_new_tokens'],
                   batch_size=32, cfg=GennxConfig.tiny(), progress=False)
    return res, _brief(res)

def untrained(name, d, out):
    "The base's score before any GEN NX training, on the shared test split (when `data` ran first)"
    data = Path(out)/'data'
    if not (data/'data/processed/test.jsonl').exists(): return
    res, brief = _eval(data, d, output=Path(out)/name/'untrained_results.json')
    (Path(out)/name/'untrained.json').write_text(json.dumps(dict(brief=brief, by_behaviour=res.get('by_behaviour'))))

def data(out):
    from gennx_qlora.config import PATHS
    from gennx_qlora.demo import run_demo
    root = Path(out)/'data'; root.mkdir(parents=True, exist_ok=True)
    tok_src = next((Path(out)/'bases').iterdir())
    shutil.copytree(tok_src, root/'models/base/tiny', dirs_exist_ok=True)
    run_demo(root, n=N_RECORDS, stages=('synth', 'prepare'))
    print(json.dumps(json.loads((root/PATHS.processed/'prepare_summary.json').read_text())['split']))

def run(name, out):
    from gennx_qlora.config import override_config
    from gennx_qlora.demo import demo_config
    from gennx_qlora.train import train
    b, ov = RUNS[name]
    root = Path(out)/name; root.mkdir(parents=True, exist_ok=True)
    shutil.copytree(Path(out)/'data/data', root/'data', dirs_exist_ok=True)
    base_dir = Path(out)/'bases'/b
    cfg = override_config(demo_config(0), ov)
    t = time.time()
    tr = train(cfg, root/'data/processed', root/'ckpt', model_path=base_dir, logs_dir=root/'logs', progress=False, verbose=False,
               overwrite=True)
    train_s = round(time.time() - t, 1)
    res, brief = _eval(root, root/'ckpt/final_adapter', base_dir, root/'eval_results.json')
    by_tool = {t: (v['gold_calls'], v['name_accuracy'], v['parameter_accuracy']) for t, v in (res.get('per_tool') or {}).items()}
    out_ = dict(name=name, base=b, overrides=ov, train_s=train_s, train=dict((k, tr.get(k)) for k in ('tokens_seen', 'tokens_per_s', 'train_loss', 'global_step')),
                trained=brief, by_behaviour=res.get('by_behaviour'), by_tool=by_tool, errors=res.get('error_kinds'))
    (root/'result.json').write_text(json.dumps(out_, default=str))
    for p in ('ckpt', 'data'): shutil.rmtree(root/p, ignore_errors=True)

if __name__ == '__main__':
    sys.path.insert(0, str(Path(__file__).parent))
    from parallel_runs import run_parallel
    what, out = sys.argv[1], sys.argv[2]
    names = sys.argv[3].split(',') if len(sys.argv) > 3 else None
    if what == 'data': data(out)
    elif what in BASES: base(what, out)
    elif what in RUNS: run(what, out)
    elif what == 'bases': run_parallel(__file__, out, names or list(BASES))
    elif what == 'untrained':
        for n in names or list(BASES): untrained(n, Path(out)/'bases'/n, out)
    elif what == 'runs': run_parallel(__file__, out, names or list(RUNS))
    else: sys.exit(f'unknown: {what}')
