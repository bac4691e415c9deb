"""Where do the milliseconds of one tool call go on a GPU? (issue 18: the engine's p50 was 265 ms for 64 tokens, 4.1 ms a
token, against a ~0.6 ms memory-bound floor). Times, on the same model and 512-token prompt, batch 1, greedy:
  - transformers' own `generate(cache_implementation="static")` (auto-compiled decoding), with perf hints logged
  - a plain decode loop over a `StaticCache`: eager, `torch.compile` (default mode), `torch.compile(mode="reduce-overhead")`
    (CUDA graphs); the loop syncs once a token (`.item()`, as a stop check must)
  - the same loop replaying one decode step captured by hand as a CUDA graph (eager step, compiled step), its tokens
    checked against the eager loop's
PROBE_MODES=reduce-overhead (comma-separated; empty: none) picks the torch.compile rows.
Prints one JSON line per row and writes OUT/decode_probe.json.

  python tools/decode_probe.py OUT [qwen2.5-shape] [bf16|4bit] [NEW_TOKENS]"""
import json, os, sys, time
from pathlib import Path
import torch
from transformers import AutoTokenizer, StaticCache
from gennx_qlora.config import GennxConfig, schemas_path
from gennx_qlora.engine import bench_prompts, bench_tools
from gennx_qlora.models import load_model, resolve_model_dir
from gennx_qlora.toolcalls import load_tools

out, name = Path(sys.argv[1]), (sys.argv[2] if len(sys.argv) > 2 else 'qwen2.5-shape')
prec, new = (sys.argv[3] if len(sys.argv) > 3 else 'bf16'), int(sys.argv[4]) if len(sys.argv) > 4 else 64
out.mkdir(parents=True, exist_ok=True)
path = resolve_model_dir(name)
tok = AutoTokenizer.from_pretrained(path)
tools, _ = bench_tools(tok, load_tools(schemas_path()).tools, 400)
prompts = bench_prompts(tok, tools, 16, 512)
m = load_model(path, GennxConfig(), quantize=prec == '4bit', dtype='bfloat16').eval()
dev = next(m.parameters()).device
rows = []
sync = lambda: torch.cuda.synchronize() if dev.type == 'cuda' else None

def timed(fn, reps=10, warm=3):
    for i in range(warm): fn(prompts[i])
    ms = []
    for i in range(reps):
        sync(); t = time.perf_counter(); fn(prompts[warm + i]); sync()
        ms.append((time.perf_counter() - t) * 1000)
    ms.sort(); return dict(p50_ms=round(ms[len(ms) // 2], 2), min_ms=round(ms[0], 2), max_ms=round(ms[-1], 2))

def row(way, fn, **extra):
    try: r = dict(way=way, **timed(fn), **extra)
    except Exception as e: r = dict(way=way, error=f'{type(e).__name__}: {str(e)[:400]}')
    if 'p50_ms' in r: r['ms_per_token'] = round(r['p50_ms'] / new, 3)
    print(json.dumps(r), flush=True); rows.append(r)

@torch.inference_mode()
def hf_static(ids):
    x = torch.tensor([ids], device=dev)
    m.generate(input_ids=x, attention_mask=torch.ones_like(x), max_new_tokens=new, min_new_tokens=new, do_sample=False,
               cache_implementation='static')

torch._logging.set_logs(perf_hints=True, recompiles=True)
row('generate, cache_implementation="static"', hf_static,
    compile_config=str(getattr(m.generation_config, 'compile_config', None)), can_compile=getattr(m, '_can_compile_fullgraph', None))
torch._logging.set_logs()

cache = StaticCache(config=m.config, max_cache_len=1024)

def step(t, pos):
    return m(input_ids=t, past_key_values=cache, cache_position=pos, use_cache=True).logits[:, -1].argmax(-1, keepdim=True)

def loop(stepper, prefill_ms=None):
    @torch.inference_mode()
    def run(ids):
        cache.reset()
        n = len(ids)
        t0 = time.perf_counter()
        nxt = m(input_ids=torch.tensor([ids], device=dev), past_key_values=cache, cache_position=torch.arange(n, device=dev),
                use_cache=True).logits[:, -1].argmax(-1, keepdim=True)
        if prefill_ms is not None: sync(); prefill_ms.append((time.perf_counter() - t0) * 1000)
        pos, toks = torch.tensor([n], device=dev), [int(nxt[0, 0])]
        for i in range(new - 1):
            nxt = stepper(nxt, pos).clone()
            toks.append(int(nxt[0, 0]))   # the per-token stop check a real loop makes (a device sync)
            pos += 1
        return toks
    return run

pre = []
row('loop, eager', loop(step, pre))
row('loop, eager (prefill only)', lambda ids: loop(lambda t, p: t)(ids))
def graphed(stepper):
    """One decode step captured once as a CUDA graph (`torch.cuda.graph`), replayed per token: the in-place cache writes
    are part of the graph, so nothing is skipped (torch.compile's cudagraphs skip a step that mutates its inputs)"""
    x, p = torch.zeros(1, 1, dtype=torch.long, device=dev), torch.zeros(1, dtype=torch.long, device=dev)
    s = torch.cuda.Stream(); s.wait_stream(torch.cuda.current_stream())
    with torch.cuda.stream(s), torch.inference_mode():
        for _ in range(3): stepper(x, p)   # warm-up on a side stream, as capture requires
    torch.cuda.current_stream().wait_stream(s)
    g = torch.cuda.CUDAGraph()
    with torch.cuda.graph(g), torch.inference_mode(): y = stepper(x, p)
    def replay(t, pos):
        x.copy_(t); p.copy_(pos); g.replay(); return y
    return replay

if dev.type == 'cuda':
    for name_, st in [('eager step', step), ('compiled step (mode=default)', torch.compile(step, fullgraph=True))]:
        torch._dynamo.reset()
        try:
            run = loop(graphed(st))
            row(f'loop, CUDA graph of the {name_}', run, same_tokens_as_eager=run(prompts[0]) == loop(step)(prompts[0]))
        except Exception as e: print(json.dumps(dict(way=f'graph of {name_}', error=f'{type(e).__name__}: {str(e)[:400]}')), flush=True)
for mode in [m_ for m_ in os.environ.get('PROBE_MODES', 'default,reduce-overhead,max-autotune').split(',') if m_]:
    torch._dynamo.reset()
    c = torch.compile(step, mode=mode, fullgraph=True)
    row(f'loop, torch.compile mode={mode}', loop(c))
(out/'decode_probe.json').write_text(json.dumps(dict(model=name, precision=prec, new_tokens=new, prompt_tokens=len(prompts[0]),
                                                     device=torch.cuda.get_device_name() if dev.type == 'cuda' else 'cpu', torch=torch.__version__,
                                                     prefill_ms=[round(x, 2) for x in pre], rows=rows), indent=1))
