#!/bin/bash
# One device call: pretrain the candidate tiny bases, make the demo's data, train + evaluate each variant.
# Usage (on the device, repository root): bash tools/demo_sweep_gpu.sh OUTDIR "base,..."|BASES.tgz "run,..."
# Results stream into OUTDIR as they finish (bases.tgz.part*, runs.jsonl), so a timeout still returns what ran.
set -u
OUT=$1; BASES=$2; RUNS=$3; W=/tmp/sweep
mkdir -p $W $OUT
if [ -f "$BASES" ]; then   # a tarball of bases from an earlier call (bases.tgz.part*, joined): no pretraining
  tar xzf "$BASES" -C $W
  python tools/demo_sweep.py data $W > $OUT/data.txt 2>&1
else
  python tools/demo_sweep.py bases $W $BASES > $OUT/bases.txt 2>&1 &
  BP=$!
  sleep 15   # the bases' tokenizers are written in the first seconds; data needs one
  python tools/demo_sweep.py data $W > $OUT/data.txt 2>&1
  wait $BP
  (cd $W && tar czf - bases */*.json | split -b 15M - $OUT/bases.tgz.part)   # files back are at most 16 MB
fi
python tools/demo_sweep.py runs $W $RUNS > $OUT/runs.jsonl 2>&1
tail -n 30 $W/*.log > $OUT/logs_tail.txt
cat $OUT/bases.txt $OUT/runs.jsonl
