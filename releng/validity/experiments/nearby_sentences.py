#!/usr/bin/env python3
"""Would a single sentence's hull separate paraphrases better with the sentences of its nearest passages among its
points? The replica that chose NearbySentences (docs/readouts.md, Validity; docs/design.md, Convex hull). Reads a
finished `releng/validity.sh` run, the embeddings made for sentence_neighbours.py (units.jsonl, sentences.jsonl, see
there), and the index's passages dumped with PassageDump.java:

    W=releng/validity/target; G=$(ls -d $W/index/gen-*)
    java -cp "$(ls bundles/io.noveltylens.cli/target/lib/*.jar | tr '\\n' :)" \\
        releng/validity/experiments/PassageDump.java $G > $W/experiments/passages.tsv
    python3 releng/validity/experiments/nearby_sentences.py --work $W [--nearest 600] [--passages 5]

For the single-sentence units it prints AUROC paraphrase < unseen and unseen < other-genre for the distance to the
hull of the query's nearest passages, with and without the sentences of its nearest passages, and the nearest-sentence
cosine; the hull is restricted to the --nearest passages (the optimum's support lies among them) and solved by NNLS
with the simplex constraint as a heavily weighted row. Needs numpy and scipy. Not part of any build.
"""
import argparse
import json
from pathlib import Path

import numpy as np
from scipy.optimize import nnls

from sentence_neighbours import BOUNDARY, auroc, vectors

SIMPLEX_WEIGHT = 30.0


def split(text):
    return [s for s in BOUNDARY.split(text.strip()) if len(s.split()) >= 3]


def hull_distance(query, points):
    a = np.vstack([points.T, SIMPLEX_WEIGHT * np.ones((1, len(points)))])
    w, _ = nnls(a, np.concatenate([query, [SIMPLEX_WEIGHT]]), maxiter=5000)
    return float(np.linalg.norm(points.T @ (w / w.sum()) - query))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--work', required=True)
    parser.add_argument('--nearest', type=int, default=600)
    parser.add_argument('--passages', type=int, default=5)
    args = parser.parse_args()
    work = Path(args.work)
    sentence_text = [s for f in sorted((work / 'corpus').glob('*.txt'))
                     for line in f.read_text(encoding='utf-8').splitlines() for s in split(line)]
    sentences = vectors(work / 'experiments' / 'sentences.jsonl')
    sentences /= np.linalg.norm(sentences, axis=1, keepdims=True)
    index_of = {}
    for i, text in enumerate(sentence_text):
        index_of.setdefault(text, i)
    rows = [dict(kv.split('=', 1) for kv in line.rstrip('\n').split('\t') if '=' in kv)
            for line in open(work / 'experiments' / 'passages.tsv', encoding='utf-8')]
    # the generation's vector file: a header, the unit vectors in ordinal order, a 16-byte footer
    raw = np.fromfile(next((work / 'index').glob('gen-*/*.vec')), dtype='<f4')
    offset = (raw.size * 4 - len(rows) * sentences.shape[1] * 4 - 16) // 4
    passages = raw[offset:offset + len(rows) * sentences.shape[1]].reshape(len(rows), -1)
    own = [[index_of[s] for s in split(r['text']) if s in index_of] for r in rows]
    units = [line.rstrip('\n').split('\t') for line in open(work / 'units.tsv', encoding='utf-8')]
    unit_vectors = vectors(work / 'experiments' / 'units.jsonl')
    unit_vectors /= np.linalg.norm(unit_vectors, axis=1, keepdims=True)
    readouts = {}
    for (kind, granularity, *_), query in zip(units, unit_vectors):
        if granularity != 'sentence':
            continue
        order = np.argsort(-(passages @ query))
        nearby = [s for p in order[:args.passages] for s in own[p]]
        base = passages[order[:args.nearest]]
        with_sentences = np.vstack([base, sentences[nearby]]) if nearby else base
        nearest_sentence = float((sentences[nearby] @ query).max()) if nearby else -1.0
        readouts.setdefault(kind, []).append(
            (hull_distance(query, base), hull_distance(query, with_sentences), 1 - nearest_sentence))
    readouts = {kind: np.array(values) for kind, values in readouts.items()}
    names = ['hull of the nearest passages', f'... and the sentences of the {args.passages} nearest',
             f'1 - cosine of the nearest of those sentences']
    for i, name in enumerate(names):
        print(f"{name:48s} paraphrase<unseen {auroc(readouts['paraphrase'][:, i], readouts['unseen'][:, i]):.3f}  "
              f"unseen<other-genre {auroc(readouts['unseen'][:, i], readouts['other-genre'][:, i]):.3f}")


if __name__ == '__main__':
    main()
