#!/usr/bin/env python3
"""Would sentence-level neighbours separate single sentences better than passage-level ones? (docs/readouts.md,
Validity, "What else was tried"). Reads a finished `releng/validity.sh` run (units.tsv, scores.jsonl) and the
embeddings of its units and of every sentence of its reference corpus, made with the product's own `novelty embed`:

    W=releng/validity/target; E=$W/experiments; mkdir -p $E
    cut -f4 $W/units.tsv | releng/novelty embed - > $E/units.jsonl
    python3 releng/validity/experiments/sentence_neighbours.py --split $W/corpus > $E/sentences.txt
    releng/novelty embed - < $E/sentences.txt > $E/sentences.jsonl
    python3 releng/validity/experiments/sentence_neighbours.py --work $W

and prints, per granularity, the AUROCs the validity report uses for readouts of the nearest corpus sentences next to
the passage-level baseline. Needs numpy. Not part of any build: a record of how the figures in docs were measured.
"""
import json
import re
import sys
from pathlib import Path

import numpy as np

# the validity harness's sentence rule: . ! or ? (and a closing quote), white space, an upper-case letter
BOUNDARY = re.compile(r'(?<=[.!?])\s+(?=["\u201c]?[A-Z])|(?<=[.!?]["\u201d])\s+(?=[A-Z])')


def split(corpus_dir):
    for file in sorted(Path(corpus_dir).glob('*.txt')):
        for line in file.read_text(encoding='utf-8').splitlines():
            for sentence in BOUNDARY.split(line.strip()):
                if len(sentence.split()) >= 3:
                    print(sentence)


def vectors(path):
    return np.array([json.loads(line)['vector'] for line in open(path, encoding='utf-8')], dtype=np.float32)


def auroc(lower, higher):
    """P(a unit of `higher` reads above one of `lower`), ties counted half: the Mann-Whitney U over n1 n2."""
    lower, higher = np.asarray(lower), np.asarray(higher)
    above = (higher[:, None] > lower[None, :]).sum() + 0.5 * (higher[:, None] == lower[None, :]).sum()
    return above / (len(lower) * len(higher))


def main(work):
    work = Path(work)
    rows = [line.rstrip('\n').split('\t') for line in open(work / 'units.tsv', encoding='utf-8')]
    sets = np.array([r[0] for r in rows])
    granularity = np.array([r[1] for r in rows])
    scores = [json.loads(line) for line in open(work / 'scores.jsonl', encoding='utf-8')]
    units = vectors(work / 'experiments' / 'units.jsonl')
    sentences = vectors(work / 'experiments' / 'sentences.jsonl')
    top = np.sort(units @ sentences.T, axis=1)[:, ::-1][:, :10]
    distance = np.sqrt(np.maximum(0, 2 - 2 * top))
    readouts = {
        'passage index: 1 - top cosine (baseline)': np.array([1 - s['neighbours'][0]['cosine'] for s in scores]),
        'passage index: density.percentile': np.array([s['density']['percentile'] for s in scores]),
        'sentence index: 1 - top cosine': 1 - top[:, 0],
        'sentence index: mean distance to 3 nearest': distance[:, :3].mean(1),
        'sentence index: mean distance to 10 nearest': distance.mean(1),
    }
    print(f"{len(sentences)} corpus sentences")
    for name, x in readouts.items():
        cells = []
        for g in ('sentence', 'paragraph'):
            of = lambda s: x[(sets == s) & (granularity == g)]
            cells.append(f"{g}: unseen<other-genre {auroc(of('unseen'), of('other-genre')):.3f}, "
                         f"paraphrase<unseen {auroc(of('paraphrase'), of('unseen')):.3f}")
        print(f"{name}: " + '; '.join(cells))


if __name__ == '__main__':
    if len(sys.argv) == 3 and sys.argv[1] == '--split':
        split(sys.argv[2])
    elif len(sys.argv) == 3 and sys.argv[1] == '--work':
        main(sys.argv[2])
    else:
        sys.exit('usage: sentence_neighbours.py --split CORPUS_DIR | --work VALIDITY_WORK')
