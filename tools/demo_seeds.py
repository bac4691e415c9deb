"""How much do the demo's metrics vary with the seed and the number of records? `python tools/demo_seeds.py OUT n:seed ...`
runs `run_demo` (download..evaluate) for each pair in parallel processes and prints one line each."""
import json, shutil, subprocess, sys
from pathlib import Path

def one(out, n, seed):
    from gennx_qlora.demo import run_demo
    root = Path(out)/f'n{n}_s{seed}'; root.mkdir(parents=True, exist_ok=True)
    shutil.copytree('config', root/'config', dirs_exist_ok=True)
    r = run_demo(root, n=n, seed=seed, stages=('download', 'synth', 'prepare', 'train', 'evaluate'))
    print('RESULT', json.dumps(dict(n=n, seed=seed, train_s=r['train_s'], **r['evaluate']['trained'])))

if __name__ == '__main__':
    out = sys.argv[1]
    if sys.argv[2] == 'one': one(out, int(sys.argv[3]), int(sys.argv[4])); sys.exit()
    Path(out).mkdir(parents=True, exist_ok=True)
    ps = [subprocess.Popen([sys.executable, __file__, out, 'one', *p.split(':')], stdout=open(f"{out}/{p.replace(':', '_')}.log", 'w'),
                           stderr=subprocess.STDOUT) for p in sys.argv[2:]]
    for p in ps: p.wait()
    for p in sys.argv[2:]:
        lines = [l for l in open(f"{out}/{p.replace(':', '_')}.log") if l.startswith('RESULT')]
        print(lines[-1].strip() if lines else f'{p}: FAILED')
