"""The engine on this machine's accelerator, quickly: greedy answers of the tiny base through `Engine` (static cache and
compiled decoding on CUDA; prefix reuse; constrained) must equal plain `model.generate`'s, token for token.
Prints one line per check and exits 1 on a mismatch. Usage: python tools/engine_smoke.py"""
import sys, time
import torch
from transformers import AutoModelForCausalLM, AutoTokenizer
from gennx_qlora.config import schemas_path, tiny_base_dir
from gennx_qlora.constrain import ToolGrammars
from gennx_qlora.engine import Engine
from gennx_qlora.models import render_prompt, stop_ids
from gennx_qlora.toolcalls import load_tools, parse_tool_calls

dev = 'cuda' if torch.cuda.is_available() else 'cpu'
tok = AutoTokenizer.from_pretrained(tiny_base_dir())
model = AutoModelForCausalLM.from_pretrained(tiny_base_dir(), dtype=torch.float32).to(dev).eval()
tools = load_tools(schemas_path()).subset(['create_nodes', 'get_nodes', 'save_project'])
sys_ = {'role': 'system', 'content': 'You are a MIDAS GEN NX assistant.'}
asks = ['절점 1번을 원점에 추가해줘', 'Add node 7 at (3, 0, 2)', '모든 절점을 보여줘', '프로젝트를 저장해줘']
prompts = [render_prompt(tok, [sys_, {'role': 'user', 'content': a}], tools) for a in asks]

def plain(p, n=32):
    enc = tok([p], return_tensors='pt', add_special_tokens=False).to(dev)
    out = model.generate(**enc, max_new_tokens=n, do_sample=False, eos_token_id=stop_ids(tok), pad_token_id=tok.pad_token_id)
    return tok.decode(out[0, enc['input_ids'].shape[1]:], skip_special_tokens=True)

def timed(f):
    t = time.perf_counter(); r = f(); torch.cuda.synchronize() if dev == 'cuda' else None
    return r, (time.perf_counter() - t) * 1000

ok = True
ref = [plain(p) for p in prompts]
E = Engine(model, tok)
print(f'device {dev}, engine cache {E.kind}')
for name, eng in (('engine', E), ('engine, no prefix reuse', Engine(model, tok, reuse_prefix=False))):
    got = [eng.answer([p], 32)[0][0]['text'] for p in prompts]
    same = [g.strip() == r.strip() for g, r in zip(got, ref)]
    ok &= all(same); print(f'{name}: {sum(same)}/{len(same)} equal to plain generate')
    if not all(same): print('   plain :', ref[same.index(False)][:120], '\n   engine:', got[same.index(False)][:120])
batch = [r['text'] for r in E.answer(prompts, 32)[0]]
same = [g.strip() == r.strip() for g, r in zip(batch, ref)]
ok &= all(same); print(f'engine, batch of {len(prompts)}: {sum(same)}/{len(same)} equal')
C = Engine(model, tok, ToolGrammars(tok, model.config.vocab_size))
calls = [parse_tool_calls(r['text']).calls for r in C.answer(prompts, 96, [tools] * len(prompts))[0]]
print('constrained calls:', [[c.name for c in cs] for cs in calls])
for name, f in (('plain generate', lambda: plain(prompts[1])), ('engine', lambda: E.answer([prompts[1]], 32))):
    f(); ms = sorted(timed(f)[1] for _ in range(5))[2]
    print(f'{name}: p50 {ms:.1f} ms for 32 tokens (tiny base, {dev})')
sys.exit(0 if ok else 1)
