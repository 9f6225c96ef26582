"""Parity fixtures for lib/deep's convolutional layers and ResNet blocks, from PyTorch 1.13
(Debian python3-torch), in the format of tools/fixtures_torch_deep.py (param./input./output./
grad.param./grad.input. entries, loss = sum(out * input.loss_weight)).

torchvision is not packaged in Debian, so BasicBlock/Bottleneck/ResNet are written here with
torchvision's structure and parameter names (stride on the 3x3 conv, 1x1 downsample).
"_eval" cases run in eval mode with random running statistics; "_train" cases in training mode
(batch statistics). Parameters are saved before the forward pass.
Run: /usr/bin/python3 tools/fixtures_torch_resnet.py
"""
import importlib.util
import os

import torch
from torch import nn

spec = importlib.util.spec_from_file_location("fx", os.path.join(os.path.dirname(__file__), "fixtures_torch_deep.py"))
torch.manual_seed(0)


def load_writer():
    # reuse the independent safetensors writer without running that script's cases
    src = open(spec.origin).read().split("\nB, T, S, D, H, F")[0]
    ns = {"__file__": spec.origin}
    exec(compile(src, spec.origin, "exec"), ns)
    return ns["write"]


write = load_writer()


def randomize_bn(module):
    for m in module.modules():
        if isinstance(m, nn.BatchNorm2d):
            with torch.no_grad():
                m.weight.uniform_(0.5, 1.5)
                m.bias.uniform_(-0.5, 0.5)
                m.running_mean.uniform_(-0.5, 0.5)
                m.running_var.uniform_(0.5, 2.0)
                m.num_batches_tracked.fill_(3)


def case(name, module, x, train):
    randomize_bn(module)
    module.train(train)
    tensors = {"param." + k: v.detach().clone() for k, v in module.state_dict().items()}
    x = x.clone().requires_grad_(True)
    out = module(x)
    R = torch.randn(out.shape)
    (out * R).sum().backward()
    tensors["input.x"] = x.detach()
    tensors["input.loss_weight"] = R
    tensors["grad.input.x"] = x.grad
    tensors["output.out"] = out.detach()
    for k, p in module.named_parameters():
        tensors["grad.param." + k] = p.grad
    for k, v in module.state_dict().items():
        if "running" in k:
            tensors["after." + k] = v.detach().clone()
    write(name, {k: v.detach() for k, v in tensors.items()}, {"mode": "train" if train else "eval"})


def conv3(i, o, s=1):
    return nn.Conv2d(i, o, 3, s, 1, bias=False)


class BasicBlock(nn.Module):
    expansion = 1

    def __init__(self, inplanes, planes, stride=1):
        super().__init__()
        self.conv1, self.bn1 = conv3(inplanes, planes, stride), nn.BatchNorm2d(planes)
        self.relu = nn.ReLU()
        self.conv2, self.bn2 = conv3(planes, planes), nn.BatchNorm2d(planes)
        self.downsample = None
        if stride != 1 or inplanes != planes:
            self.downsample = nn.Sequential(nn.Conv2d(inplanes, planes, 1, stride, bias=False), nn.BatchNorm2d(planes))

    def forward(self, x):
        y = self.relu(self.bn1(self.conv1(x)))
        y = self.bn2(self.conv2(y))
        return self.relu(y + (self.downsample(x) if self.downsample is not None else x))


class Bottleneck(nn.Module):
    expansion = 4

    def __init__(self, inplanes, planes, stride=1):
        super().__init__()
        self.conv1, self.bn1 = nn.Conv2d(inplanes, planes, 1, bias=False), nn.BatchNorm2d(planes)
        self.conv2, self.bn2 = conv3(planes, planes, stride), nn.BatchNorm2d(planes)
        self.conv3, self.bn3 = nn.Conv2d(planes, planes * 4, 1, bias=False), nn.BatchNorm2d(planes * 4)
        self.relu = nn.ReLU()
        self.downsample = None
        if stride != 1 or inplanes != planes * 4:
            self.downsample = nn.Sequential(nn.Conv2d(inplanes, planes * 4, 1, stride, bias=False), nn.BatchNorm2d(planes * 4))

    def forward(self, x):
        y = self.relu(self.bn1(self.conv1(x)))
        y = self.relu(self.bn2(self.conv2(y)))
        y = self.bn3(self.conv3(y))
        return self.relu(y + (self.downsample(x) if self.downsample is not None else x))


class ResNet(nn.Module):
    """torchvision's ResNet with a width and input-channel option (same names)."""

    def __init__(self, block, layers, num_classes, width, in_channels):
        super().__init__()
        self.conv1 = nn.Conv2d(in_channels, width, 7, 2, 3, bias=False)
        self.bn1, self.relu = nn.BatchNorm2d(width), nn.ReLU()
        self.maxpool = nn.MaxPool2d(3, 2, 1)
        self.inplanes = width
        self.layer1 = self._stage(block, width, layers[0], 1)
        self.layer2 = self._stage(block, 2 * width, layers[1], 2)
        self.layer3 = self._stage(block, 4 * width, layers[2], 2)
        self.layer4 = self._stage(block, 8 * width, layers[3], 2)
        self.avgpool = nn.AdaptiveAvgPool2d((1, 1))
        self.fc = nn.Linear(self.inplanes, num_classes)

    def _stage(self, block, planes, n, stride):
        blocks = []
        for i in range(n):
            blocks.append(block(self.inplanes, planes, stride if i == 0 else 1))
            self.inplanes = planes * block.expansion
        return nn.Sequential(*blocks)

    def forward(self, x):
        x = self.maxpool(self.relu(self.bn1(self.conv1(x))))
        x = self.layer4(self.layer3(self.layer2(self.layer1(x))))
        return self.fc(torch.flatten(self.avgpool(x), 1))


x = torch.randn(2, 4, 9, 8)
case("conv_stride_pad", nn.Conv2d(4, 6, 3, stride=2, padding=1), x, True)
case("conv_dilation_groups", nn.Conv2d(4, 6, (3, 2), padding=(2, 1), dilation=2, groups=2), x, True)
case("conv_depthwise", nn.Conv2d(4, 8, 3, stride=(1, 2), padding=1, groups=4, bias=False), x, True)
case("bn_train", nn.BatchNorm2d(4, momentum=0.2), x, True)
case("bn_eval", nn.BatchNorm2d(4), x, False)
case("maxpool", nn.MaxPool2d(3, 2, 1), x, True)
case("avgpool", nn.AvgPool2d(3, 2, 1), x, True)
case("adaptive_avgpool", nn.AdaptiveAvgPool2d((4, 3)), x, True)
xb = torch.randn(2, 16, 6, 6)
for mode, train in (("train", True), ("eval", False)):
    case(f"bottleneck_down_{mode}", Bottleneck(16, 8, 2), xb, train)
    case(f"bottleneck_id_{mode}", Bottleneck(16, 4, 1), xb, train)
    case(f"basic_block_{mode}", BasicBlock(16, 8, 2), xb, train)
    case(f"small_resnet_{mode}", ResNet(BasicBlock, [1, 1, 1, 1], 5, 4, 1), torch.randn(8, 1, 28, 28), train)
    case(f"small_resnet50_{mode}", ResNet(Bottleneck, [1, 1, 1, 1], 3, 4, 3), torch.randn(8, 3, 32, 32), train)
