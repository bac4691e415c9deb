"""The issue-18 latency rows one by one, each printed as it finishes (a call cut short by the device's limit keeps what it
measured): Qwen2.5-1.5B shape in bf16, 512-token prompt (~400 shared), 64 new tokens, batch 1; fused vs the model; then
the 500-turn run through `Engine.predict`.  [MODES=max-autotune-no-cudagraphs] python tools/latency_quick.py OUT [REPEATS] [TURNS]
(Q4=1: the NF4 base through the engine, with and without constraints; MODES: more rows, the fused layer compiled in those torch.compile modes; FUSED_ONLY=1: only the fused engine's rows)"""
import json, os, sys, time
from pathlib import Path
import torch
from transformers import AutoTokenizer
from gennx_qlora.config import GennxConfig, schemas_path
from gennx_qlora.engine import (Engine, bench_prompts, bench_tools, engine_call, eval_wall, fused_check, plain_call,
                                time_calls)
from gennx_qlora.constrain import ToolGrammars
from gennx_qlora.models import load_model, resolve_model_dir
from gennx_qlora.toolcalls import load_tools

out = Path(sys.argv[1]); out.mkdir(parents=True, exist_ok=True)
reps, turns = (int(sys.argv[2]) if len(sys.argv) > 2 else 10), (int(sys.argv[3]) if len(sys.argv) > 3 else 500)
log = open(out/'latency_quick.jsonl', 'a')
def emit(**r):
    print(json.dumps(r), flush=True); log.write(json.dumps(r) + '\n'); log.flush()
path = resolve_model_dir('qwen2.5-shape')
tok, cat = AutoTokenizer.from_pretrained(path), load_tools(schemas_path()).tools
tools, pre = bench_tools(tok, cat, 400)
prompts = bench_prompts(tok, tools, 3 + reps, 512)
q4 = bool(os.environ.get('Q4'))   # Q4=1: the base in NF4 (the engine's transformers decoding; the fused one is bf16 only)
m = load_model(path, GennxConfig(), quantize=q4, dtype='bfloat16').eval()
emit(device=torch.cuda.get_device_name(), torch=torch.__version__, prompt_tokens=len(prompts[0]), prefix=len(pre))
t = time.perf_counter()
if not q4:
  try: emit(way='fused_check', **fused_check(m, tok, prompts[0], 64), s=round(time.perf_counter() - t, 1))
  except Exception as e: emit(way='fused_check', error=f'{type(e).__name__}: {str(e)[:600]}')
g = ToolGrammars(tok, m.config.vocab_size)
bf16_ways = [('engine, fused', lambda: engine_call(Engine(m, tok, fused=True), 64)),
             ('engine, fused + constraints', lambda: engine_call(Engine(m, tok, g, fused=True), 64, tools)),
             ('engine, fused, no prefix reuse', lambda: engine_call(Engine(m, tok, reuse_prefix=False, fused=True), 64)),
             ('generate, cache_implementation="static"', lambda: plain_call(m, tok, 64, cache_implementation='static')),
             ('engine, transformers decoding', lambda: engine_call(Engine(m, tok, fused=False), 64))]
def with_mode(mode):   # the fused layer compiled in another torch.compile mode (read when the decoder is made)
    def mk():
        os.environ['GENNX_FUSED_COMPILE_MODE'] = mode
        try: return engine_call(Engine(m, tok, fused=True), 64)
        finally: os.environ.pop('GENNX_FUSED_COMPILE_MODE')
    return mk
bf16_ways += [(f'engine, fused, compile mode={mode}', with_mode(mode)) for mode in os.environ.get('MODES', '').split(',') if mode]
ways = bf16_ways if not q4 else [   # NF4: the engine on transformers' decoding (the fused decoder is bf16 only)
    ('engine, NF4, transformers decoding', lambda: engine_call(Engine(m, tok, fused=False), 64)),
    ('engine, NF4, transformers decoding + constraints', lambda: engine_call(Engine(m, tok, g, fused=False), 64, tools))]
if os.environ.get('FUSED_ONLY'): ways = [w for w in ways if w[0].startswith('engine, fused')]   # a short device call
for name, mk in ways:
    t = time.perf_counter()
    try: emit(way=name, **time_calls(mk(), prompts, 3, reps, 'cuda'), wall_s=round(time.perf_counter() - t, 1))
    except Exception as e: emit(way=name, error=f'{type(e).__name__}: {str(e)[:600]}')
for gr in ((None, g) if turns else ()):   # TURNS 0: no many-turns run
    try: emit(way='eval_wall', **eval_wall(m, tok, cat, turns, 16, 64, gr))
    except Exception as e: emit(way='eval_wall', error=f'{type(e).__name__}: {str(e)[:600]}')
