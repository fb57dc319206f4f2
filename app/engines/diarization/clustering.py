"""Grouping embedding windows by speaker: average-linkage clustering on cosine distance.

The number of speakers comes from a distance threshold, then clusters too small to be a
speaker of their own (a cough, a laugh, a few noisy windows: under 10% of the windows and
under 10 s of speech, or under three windows) join the nearest cluster;
a number or range the user gave cuts the same tree at that many clusters instead.
"""

from __future__ import annotations

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage

from app.core.speaker_turns import SpeakerCount

DISTANCE_THRESHOLD = 0.6  # stable from 0.5 to 0.65 on the measurements
SMALL_CLUSTER_FRACTION = 0.1
SMALL_CLUSTER_WINDOWS = 13  # about 10 s of speech in windows every 0.75 s
# In a short clip 10% is a window or two; a voice heard in fewer windows than this is not told apart.
SMALLEST_SPEAKER_WINDOWS = 3
MAX_LINKAGE_WINDOWS = 3000


def cluster_windows(embeddings: np.ndarray, count: SpeakerCount) -> np.ndarray:
    """One label 0..k-1 per row of ``embeddings`` (unit vectors), in order of first appearance.

    Past ``MAX_LINKAGE_WINDOWS`` (about 40 minutes of speech) the tree is grown on windows
    spread evenly over the recording and every window joins the nearest cluster, so memory
    stays bounded (the linkage's distances grow with the square of the windows).
    """
    windows = len(embeddings)
    if windows <= 1:
        return np.zeros(windows, dtype=np.int64)
    if windows <= MAX_LINKAGE_WINDOWS:
        return _in_order_of_appearance(_cluster(embeddings, count))
    chosen = np.linspace(0, windows - 1, MAX_LINKAGE_WINDOWS).round().astype(np.int64)
    labels = _cluster(embeddings[chosen], count)
    names = np.unique(labels)
    centroids = np.stack([_unit(embeddings[chosen][labels == name].mean(axis=0)) for name in names])
    return _in_order_of_appearance(names[np.argmax(embeddings @ centroids.T, axis=1)])


def _cluster(embeddings: np.ndarray, count: SpeakerCount) -> np.ndarray:
    tree = linkage(embeddings.astype(np.float64), method="average", metric="cosine")
    if count.exact is not None:
        labels = fcluster(tree, count.exact, criterion="maxclust")
    else:
        labels = _merge_small_clusters(embeddings, fcluster(tree, DISTANCE_THRESHOLD, criterion="distance"))
        found = len(np.unique(labels))
        if found != count.clamp(found):
            labels = fcluster(tree, count.clamp(found), criterion="maxclust")
    return np.asarray(labels)


def _merge_small_clusters(embeddings: np.ndarray, labels: np.ndarray) -> np.ndarray:
    smallest = min(max(SMALL_CLUSTER_FRACTION * len(labels), SMALLEST_SPEAKER_WINDOWS), SMALL_CLUSTER_WINDOWS)
    names, sizes = np.unique(labels, return_counts=True)
    large = names[sizes >= smallest]
    if len(large) == 0:
        large = names[[int(np.argmax(sizes))]]
    if len(large) == len(names):
        return labels
    centroids = np.stack([_unit(embeddings[labels == name].mean(axis=0)) for name in large])
    merged = labels.copy()
    for name in names:
        if name not in large:
            members = labels == name
            nearest = int(np.argmax(centroids @ _unit(embeddings[members].mean(axis=0))))
            merged[members] = large[nearest]
    return merged


def _unit(vector: np.ndarray) -> np.ndarray:
    return vector / max(float(np.linalg.norm(vector)), 1e-8)


def _in_order_of_appearance(labels: np.ndarray) -> np.ndarray:
    _, first = np.unique(labels, return_index=True)
    order = {int(labels[index]): rank for rank, index in enumerate(sorted(first))}
    return np.array([order[int(label)] for label in labels], dtype=np.int64)
