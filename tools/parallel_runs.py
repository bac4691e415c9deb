"""The runner the sweep scripts share: `python SCRIPT NAME OUT` once per name, all at once (on a GPU they share the
device), each logging to OUT/NAME.log and leaving OUT/NAME/result.json; then one line per name."""
import re, subprocess, sys
from pathlib import Path

def run_parallel(script:str, out:str, names:list)->dict:
    "Run `script` for every name in its own process; print and return each result (None where it failed)"
    out = Path(out); out.mkdir(parents=True, exist_ok=True)
    safe = lambda n: re.sub(r'[^\w.-]', '_', n)
    ps = {n: subprocess.Popen([sys.executable, script, n, str(out)], stdout=open(out/f'{safe(n)}.log', 'w'), stderr=subprocess.STDOUT)
          for n in names}
    for p in ps.values(): p.wait()
    res = {}
    for n in names:
        f = out/safe(n)/'result.json'
        res[n] = f.read_text() if f.exists() else None
        print(res[n] or f'{n}: FAILED, see {out/safe(n)}.log')
    return res
