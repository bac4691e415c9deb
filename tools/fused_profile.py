"""Where a fused decode step's GPU time goes (issue 18): the Qwen2.5-1.5B shape in bf16, the compiled layer run without
CUDA graphs under torch.profiler for STEPS decode steps; prints kernels per step and the busiest kernel kinds.
  python tools/fused_profile.py OUT [STEPS]"""
import sys, time
from pathlib import Path
import torch
from torch.profiler import ProfilerActivity, profile
from transformers import AutoTokenizer
from gennx_qlora.config import GennxConfig, schemas_path
from gennx_qlora.engine import FusedDecoder, bench_prompts, bench_tools
from gennx_qlora.models import load_model, resolve_model_dir, stop_ids
from gennx_qlora.toolcalls import load_tools

out = Path(sys.argv[1]); out.mkdir(parents=True, exist_ok=True); steps = int(sys.argv[2]) if len(sys.argv) > 2 else 8
path = resolve_model_dir('qwen2.5-shape')
tok = AutoTokenizer.from_pretrained(path)
tools, _ = bench_tools(tok, load_tools(schemas_path()).tools, 400)
ids = bench_prompts(tok, tools, 1, 512)[0]
m = load_model(path, GennxConfig(), quantize=False, dtype='bfloat16').eval()
D = FusedDecoder(m, graphs=False)
D.generate([ids], 4, stop_ids(tok), 0, min_new_tokens=4)   # compiles
torch.cuda.synchronize()
s = D.slots[1]
z = lambda *v: torch.tensor(v, device='cuda')
with profile(activities=[ProfilerActivity.CUDA]) as p, torch.inference_mode():
    for i in range(steps):   # decode steps alone, as the graph replays them
        D._step(s, z([ids[-1]]), z(len(ids) + i), z([len(ids) + i]), z(0), z(0))
    torch.cuda.synchronize()
ev = [e for e in p.events() if e.device_type == torch.autograd.DeviceType.CUDA]
txt = p.key_averages().table(sort_by='cuda_time_total', row_limit=30)
head = f'kernels in the profile: {len(ev)} over {steps} decode steps ({len(ev) / steps:.0f} a step); GPU time {sum(e.device_time for e in ev)/1000:.1f} ms'
print(head); print(txt)
(out/'fused_profile.txt').write_text(head + '\n' + txt)
