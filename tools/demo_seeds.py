"""How much do the demo's metrics vary with the seed and the number of records? `python tools/demo_seeds.py all OUT
6000:0 6000:1 12000:0 ...` runs `run_demo` (download..evaluate) for each records:seed pair in parallel processes
(`python tools/demo_seeds.py 6000:0 OUT` runs one) and prints one JSON line each."""
import json, re, shutil, sys
from pathlib import Path

def one(name, out):
    from gennx_qlora.demo import run_demo
    n, seed = (int(x) for x in name.split(':'))
    root = Path(out)/re.sub(r'[^\w.-]', '_', name); root.mkdir(parents=True, exist_ok=True)
    shutil.copytree('config', root/'config', dirs_exist_ok=True)
    r = run_demo(root, n=n, seed=seed, stages=('download', 'synth', 'prepare', 'train', 'evaluate'))
    (root/'result.json').write_text(json.dumps(dict(n=n, seed=seed, train_s=r['train_s'], **r['evaluate']['trained'])))

if __name__ == '__main__':
    from parallel_runs import run_parallel
    if sys.argv[1] != 'all': one(sys.argv[1], sys.argv[2]); sys.exit()
    run_parallel(__file__, sys.argv[2], sys.argv[3:])
