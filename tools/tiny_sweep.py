"""Sweep of the tiny preset's training settings: which one makes a random tiny Qwen2 learn the synthetic
GEN NX calls fastest. One variant per process: `python tools/tiny_sweep.py NAME OUT`; `python tools/tiny_sweep.py all OUT`
runs every variant in parallel (on a GPU) and prints a table."""
import json, sys, time
from pathlib import Path

S = dict(vocab=3072, alpha=8, r=16, lr=5e-3, steps=200, bs=16, max_call=160, n=10000, init=0.1)
H256 = dict(hidden_size=256, intermediate_size=768)
VARIANTS = {
    'i1_1M':       dict(S),
    'i2_1M':       dict(S, init=0.2),
    'i3_1M':       dict(S, init=0.3),
    'i2_2M':       dict(S, init=0.2, steps=400),
    'i2_a4_2M':    dict(S, init=0.2, steps=400, alpha=4),
    'i2_lr3_2M':   dict(S, init=0.2, steps=400, lr=3e-3),
    'h256_i1_1M':  dict(S, size=H256),
    'h256_i2_1M':  dict(S, size=H256, init=0.2),
    'i2_2M_all':   dict(S, init=0.2, steps=400, max_call=None),
}

def one(name, out):
    v = {**VARIANTS[name]}
    v.update(json.loads(sys.argv[3]) if len(sys.argv) > 3 else {})
    from gennx_qlora.toolcalls import load_tools
    from gennx_qlora.synth import generate_records
    from gennx_qlora.presets import build_tiny, render_chat, train_tokenizer
    from gennx_qlora.tiny_base import tiny_corpus
    from gennx_qlora.records import write_jsonl
    from gennx_qlora.config import GennxConfig
    from gennx_qlora.train import train
    from gennx_qlora.evaluate import evaluate
    out = Path(out)/name; out.mkdir(parents=True, exist_ok=True)
    tools = load_tools('data/samples/gennx_tool_schemas_tier1.json')
    N = v.get('n', 2000)
    syn = generate_records(tools, 3 * N if v.get('max_call') else N, seed=0, mix=v.get('mix', 'single=1'), n_distractors=tuple(v.get('nd', (0, 0))), p_full_catalogue=0)
    if v.get('max_call'):
        syn = [r for r in syn if len(json.dumps(r['messages'][2]['tool_calls'], ensure_ascii=False)) <= v['max_call']][:N]
        print('simple records', len(syn))
    tok = train_tokenizer(tiny_corpus(extra_texts=[render_chat(r['messages'], r['tools']) for r in syn]), vocab_size=v['vocab'])
    shape = {**v.get('size', {}), **({'initializer_range': v['init']} if v.get('init') else {})}   # the shape is the builder's parameter
    model = build_tiny(out/'tiny', seed=0, shape=shape, tokenizer=tok)
    d = out/'data'
    nt = len(syn) - 400
    write_jsonl(syn[:nt], d/'train.jsonl'); write_jsonl(syn[nt:nt+200], d/'eval.jsonl'); write_jsonl(syn[nt+200:], d/'test.jsonl')
    cfg = GennxConfig.tiny(**{'training.report_to': 'none', 'lora.r': v['r'], 'lora.lora_alpha': v['alpha'], 'training.learning_rate': v['lr'],
                               'training.max_steps': v['steps'], 'training.per_device_train_batch_size': v['bs'],
                               'model.max_seq_length': 2048, **v.get('extra', {})})
    t0 = time.time()
    s = train(cfg, d, out/'ck', model, logs_dir=out/'logs', progress=False, verbose=False, overwrite=True)
    tt = time.time() - t0
    r = evaluate(out/'ck'/'final_adapter', str(model), d/'test.jsonl', None, out/'eval.json', limit=100, batch_size=50,
                 max_new_tokens=160, progress=False)
    m = r['metrics']
    res = dict(name=name, **v, train_s=round(tt), tokens_seen=s.get('tokens_seen'), tok_s=round(s['tokens_per_s'] or 0), eval_curve=s.get('eval_curve'),
               loss_last=s['loss_curve'][-1][1], **{k: m.get(k) for k in ('json_validity_rate', 'tool_name_accuracy', 'parameter_accuracy', 'argument_f1')})
    res.update(per_tool={t: round(x.get('name_accuracy') or 0, 2) for t, x in r['per_tool'].items()},
               errors=r['error_kinds'], samples=[(t.get('text'), t.get('error_kind')) for t in r['turns'][:8]])
    (out/'result.json').write_text(json.dumps(res, default=str))
    print(json.dumps(res, default=str))

if __name__ == '__main__':
    from parallel_runs import run_parallel
    name, out = sys.argv[1], sys.argv[2]
    if name != 'all': one(name, out); sys.exit()
    res = run_parallel(__file__, out, sys.argv[3].split(',') if len(sys.argv) > 3 else list(VARIANTS))
    for n, r in res.items():
        if r: Path(out, f'{n}_result.json').write_text(r)
