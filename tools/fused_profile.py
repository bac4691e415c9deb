"""Where a fused decode step's time goes (issue 18): Qwen2.5-1.5B shape in bf16, 513-token prompt, batch 1.
Prints (1) the GPU time of one decode step and one 64-token prefill chunk as CUDA-graph replays run back to back (no host
work between them), (2) the per-token time of `FusedDecoder.generate` (graph + host work), (3) the kernels of the compiled
layer without graphs under torch.profiler: how many a step and the busiest kinds.
  python tools/fused_profile.py OUT [STEPS]   (STEPS 0: the timings (1) and (2) only)"""
import json, sys, time
from pathlib import Path
import torch
from torch.profiler import ProfilerActivity, profile
from transformers import AutoTokenizer
from gennx_qlora.config import GennxConfig, schemas_path
from gennx_qlora.engine import FusedDecoder, bench_prompts, bench_tools
from gennx_qlora.models import load_model, resolve_model_dir, stop_ids
from gennx_qlora.toolcalls import load_tools

out = Path(sys.argv[1]); out.mkdir(parents=True, exist_ok=True); steps = int(sys.argv[2]) if len(sys.argv) > 2 else 8
log = open(out/'fused_profile.jsonl', 'a')
def emit(**r): print(json.dumps(r), flush=True); log.write(json.dumps(r) + '\n'); log.flush()
path = resolve_model_dir('qwen2.5-shape')
tok = AutoTokenizer.from_pretrained(path)
tools, _ = bench_tools(tok, load_tools(schemas_path()).tools, 400)
ids = bench_prompts(tok, tools, 1, 512)[0]
m = load_model(path, GennxConfig(), quantize=False, dtype='bfloat16').eval()
stops = stop_ids(tok)

def replay_ms(g, n=200):   # one graph replayed n times back to back: the GPU time of one step
    for _ in range(5): g.replay()
    torch.cuda.synchronize(); t = time.perf_counter()
    for _ in range(n): g.replay()
    torch.cuda.synchronize(); return (time.perf_counter() - t) * 1000 / n

D = FusedDecoder(m)
for _ in range(3): D.generate([ids], 64, stops, 0, min_new_tokens=64)   # compiles, captures, warms
s = D.slots[1]
emit(gpu=torch.cuda.get_device_name(), torch=torch.__version__, prompt=len(ids), cache_len=s.L,
     decode_step_ms=round(replay_ms(s.graphs[1][0]), 4), prefill_chunk_ms=round(replay_ms(s.graphs[D.chunk][0], 50), 4))
ms = []
for _ in range(10):
    torch.cuda.synchronize(); t = time.perf_counter()
    D.generate([ids], 64, stops, 0, min_new_tokens=64)
    torch.cuda.synchronize(); ms.append((time.perf_counter() - t) * 1000)
emit(way='FusedDecoder.generate, 64 tokens, no reuse', p50_ms=round(sorted(ms)[5], 2), per_token_ms=round(sorted(ms)[5] / 64, 4))
with torch.inference_mode():   # the lm head alone, and one layer alone, as eager kernels
    x = torch.randn(1, 1, m.config.hidden_size, device='cuda', dtype=torch.bfloat16)
    torch.cuda.synchronize(); t = time.perf_counter()
    for _ in range(200): D.head(x)
    torch.cuda.synchronize(); emit(way='lm_head alone (eager)', ms=round((time.perf_counter() - t) * 1000 / 200, 4))

if steps == 0: sys.exit(0)   # the timings only
P = FusedDecoder(m, graphs=False)
P.generate([ids], 4, stops, 0, min_new_tokens=4)   # compiles the layer for width 1 and 64
torch.cuda.synchronize()
p1, n = P.slots[1], len(ids)
z = lambda v: torch.tensor(v, device='cuda')
with profile(activities=[ProfilerActivity.CUDA]) as p, torch.inference_mode():
    for i in range(steps):   # decode steps alone: ids [1, 1], column [1], position [1, 1], start [1], last [1]
        P._step(p1, z([[ids[-1]]]), z([n + i]), z([[n + i]]), z([0]), z([0]))
    torch.cuda.synchronize()
ev = [e for e in p.events() if e.device_type == torch.autograd.DeviceType.CUDA]
txt = p.key_averages().table(sort_by='cuda_time_total', row_limit=40)
head = (f'kernels in the profile: {len(ev)} over {steps} decode steps ({len(ev) / steps:.0f} a step); '
        f'GPU time {sum(e.device_time for e in ev) / 1000 / steps:.3f} ms a step')
print(head); print(txt)
(out/'fused_profile.txt').write_text(head + '\n' + txt)
