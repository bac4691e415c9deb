#!/bin/bash
# One device call, pipelined: each base is pretrained, then at once trained on the demo's data (300 steps) and evaluated,
# all bases side by side; each finished base streams back on its own (OUT/NAME.json: base and run results, OUT/NAME.tgz:
# the base), so a call that runs out of time still returns the bases that finished; two files per base + one log file
# (a device call returns at most 8 files). Each base's files are written as soon as it is built, so run it under
# `timeout` a little shorter than the call's limit.
# Usage (on the device, repository root): bash tools/demo_chain_gpu.sh OUTDIR "base,..."
set -u
OUT=$1; W=/tmp/sweep
mkdir -p $W $OUT
IFS=, read -ra NAMES <<< "$2"
save() { python3 -c "import json, os; r = lambda p: json.load(open(p)) if os.path.exists(p) else None
json.dump(dict(base=r('$W/$1/result.json'), run=r('$W/${1}_s300/result.json')), open('$OUT/$1.json', 'w'))"; }
for b in "${NAMES[@]}"; do
  ( python tools/demo_sweep.py $b $W > $W/$b.base.log 2>&1
    # the base streams back at once (a call cut short by the time limit still returns it), then again with its run
    (cd $W && tar czf $OUT/$b.tgz bases/$b); save $b
    python tools/demo_sweep.py ${b}_s300 $W > $W/$b.run.log 2>&1
    save $b ) &
done
sleep 20   # the bases' tokenizers are written in the first seconds; the data needs one
python tools/demo_sweep.py data $W > $W/data.log 2>&1
wait
tail -n 5 $W/*.log > $OUT/chain_logs.txt
for f in $OUT/*.json; do echo "== $f"; cat $f; echo; done
