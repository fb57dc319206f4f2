"""Simplified Chinese for Earshot's interface: fills translations/earshot_zh_CN.ts.

Run after `pyside6-lupdate` has added new source texts (see `make translations`);
texts without an entry here stay marked unfinished in the .ts file.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

ZH_CN = {
    "Settings file set aside": "设置文件已移到一旁",
    "&View": "视图(&V)",
    "Subtitle Rule &Breaks": "字幕规则问题(&B)",
    "A tinted time: its subtitles would still break the rules after re-flow (hover for why).":
        "时间带底色：重新排版后其字幕仍违反规则（悬停查看原因）。",
    "After re-flow for export, its subtitles would still break a rule:": "导出重新排版后，其字幕仍会违反规则：",
    "Reading {name}…": "正在读取 {name}…",
    "Looking in the system keyring…": "正在查看系统密钥环…",
    "Saving…": "正在保存…",
    "Advanced Recognition Options": "高级识别选项",
    "Names, terms and spelling to expect": "预期出现的人名、术语和拼写",
    "Words to favour, separated by spaces": "优先识别的词，用空格分隔",
    "Larger is a little more accurate and slower.": "数值越大越准确，但也越慢。",
    "Automatic": "自动",
    "Initial &prompt": "初始提示(&P)",
    "&Hot words": "热词(&H)",
    "&Beam size": "束搜索宽度(&B)",
    "CPU &threads": "CPU 线程数(&T)",
    "&Language: detect per passage": "语言：逐段检测(&L)",
    "Language: detect per passage": "语言：逐段检测",
    "With the language on automatic, each passage is recognised in its own language.":
        "语言设为自动检测时，每一段按其自身的语言识别。",
    "&Fast mode for long files": "长文件快速模式(&F)",
    "Fast mode for long files": "长文件快速模式",
    "Recognises several passages at once: quicker on long recordings, but each passage without the text before it, "
    "so a little less accurate. Local models only.":
        "同时识别多个段落：长录音更快，但每段不参考前文，因此准确度略低。仅适用于本地模型。",
    "Reading audio": "正在读取音频",
    "Loading model": "正在加载模型",
    "Recognising speech": "正在识别语音",
    "Export": "导出",
    "Custom": "自定义",
    " characters": " 个字符",
    " lines": " 行",
    " per second": " 每秒",
    " s": " 秒",
    " ms": " 毫秒",
    "Format": "格式",
    "Subtitle rules": "字幕规则",
    "Profile": "配置",
    "Line length": "每行长度",
    "Lines per cue": "每条字幕行数",
    "Reading speed": "阅读速度",
    "Shortest cue": "最短字幕",
    "Longest cue": "最长字幕",
    "Gap between cues": "字幕间隔",
    "Change any value for a custom profile.": "修改任一数值即成为自定义配置。",
    "Time": "时间",
    "Cue": "字幕",
    "Rule broken": "违反的规则",
    "Save…": "保存…",
    "{count} segments, written as they are; subtitle rules apply to SRT, WebVTT and ASS.":
        "{count} 个片段，按原样写出；字幕规则只适用于 SRT、WebVTT 和 ASS。",
    "{count} cues; every cue keeps the rules.": "{count} 条字幕，全部符合规则。",
    "{breaking} of {count} cues still break a rule: {reasons}.":
        "{count} 条字幕中仍有 {breaking} 条违反规则：{reasons}。",
    "Export Transcript": "导出文字稿",
    "Cancel": "取消",
    "{percent} · {left} left": "{percent} · 剩余 {left}",
    "Earshot": "Earshot",
    "Open an audio or video file to begin.": "打开一个音频或视频文件即可开始。",
    "&Open…": "打开(&O)…",
    "&Save Transcript As…": "文字稿另存为(&S)…",
    "&Export…": "导出(&E)…",
    "&Import Subtitles…": "导入字幕(&I)…",
    "&Quit": "退出(&Q)",
    "&Transcribe": "转写(&T)",
    "&Cancel": "取消(&C)",
    "&Word Timestamps": "逐词时间戳(&W)",
    "Skip &Silence (Voice Activity Filter)": "跳过静音（语音活动检测）(&S)",
    "Simplified Chinese": "简体中文",
    "Traditional Chinese": "繁体中文",
    "As Recognised": "保持识别结果",
    "&File": "文件(&F)",
    "&Transcription": "转写(&T)",
    "&Advanced Options…": "高级选项(&A)…",
    "&Remote Services…": "远程服务(&R)…",
    "Chinese &Output": "中文输出(&O)",
    "&Help": "帮助(&H)",
    "&About Earshot": "关于 Earshot(&A)",
    "Main": "主工具栏",
    "Drop an audio or video file here\nor choose File ▸ Open (Ctrl+O)":
        "把音频或视频文件拖到这里\n或选择 文件 ▸ 打开 (Ctrl+O)",
    "Open Audio or Video": "打开音频或视频",
    "Audio and video ({patterns});;All files (*)": "音频和视频 ({patterns});;所有文件 (*)",
    "Wait for the transcription to finish, or cancel it.": "请等待转写完成，或取消转写。",
    "Press Transcribe to recognise the speech.": "按“转写”开始识别语音。",
    "Save Transcript": "保存文字稿",
    "Import Subtitles": "导入字幕",
    "Subtitles and transcripts ({patterns})": "字幕和文字稿 ({patterns})",
    "Imported {name}": "已导入 {name}",
    "Saved {name}": "已保存 {name}",
    "Starting…": "正在开始…",
    "Transcribed {count} segments.": "已转写 {count} 个片段。",
    "No speech was found in this file.": "这个文件里没有找到语音。",
    "Transcription failed.": "转写失败。",
    "Transcription cancelled.": "转写已取消。",
    "No file open": "未打开文件",
    "Earshot {version}: speech to editable transcripts and subtitles.":
        "Earshot {version}：把语音变成可编辑的文字稿和字幕。",
    "Remote Services": "远程服务",
    "Add": "添加",
    "Remove": "删除",
    "Name": "名称",
    "Service": "服务",
    "Address": "地址",
    "Model": "模型",
    "API key": "API 密钥",
    "Options (JSON)": "选项 (JSON)",
    "CA certificate": "CA 证书",
    "CA certificate file": "CA 证书文件",
    "Optional: a company's certificate authority (PEM)": "可选：公司自己的证书颁发机构 (PEM)",
    "Choose…": "选择…",
    "Choose a CA certificate file": "选择 CA 证书文件",
    "Certificates (*.pem *.crt *.cer)": "证书 (*.pem *.crt *.cer)",
    "All files (*)": "所有文件 (*)",
    "Test Connection": "测试连接",
    "Save": "保存",
    "(the service's default)": "（服务默认）",
    "Saved in the system keyring": "已保存在系统密钥环中",
    "Not set: type a key to save it": "未设置：输入密钥即可保存",
    "Saved “{name}”.": "已保存“{name}”。",
    "Testing the connection…": "正在测试连接…",
    "Remote service {n}": "远程服务 {n}",
    "Text": "文本",
    "Detect automatically": "自动检测",
    "Transcribe": "转写",
    "Translate to English": "翻译成英文",
    "Channel": "声道",
    "Language": "语言",
    "Task": "任务",
    "All (mixed)": "全部（混合）",
    "Left": "左声道",
    "Right": "右声道",
    "Channel {n}": "声道 {n}",
    "Tiny, English only (fast)": "Tiny，仅英文（快）",
    "Base, multilingual (translates)": "Base，多语言（可翻译）",
    "Options": "选项",
    "Upload limit": "上传上限",
    " MB": " MB",
    "Temperature": "温度",
    "Fetch providers": "获取服务商",
    "Fetch the model's providers from the Hub": "从 Hub 获取该模型的推理服务商",
    "Provider": "推理服务商",
    "Timestamps": "时间戳",
    "Hub address": "Hub 地址",
    "Silence between sentences": "句间静音",
    "Service default": "服务默认",
    "Longest piece": "最长分段",
    "Pieces at once": "同时发送的分段数",
    "Language hints": "语言提示",
    "e.g. zh, en": "例如 zh, en",
    "Remove filler words": "去除语气词",
    "Tell speakers apart": "区分说话人",
    "Speakers": "说话人数",
    "Connect timeout": "连接超时",
    "Answer timeout": "应答超时",
    "Advanced (JSON)": "高级 (JSON)",
    "Advanced options as JSON": "以 JSON 填写的高级选项",
    "Asking the Hub who serves the model…": "正在向 Hub 查询哪些服务商提供该模型…",
    "none": "无",
    "The Hub lists: {providers}": "Hub 列出：{providers}",
    "Automatic (first live provider)": "自动（第一个在线的服务商）",
    # playback
    "Play": "播放",
    "Pause": "暂停",
    "Play/Pause": "播放/暂停",
    "Back 5 Seconds": "后退 5 秒",
    "Forward 5 Seconds": "前进 5 秒",
    "Slower": "减速",
    "Faster": "加速",
    "Loop Segment": "循环播放本段",
    "Follow Playback": "跟随播放",
    "{action} ({shortcut})": "{action}（{shortcut}）",
    "Position": "播放位置",
    "Position (Alt+Left, Alt+Right: 5 seconds back or forward)": "播放位置（Alt+Left、Alt+Right：后退或前进 5 秒）",
    "Speed": "速度",
    "Speed (Ctrl+Up: faster, Ctrl+Down: slower)": "速度（Ctrl+Up：加速，Ctrl+Down：减速）",
    "Volume": "音量",
    "Video": "视频",
    "Waveform": "波形",
    "Click to seek, drag a segment's edge to retime it, Ctrl+wheel to zoom":
        "单击跳转，拖动片段边缘调整时间，Ctrl+滚轮缩放",
    "Drawing the waveform… {percent} %": "正在绘制波形… {percent} %",
    "The waveform could not be drawn.": "无法绘制波形。",
    "Cannot play “{name}”: the file does not exist.": "无法播放“{name}”：文件不存在。",
    "Cannot play “{name}”: it is not a media file this app can play.": "无法播放“{name}”：本应用无法播放此媒体文件。",
}


def fill(ts_path: Path) -> tuple[int, int]:
    tree = ElementTree.parse(ts_path)
    done = missing = 0
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            continue
        if source in ZH_CN:
            translation.text = ZH_CN[source]
            translation.attrib.pop("type", None)
            done += 1
        else:
            missing += 1
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)
    return done, missing


if __name__ == "__main__":
    translated, untranslated = fill(Path(sys.argv[1]))
    print(f"{translated} translated, {untranslated} still to translate")
