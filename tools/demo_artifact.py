"""Keep the figures of a `make demo` run that the Train and Evaluate pages show: nbs/figures/demo_run.json.

  python tools/demo_artifact.py ROOT [CONSTRAINED_RESULTS] [NOTE]

ROOT is the folder `gennx-demo --root` wrote (models/checkpoints/train_summary.json, data/eval/*_results.json);
CONSTRAINED_RESULTS, optional, is a results JSON of `gennx-evaluate --constrained` on the same test split."""
import json, sys
from pathlib import Path

KEYS = ('tool_name_accuracy', 'parameter_accuracy', 'json_validity_rate', 'schema_validity_rate', 'irrelevance_accuracy',
        'hallucination_rate', 'arg_key_hallucination_rate', 'truncation_rate')

def brief(p):
    m = json.loads(Path(p).read_text())['metrics']
    return {k: round(m[k], 4) if isinstance(m.get(k), float) else m.get(k) for k in KEYS} | {'turns': m['counts']['turns']}

root = Path(sys.argv[1])
s = json.loads((root/'models/checkpoints/train_summary.json').read_text())
ev = json.loads((root/'data/eval/eval_results.json').read_text())
out = dict(note=sys.argv[3] if len(sys.argv) > 3 else '',
           train={k: s.get(k) for k in ('loss_curve', 'eval_curve', 'global_step', 'tokens_seen', 'tokens_per_s',
                                         'train_time_s', 'device', 'n_train', 'n_eval')},
           eval=dict(untrained=brief(root/'data/eval/untrained_results.json'), trained=brief(root/'data/eval/eval_results.json'),
                     per_tool={t: [v['gold_calls'], round(v['name_accuracy'], 3), round(v['parameter_accuracy'], 3)]
                               for t, v in sorted(ev['per_tool'].items())}))
if len(sys.argv) > 2 and sys.argv[2]: out['eval']['constrained'] = brief(sys.argv[2])
dest = Path(__file__).resolve().parents[1]/'nbs/figures/demo_run.json'
dest.write_text(json.dumps(out, indent=1, ensure_ascii=False) + '\n', encoding='utf-8')
print(f'wrote {dest}')
