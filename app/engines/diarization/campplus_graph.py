"""3D-Speaker's CAM++ network as an ONNX graph, built in memory from the checkpoint's arrays.

The layers follow ``speakerlab/models/campplus/DTDNN.py`` and ``layers.py`` of 3D-Speaker
(Apache-2.0): a 2-D convolutional front (FCM), a strided TDNN layer, three densely connected
blocks of context-aware masking layers, statistics pooling and a dense layer with a
non-affine batch norm. The graph is built for a fixed number of feature frames, so the
segment pooling of each masking layer is one constant matrix.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

FEATURE_DIM = 80
EMBEDDING_DIM = 192
_BLOCKS = ((12, 3, 1), (24, 3, 2), (16, 3, 2))  # layers, kernel size, dilation
_SEGMENT_FRAMES = 100  # CAMLayer.seg_pooling's seg_len
_BN_EPSILON = 1e-5
_OPSET = 18
_IR_VERSION = 8  # what the onnx release for opset 18 wrote; older onnxruntimes refuse newer ones


class _GraphBuilder:
    def __init__(self, weights: dict[str, np.ndarray]) -> None:
        self.weights = weights
        self.nodes: list[onnx.NodeProto] = []
        self.initializers: list[onnx.TensorProto] = []
        self._count = 0

    def constant(self, array: np.ndarray, hint: str) -> str:
        name = f"{hint}:{len(self.initializers)}"
        self.initializers.append(numpy_helper.from_array(np.ascontiguousarray(array), name))
        return name

    def node(self, op: str, inputs: list[str], **attributes: Any) -> str:
        self._count += 1
        output = f"{op.lower()}{self._count}"
        self.nodes.append(helper.make_node(op, inputs, [output], **attributes))
        return output

    def weight(self, name: str) -> str:
        return self.constant(self.weights[name], name)

    def batch_norm(self, x: str, prefix: str, affine: bool = True) -> str:
        mean, variance = self.weights[f"{prefix}.running_mean"], self.weights[f"{prefix}.running_var"]
        scale = self.weights[f"{prefix}.weight"] if affine else np.ones_like(mean)
        bias = self.weights[f"{prefix}.bias"] if affine else np.zeros_like(mean)
        return self.node(
            "BatchNormalization",
            [x, self.constant(scale, prefix), self.constant(bias, prefix),
             self.constant(mean, prefix), self.constant(variance, prefix)],
            epsilon=_BN_EPSILON,
        )

    def conv(self, x: str, prefix: str, stride: tuple[int, ...], padding: int, dilation: int = 1) -> str:
        kernel = self.weights[f"{prefix}.weight"]
        inputs = [x, self.weight(f"{prefix}.weight")]
        if f"{prefix}.bias" in self.weights:
            inputs.append(self.weight(f"{prefix}.bias"))
        spatial = kernel.ndim - 2
        return self.node(
            "Conv", inputs, kernel_shape=list(kernel.shape[2:]), strides=list(stride),
            pads=[padding] * (2 * spatial), dilations=[dilation] * spatial,
        )

    def relu(self, x: str) -> str:
        return self.node("Relu", [x])


def build_campplus(weights: dict[str, np.ndarray], frames: int) -> onnx.ModelProto:
    """The model: ``features`` (batch, frames, 80) to ``embeddings`` (batch, 192)."""
    graph = _GraphBuilder(weights)
    x = graph.node("Transpose", ["features"], perm=[0, 2, 1])
    x = graph.node("Unsqueeze", [x, graph.constant(np.array([1], dtype=np.int64), "axis")])
    x = _front(graph, x)
    x = graph.relu(graph.batch_norm(graph.conv(x, "xvector.tdnn.linear", (2,), 2), "xvector.tdnn.nonlinear.batchnorm"))
    strided_frames = (frames - 1) // 2 + 1
    for index, (layers, kernel, dilation) in enumerate(_BLOCKS, start=1):
        pooling = graph.constant(_context_pooling(strided_frames), "context_pooling")
        for layer in range(1, layers + 1):
            prefix = f"xvector.block{index}.tdnnd{layer}"
            x = graph.node("Concat", [x, _dense_layer(graph, x, prefix, kernel, dilation, pooling)], axis=1)
        x = graph.relu(graph.batch_norm(x, f"xvector.transit{index}.nonlinear.batchnorm"))
        x = graph.conv(x, f"xvector.transit{index}.linear", (1,), 0)
    x = graph.relu(graph.batch_norm(x, "xvector.out_nonlinear.batchnorm"))
    x = _statistics_pooling(graph, x, strided_frames)
    dense = weights["xvector.dense.linear.weight"][:, :, 0].T
    x = graph.node("MatMul", [x, graph.constant(dense, "dense")])
    x = graph.batch_norm(x, "xvector.dense.nonlinear.batchnorm", affine=False)
    graph.nodes.append(helper.make_node("Identity", [x], ["embeddings"]))
    model = helper.make_model(
        helper.make_graph(
            graph.nodes, "campplus",
            [helper.make_tensor_value_info("features", TensorProto.FLOAT, ["batch", frames, FEATURE_DIM])],
            [helper.make_tensor_value_info("embeddings", TensorProto.FLOAT, ["batch", EMBEDDING_DIM])],
            graph.initializers,
        ),
        opset_imports=[helper.make_opsetid("", _OPSET)],
        ir_version=_IR_VERSION,
    )
    onnx.checker.check_model(model)
    return model


def _front(graph: _GraphBuilder, x: str) -> str:
    """FCM: residual 2-D convolutions that halve the frequency axis three times."""
    x = graph.relu(graph.batch_norm(graph.conv(x, "head.conv1", (1, 1), 1), "head.bn1"))
    for layer in ("layer1", "layer2"):
        for block, stride in ((0, 2), (1, 1)):
            x = _residual_block(graph, x, f"head.{layer}.{block}", stride)
    x = graph.relu(graph.batch_norm(graph.conv(x, "head.conv2", (2, 1), 1), "head.bn2"))
    shape = graph.constant(np.array([0, 32 * FEATURE_DIM // 8, -1], dtype=np.int64), "shape")
    return graph.node("Reshape", [x, shape])  # (batch, 32 * 10, frames)


def _residual_block(graph: _GraphBuilder, x: str, prefix: str, stride: int) -> str:
    out = graph.relu(graph.batch_norm(graph.conv(x, f"{prefix}.conv1", (stride, 1), 1), f"{prefix}.bn1"))
    out = graph.batch_norm(graph.conv(out, f"{prefix}.conv2", (1, 1), 1), f"{prefix}.bn2")
    shortcut = x
    if f"{prefix}.shortcut.0.weight" in graph.weights:
        shortcut = graph.batch_norm(graph.conv(x, f"{prefix}.shortcut.0", (stride, 1), 0), f"{prefix}.shortcut.1")
    return graph.relu(graph.node("Add", [out, shortcut]))


def _dense_layer(graph: _GraphBuilder, x: str, prefix: str, kernel: int, dilation: int, pooling: str) -> str:
    """One CAMDenseTDNNLayer: bottleneck, then a local convolution masked by its context."""
    x = graph.relu(graph.batch_norm(x, f"{prefix}.nonlinear1.batchnorm"))
    x = graph.conv(x, f"{prefix}.linear1", (1,), 0)
    x = graph.relu(graph.batch_norm(x, f"{prefix}.nonlinear2.batchnorm"))
    cam = f"{prefix}.cam_layer"
    local = graph.conv(x, f"{cam}.linear_local", (1,), (kernel - 1) // 2 * dilation, dilation)
    context = graph.node("MatMul", [x, pooling])
    context = graph.relu(graph.conv(context, f"{cam}.linear1", (1,), 0))
    mask = graph.node("Sigmoid", [graph.conv(context, f"{cam}.linear2", (1,), 0)])
    return graph.node("Mul", [local, mask])


def _context_pooling(frames: int) -> np.ndarray:
    """The matrix P with x @ P = mean over all frames + mean over each frame's 100-frame segment."""
    pooling = np.full((frames, frames), 1.0 / frames, dtype=np.float32)
    for start in range(0, frames, _SEGMENT_FRAMES):
        end = min(frames, start + _SEGMENT_FRAMES)
        pooling[start:end, start:end] += 1.0 / (end - start)
    return pooling


def _statistics_pooling(graph: _GraphBuilder, x: str, frames: int) -> str:
    """Mean and unbiased standard deviation over time, concatenated."""
    mean = graph.node("ReduceMean", [x, graph.constant(np.array([2], dtype=np.int64), "axes")], keepdims=1)
    centred = graph.node("Sub", [x, mean])
    squares = graph.node("ReduceSumSquare", [centred, graph.constant(np.array([2], dtype=np.int64), "axes")],
                         keepdims=0)
    divisor = graph.constant(np.array(max(1, frames - 1), dtype=np.float32), "frames")
    deviation = graph.node("Sqrt", [graph.node("Div", [squares, divisor])])
    mean = graph.node("Squeeze", [mean, graph.constant(np.array([2], dtype=np.int64), "axes")])
    return graph.node("Concat", [mean, deviation], axis=1)
