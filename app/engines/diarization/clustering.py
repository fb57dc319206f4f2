"""Grouping embedding windows by speaker: average-linkage clustering on cosine distance.

The number of speakers comes from a distance threshold, then clusters too small to be a
speaker of their own (a cough, a laugh, a few noisy windows: under 10% of the windows and
under 10 s of speech, or under three windows) join the nearest cluster. A number or range
the user gave then joins the most alike clusters, or cuts the tree finer and keeps the
largest clusters, until there are that many.
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
_MAX_EXTRA_CUTS = 30  # how much finer than the wanted count the tree is cut to find that many voices


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
    labels = _merge_small_clusters(embeddings, fcluster(tree, DISTANCE_THRESHOLD, criterion="distance"))
    found = len(np.unique(labels))
    wanted = count.clamp(found)
    if wanted < found:
        return _join_nearest_clusters(embeddings, labels, wanted)
    if wanted > found:
        return _split_further(embeddings, tree, wanted)
    return np.asarray(labels)


def _join_nearest_clusters(embeddings: np.ndarray, labels: np.ndarray, wanted: int) -> np.ndarray:
    """Fewer speakers than the threshold found: the two most alike clusters join, until ``wanted`` are left."""
    labels = labels.copy()
    while len(names := np.unique(labels)) > wanted:
        centroids = np.stack([_unit(embeddings[labels == name].mean(axis=0)) for name in names])
        similarity = centroids @ centroids.T
        np.fill_diagonal(similarity, -np.inf)
        first, second = np.unravel_index(int(np.argmax(similarity)), similarity.shape)
        labels[labels == names[second]] = names[first]
    return labels


def _split_further(embeddings: np.ndarray, tree: np.ndarray, wanted: int) -> np.ndarray:
    """More speakers than the threshold found: the tree cut finer until its ``wanted`` largest clusters are
    voices (at least a few windows each), the rest joining the nearest of them.

    Cutting the tree at exactly ``wanted`` clusters would often split off a few outlying windows instead.
    """
    windows = len(embeddings)
    cut = fcluster(tree, wanted, criterion="maxclust")
    for clusters in range(wanted, min(windows, wanted + _MAX_EXTRA_CUTS) + 1):
        cut = fcluster(tree, clusters, criterion="maxclust")
        sizes = np.sort(np.unique(cut, return_counts=True)[1])[::-1]
        if len(sizes) >= wanted and sizes[wanted - 1] >= SMALLEST_SPEAKER_WINDOWS:
            break
    names, sizes = np.unique(cut, return_counts=True)
    kept = names[np.argsort(-sizes, kind="stable")[:wanted]]
    centroids = np.stack([_unit(embeddings[cut == name].mean(axis=0)) for name in kept])
    joined = cut.copy()
    for name in names:
        if name not in kept:
            members = cut == name
            joined[members] = kept[int(np.argmax(centroids @ _unit(embeddings[members].mean(axis=0))))]
    return np.asarray(joined)


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
