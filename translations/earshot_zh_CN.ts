<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AdvancedOptionsDialog</name>
    <message>
        <source>Advanced Recognition Options</source>
        <translation>高级识别选项</translation>
    </message>
    <message>
        <source>Names, terms and spelling to expect</source>
        <translation>预期出现的人名、术语和拼写</translation>
    </message>
    <message>
        <source>Words to favour, separated by spaces</source>
        <translation>优先识别的词，用空格分隔</translation>
    </message>
    <message>
        <source>Larger is a little more accurate and slower.</source>
        <translation>数值越大越准确，但也越慢。</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Initial &amp;prompt</source>
        <translation>初始提示(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Hot words</source>
        <translation>热词(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Beam size</source>
        <translation>束搜索宽度(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Language: detect per passage</source>
        <translation>语言：逐段检测(&amp;L)</translation>
    </message>
    <message>
        <source>Language: detect per passage</source>
        <translation>语言：逐段检测</translation>
    </message>
    <message>
        <source>With the language on automatic, each passage is recognised in its own language.</source>
        <translation>语言设为自动检测时，每一段按其自身的语言识别。</translation>
    </message>
    <message>
        <source>CPU &amp;threads</source>
        <translation>CPU 线程数(&amp;T)</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>Earshot</source>
        <translation>Earshot</translation>
    </message>
    <message>
        <source>Settings file set aside</source>
        <translation>设置文件已移到一旁</translation>
    </message>
</context>
<context>
    <name>EngineStatus</name>
    <message>
        <source>Reading audio</source>
        <translation>正在读取音频</translation>
    </message>
    <message>
        <source>Loading model</source>
        <translation>正在加载模型</translation>
    </message>
    <message>
        <source>Recognising speech</source>
        <translation>正在识别语音</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source> characters</source>
        <translation> 个字符</translation>
    </message>
    <message>
        <source> lines</source>
        <translation> 行</translation>
    </message>
    <message>
        <source> per second</source>
        <translation> 每秒</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> 毫秒</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Subtitle rules</source>
        <translation>字幕规则</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>配置</translation>
    </message>
    <message>
        <source>Line length</source>
        <translation>每行长度</translation>
    </message>
    <message>
        <source>Lines per cue</source>
        <translation>每条字幕行数</translation>
    </message>
    <message>
        <source>Reading speed</source>
        <translation>阅读速度</translation>
    </message>
    <message>
        <source>Shortest cue</source>
        <translation>最短字幕</translation>
    </message>
    <message>
        <source>Longest cue</source>
        <translation>最长字幕</translation>
    </message>
    <message>
        <source>Gap between cues</source>
        <translation>字幕间隔</translation>
    </message>
    <message>
        <source>Change any value for a custom profile.</source>
        <translation>修改任一数值即成为自定义配置。</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Cue</source>
        <translation>字幕</translation>
    </message>
    <message>
        <source>Rule broken</source>
        <translation>违反的规则</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <source>{count} segments, written as they are; subtitle rules apply to SRT, WebVTT and ASS.</source>
        <translation>{count} 个片段，按原样写出；字幕规则只适用于 SRT、WebVTT 和 ASS。</translation>
    </message>
    <message>
        <source>{count} cues; every cue keeps the rules.</source>
        <translation>{count} 条字幕，全部符合规则。</translation>
    </message>
    <message>
        <source>{breaking} of {count} cues still break a rule: {reasons}.</source>
        <translation>{count} 条字幕中仍有 {breaking} 条违反规则：{reasons}。</translation>
    </message>
    <message>
        <source>Export Transcript</source>
        <translation>导出文字稿</translation>
    </message>
</context>
<context>
    <name>FileController</name>
    <message>
        <source>Open Audio or Video</source>
        <translation>打开音频或视频</translation>
    </message>
    <message>
        <source>Audio and video ({patterns});;All files (*)</source>
        <translation>音频和视频 ({patterns});;所有文件 (*)</translation>
    </message>
    <message>
        <source>Wait for the transcription to finish, or cancel it.</source>
        <translation>请等待转写完成，或取消转写。</translation>
    </message>
    <message>
        <source>Import Subtitles</source>
        <translation>导入字幕</translation>
    </message>
    <message>
        <source>Subtitles and transcripts ({patterns})</source>
        <translation>字幕和文字稿 ({patterns})</translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation>正在读取 {name}…</translation>
    </message>
    <message>
        <source>Imported {name}</source>
        <translation>已导入 {name}</translation>
    </message>
    <message>
        <source>Save Transcript</source>
        <translation>保存文字稿</translation>
    </message>
    <message>
        <source>Saved {name}</source>
        <translation>已保存 {name}</translation>
    </message>
</context>
<context>
    <name>JobProgressPanel</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>{percent} · {left} left</source>
        <translation>{percent} · 剩余 {left}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Earshot</source>
        <translation>Earshot</translation>
    </message>
    <message>
        <source>Open an audio or video file to begin.</source>
        <translation>打开一个音频或视频文件即可开始。</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Save Transcript As…</source>
        <translation>文字稿另存为(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Import Subtitles…</source>
        <translation>导入字幕(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Transcribe</source>
        <translation>转写(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <source>Subtitle Rule &amp;Breaks</source>
        <translation>字幕规则问题(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Word Timestamps</source>
        <translation>逐词时间戳(&amp;W)</translation>
    </message>
    <message>
        <source>Skip &amp;Silence (Voice Activity Filter)</source>
        <translation>跳过静音（语音活动检测）(&amp;S)</translation>
    </message>
    <message>
        <source>Simplified Chinese</source>
        <translation>简体中文</translation>
    </message>
    <message>
        <source>Traditional Chinese</source>
        <translation>繁体中文</translation>
    </message>
    <message>
        <source>As Recognised</source>
        <translation>保持识别结果</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Transcription</source>
        <translation>转写(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Advanced Options…</source>
        <translation>高级选项(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Remote Services…</source>
        <translation>远程服务(&amp;R)…</translation>
    </message>
    <message>
        <source>Chinese &amp;Output</source>
        <translation>中文输出(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Earshot</source>
        <translation>关于 Earshot(&amp;A)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Drop an audio or video file here
or choose File ▸ Open (Ctrl+O)</source>
        <translation>把音频或视频文件拖到这里
或选择 文件 ▸ 打开 (Ctrl+O)</translation>
    </message>
    <message>
        <source>Press Transcribe to recognise the speech.</source>
        <translation>按“转写”开始识别语音。</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在开始…</translation>
    </message>
    <message>
        <source>Transcribed {count} segments.</source>
        <translation>已转写 {count} 个片段。</translation>
    </message>
    <message>
        <source>No speech was found in this file.</source>
        <translation>这个文件里没有找到语音。</translation>
    </message>
    <message>
        <source>Transcription failed.</source>
        <translation>转写失败。</translation>
    </message>
    <message>
        <source>Transcription cancelled.</source>
        <translation>转写已取消。</translation>
    </message>
    <message>
        <source>A tinted time: its subtitles would still break the rules after re-flow (hover for why).</source>
        <translation>时间带底色：重新排版后其字幕仍违反规则（悬停查看原因）。</translation>
    </message>
    <message>
        <source>No file open</source>
        <translation>未打开文件</translation>
    </message>
    <message>
        <source>Earshot {version}: speech to editable transcripts and subtitles.</source>
        <translation>Earshot {version}：把语音变成可编辑的文字稿和字幕。</translation>
    </message>
</context>
<context>
    <name>PeaksLoader</name>
    <message>
        <source>The waveform could not be drawn.</source>
        <translation>无法绘制波形。</translation>
    </message>
</context>
<context>
    <name>PlaybackActions</name>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Play/Pause</source>
        <translation>播放/暂停</translation>
    </message>
    <message>
        <source>Back 5 Seconds</source>
        <translation>后退 5 秒</translation>
    </message>
    <message>
        <source>Forward 5 Seconds</source>
        <translation>前进 5 秒</translation>
    </message>
    <message>
        <source>Slower</source>
        <translation>减速</translation>
    </message>
    <message>
        <source>Faster</source>
        <translation>加速</translation>
    </message>
    <message>
        <source>Loop Segment</source>
        <translation>循环播放本段</translation>
    </message>
    <message>
        <source>Follow Playback</source>
        <translation>跟随播放</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>{action} ({shortcut})</source>
        <translation>{action}（{shortcut}）</translation>
    </message>
</context>
<context>
    <name>PlaybackController</name>
    <message>
        <source>Cannot play “{name}”: the file does not exist.</source>
        <translation>无法播放“{name}”：文件不存在。</translation>
    </message>
    <message>
        <source>Cannot play “{name}”: it is not a media file this app can play.</source>
        <translation>无法播放“{name}”：本应用无法播放此媒体文件。</translation>
    </message>
</context>
<context>
    <name>RemoteProfilesDialog</name>
    <message>
        <source>Remote Services</source>
        <translation>远程服务</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>CA 证书</translation>
    </message>
    <message>
        <source>CA certificate file</source>
        <translation>CA 证书文件</translation>
    </message>
    <message>
        <source>Optional: a company's certificate authority (PEM)</source>
        <translation>可选：公司自己的证书颁发机构 (PEM)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Choose a CA certificate file</source>
        <translation>选择 CA 证书文件</translation>
    </message>
    <message>
        <source>Test Connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>(the service's default)</source>
        <translation>（服务默认）</translation>
    </message>
    <message>
        <source>Looking in the system keyring…</source>
        <translation>正在查看系统密钥环…</translation>
    </message>
    <message>
        <source>Saved in the system keyring</source>
        <translation>已保存在系统密钥环中</translation>
    </message>
    <message>
        <source>Not set: type a key to save it</source>
        <translation>未设置：输入密钥即可保存</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Saved “{name}”.</source>
        <translation>已保存“{name}”。</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer)</source>
        <translation>证书 (*.pem *.crt *.cer)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Testing the connection…</source>
        <translation>正在测试连接…</translation>
    </message>
    <message>
        <source>Remote service {n}</source>
        <translation>远程服务 {n}</translation>
    </message>
</context>
<context>
    <name>ServiceOptionsForm</name>
    <message>
        <source>Upload limit</source>
        <translation>上传上限</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <source>Fetch providers</source>
        <translation>获取服务商</translation>
    </message>
    <message>
        <source>Fetch the model's providers from the Hub</source>
        <translation>从 Hub 获取该模型的推理服务商</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>推理服务商</translation>
    </message>
    <message>
        <source>Timestamps</source>
        <translation>时间戳</translation>
    </message>
    <message>
        <source>Hub address</source>
        <translation>Hub 地址</translation>
    </message>
    <message>
        <source>Silence between sentences</source>
        <translation>句间静音</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> 毫秒</translation>
    </message>
    <message>
        <source>Service default</source>
        <translation>服务默认</translation>
    </message>
    <message>
        <source>Longest piece</source>
        <translation>最长分段</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Pieces at once</source>
        <translation>同时发送的分段数</translation>
    </message>
    <message>
        <source>Language hints</source>
        <translation>语言提示</translation>
    </message>
    <message>
        <source>e.g. zh, en</source>
        <translation>例如 zh, en</translation>
    </message>
    <message>
        <source>Remove filler words</source>
        <translation>去除语气词</translation>
    </message>
    <message>
        <source>Tell speakers apart</source>
        <translation>区分说话人</translation>
    </message>
    <message>
        <source>Speakers</source>
        <translation>说话人数</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Connect timeout</source>
        <translation>连接超时</translation>
    </message>
    <message>
        <source>Answer timeout</source>
        <translation>应答超时</translation>
    </message>
    <message>
        <source>Advanced (JSON)</source>
        <translation>高级 (JSON)</translation>
    </message>
    <message>
        <source>Advanced options as JSON</source>
        <translation>以 JSON 填写的高级选项</translation>
    </message>
    <message>
        <source>Asking the Hub who serves the model…</source>
        <translation>正在向 Hub 查询哪些服务商提供该模型…</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>The Hub lists: {providers}</source>
        <translation>Hub 列出：{providers}</translation>
    </message>
    <message>
        <source>Automatic (first live provider)</source>
        <translation>自动（第一个在线的服务商）</translation>
    </message>
</context>
<context>
    <name>TranscriptTableModel</name>
    <message>
        <source>After re-flow for export, its subtitles would still break a rule:</source>
        <translation>导出重新排版后，其字幕仍会违反规则：</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
</context>
<context>
    <name>TranscriptionOptionsBar</name>
    <message>
        <source>Base, multilingual (translates)</source>
        <translation>Base，多语言（可翻译）</translation>
    </message>
    <message>
        <source>Tiny, English only (fast)</source>
        <translation>Tiny，仅英文（快）</translation>
    </message>
    <message>
        <source>Detect automatically</source>
        <translation>自动检测</translation>
    </message>
    <message>
        <source>Transcribe</source>
        <translation>转写</translation>
    </message>
    <message>
        <source>Translate to English</source>
        <translation>翻译成英文</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>声道</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>All (mixed)</source>
        <translation>全部（混合）</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>左声道</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>右声道</translation>
    </message>
    <message>
        <source>Channel {n}</source>
        <translation>声道 {n}</translation>
    </message>
</context>
<context>
    <name>TransportBar</name>
    <message>
        <source>Position</source>
        <translation>播放位置</translation>
    </message>
    <message>
        <source>Position (Alt+Left, Alt+Right: 5 seconds back or forward)</source>
        <translation>播放位置（Alt+Left、Alt+Right：后退或前进 5 秒）</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>Speed (Ctrl+Up: faster, Ctrl+Down: slower)</source>
        <translation>速度（Ctrl+Up：加速，Ctrl+Down：减速）</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>音量</translation>
    </message>
</context>
<context>
    <name>VideoPane</name>
    <message>
        <source>Video</source>
        <translation>视频</translation>
    </message>
</context>
<context>
    <name>WaveformView</name>
    <message>
        <source>Waveform</source>
        <translation>波形</translation>
    </message>
    <message>
        <source>Click to seek, drag a segment's edge to retime it, Ctrl+wheel to zoom</source>
        <translation>单击跳转，拖动片段边缘调整时间，Ctrl+滚轮缩放</translation>
    </message>
    <message>
        <source>Drawing the waveform… {percent} %</source>
        <translation>正在绘制波形… {percent} %</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <source>Earshot</source>
        <translation>Earshot</translation>
    </message>
</context>
</TS>