<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutBox</name>
    <message>
        <source>About Earshot</source>
        <translation>关于 Earshot</translation>
    </message>
    <message>
        <source>Earshot {version}: speech to editable transcripts and subtitles.</source>
        <translation>Earshot {version}：把语音变成可编辑的文字稿和字幕。</translation>
    </message>
    <message>
        <source>Speakers are told apart with {credit}.</source>
        <translation>区分说话人使用的是 {credit}。</translation>
    </message>
</context>
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
    <message>
        <source>&amp;Fast mode for long files</source>
        <translation>长文件快速模式(&amp;F)</translation>
    </message>
    <message>
        <source>Fast mode for long files</source>
        <translation>长文件快速模式</translation>
    </message>
    <message>
        <source>Recognises several passages at once: quicker on long recordings, but each passage without the text before it, so a little less accurate. Local models only.</source>
        <translation>同时识别多个段落：长录音更快，但每段不参考前文，因此准确度略低。仅适用于本地模型。</translation>
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
    <name>AssignSpeakerDialog</name>
    <message>
        <source>Assign Speaker</source>
        <translation>指定说话人</translation>
    </message>
    <message>
        <source>Speaker name</source>
        <translation>说话人名称</translation>
    </message>
    <message>
        <source>A new or existing name</source>
        <translation>新名称或已有名称</translation>
    </message>
    <message>
        <source>&amp;Speaker</source>
        <translation>说话人(&amp;S)</translation>
    </message>
</context>
<context>
    <name>BatchActions</name>
    <message>
        <source>Add Files to &amp;Batch…</source>
        <translation>添加文件到批处理(&amp;B)…</translation>
    </message>
    <message>
        <source>Add media files to the batch queue</source>
        <translation>将媒体文件添加到批处理队列</translation>
    </message>
    <message>
        <source>Add &amp;Folder to Batch…</source>
        <translation>添加文件夹到批处理(&amp;F)…</translation>
    </message>
    <message>
        <source>Add every audio and video file in a folder and its subfolders</source>
        <translation>添加文件夹及其子文件夹中的所有音频和视频文件</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Start no new file; the files running finish (press again to resume)</source>
        <translation>不再开始新文件；正在运行的文件会完成（再按一次继续）</translation>
    </message>
    <message>
        <source>Cancel All</source>
        <translation>全部取消</translation>
    </message>
    <message>
        <source>Cancel every file waiting or running</source>
        <translation>取消所有等待中或运行中的文件</translation>
    </message>
    <message>
        <source>Retry Failed</source>
        <translation>重试失败项</translation>
    </message>
    <message>
        <source>Put every failed or cancelled file back in the queue</source>
        <translation>将所有失败或已取消的文件放回队列</translation>
    </message>
    <message>
        <source>Auto-Export…</source>
        <translation>自动导出…</translation>
    </message>
    <message>
        <source>Export each finished file to chosen formats and folder</source>
        <translation>将每个完成的文件导出为所选格式到所选文件夹</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>Open the finished transcript as a document</source>
        <translation>将完成的转写作为文档打开</translation>
    </message>
    <message>
        <source>O&amp;ptions…</source>
        <translation>选项(&amp;P)…</translation>
    </message>
    <message>
        <source>Model, language and task of these files</source>
        <translation>这些文件的模型、语言和任务</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <source>Cancel the selected files</source>
        <translation>取消所选文件</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>重试(&amp;R)</translation>
    </message>
    <message>
        <source>Run the selected files again</source>
        <translation>重新运行所选文件</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>移除(&amp;M)</translation>
    </message>
    <message>
        <source>Take the selected files out of the queue</source>
        <translation>将所选文件移出队列</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
</context>
<context>
    <name>BatchAdding</name>
    <message>
        <source>Add Files to Batch</source>
        <translation>添加文件到批处理</translation>
    </message>
    <message>
        <source>Audio and video ({patterns})</source>
        <translation>音频和视频 ({patterns})</translation>
    </message>
    <message>
        <source>Add Folder to Batch</source>
        <translation>添加文件夹到批处理</translation>
    </message>
    <message>
        <source>Looking for audio and video files…</source>
        <translation>正在查找音频和视频文件…</translation>
    </message>
    <message>
        <source>No audio or video files there.</source>
        <translation>那里没有音频或视频文件。</translation>
    </message>
    <message>
        <source>“{folder}” and its subfolders</source>
        <translation>“{folder}”及其子文件夹</translation>
    </message>
    <message>
        <source>{count} folders</source>
        <translation>{count} 个文件夹</translation>
    </message>
    <message>
        <source>Add to Batch</source>
        <translation>添加到批处理</translation>
    </message>
    <message>
        <source>Add {count} audio and video files from {where} to the batch queue?</source>
        <translation>将来自{where}的 {count} 个音频和视频文件添加到批处理队列？</translation>
    </message>
    <message>
        <source>Add files to the batch</source>
        <translation>添加文件到批处理</translation>
    </message>
    <message>
        <source>&amp;Add {count} Files</source>
        <translation>添加 {count} 个文件(&amp;A)</translation>
    </message>
</context>
<context>
    <name>BatchController</name>
    <message>
        <source>{done} of {total} done</source>
        <translation>已完成 {done}/{total}</translation>
    </message>
    <message>
        <source> · {failed} failed</source>
        <translation> · {failed} 个失败</translation>
    </message>
    <message>
        <source> · paused</source>
        <translation> · 已暂停</translation>
    </message>
    <message>
        <source>Add files, a folder, or drop them here.</source>
        <translation>添加文件、文件夹，或将它们拖放到这里。</translation>
    </message>
</context>
<context>
    <name>BatchExportDialog</name>
    <message>
        <source>Batch Auto-Export</source>
        <translation>批处理自动导出</translation>
    </message>
    <message>
        <source>Export each finished file</source>
        <translation>导出每个完成的文件</translation>
    </message>
    <message>
        <source>Formats to export</source>
        <translation>要导出的格式</translation>
    </message>
    <message>
        <source>&amp;Beside each file</source>
        <translation>放在每个文件旁边(&amp;B)</translation>
    </message>
    <message>
        <source>In this &amp;folder:</source>
        <translation>放在此文件夹(&amp;F)：</translation>
    </message>
    <message>
        <source>Export folder</source>
        <translation>导出文件夹</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>选择(&amp;H)…</translation>
    </message>
    <message>
        <source>Choose the export folder</source>
        <translation>选择导出文件夹</translation>
    </message>
    <message>
        <source>Subtitle rules</source>
        <translation>字幕规则</translation>
    </message>
    <message>
        <source>As chosen in the Export dialog</source>
        <translation>与导出对话框中所选相同</translation>
    </message>
    <message>
        <source>None: cues as recognised</source>
        <translation>无：字幕保持识别原样</translation>
    </message>
    <message>
        <source>Subtitle &amp;rules</source>
        <translation>字幕规则(&amp;R)</translation>
    </message>
    <message>
        <source>Export Folder</source>
        <translation>导出文件夹</translation>
    </message>
</context>
<context>
    <name>BatchPanel</name>
    <message>
        <source>Batch Queue</source>
        <translation>批处理队列</translation>
    </message>
    <message>
        <source>Batch queue</source>
        <translation>批处理队列</translation>
    </message>
    <message>
        <source>Batch summary</source>
        <translation>批处理摘要</translation>
    </message>
    <message>
        <source>Files in the batch queue</source>
        <translation>批处理队列中的文件</translation>
    </message>
    <message>
        <source>Batch queue columns</source>
        <translation>批量队列的列</translation>
    </message>
</context>
<context>
    <name>BatchResults</name>
    <message>
        <source>Files Already There</source>
        <translation>文件已存在</translation>
    </message>
    <message>
        <source>“{name}” is already there. What should this batch do with exported files that already exist?</source>
        <translation>“{name}”已存在。此批处理应如何处理已存在的导出文件？</translation>
    </message>
    <message>
        <source>Exported files already there</source>
        <translation>导出文件已存在</translation>
    </message>
    <message>
        <source>The answer holds for every file of this batch.</source>
        <translation>此回答适用于此批处理中的每个文件。</translation>
    </message>
    <message>
        <source>&amp;Rename the New Ones</source>
        <translation>重命名新文件(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Skip Them</source>
        <translation>跳过它们(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Overwrite</source>
        <translation>覆盖(&amp;O)</translation>
    </message>
</context>
<context>
    <name>BatchTableModel</name>
    <message>
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
</context>
<context>
    <name>Document</name>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>Wait for the transcription to finish, or cancel it, before editing.</source>
        <translation>请等转写完成或取消转写后再编辑。</translation>
    </message>
</context>
<context>
    <name>EditActions</name>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Split Segment at Cursor</source>
        <translation>在光标处拆分片段(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Merge with Next</source>
        <translation>与下一段合并(&amp;M)</translation>
    </message>
    <message>
        <source>Merge with &amp;Previous</source>
        <translation>与上一段合并(&amp;P)</translation>
    </message>
    <message>
        <source>Insert Segment &amp;Before</source>
        <translation>在前面插入片段(&amp;B)</translation>
    </message>
    <message>
        <source>Insert Segment &amp;After</source>
        <translation>在后面插入片段(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Delete Segments</source>
        <translation>删除片段(&amp;D)</translation>
    </message>
    <message>
        <source>Shift &amp;Times…</source>
        <translation>平移时间(&amp;T)…</translation>
    </message>
    <message>
        <source>Assign S&amp;peaker…</source>
        <translation>指定说话人(&amp;P)…</translation>
    </message>
    <message>
        <source>Re&amp;name Speaker…</source>
        <translation>重命名说话人(&amp;N)…</translation>
    </message>
    <message>
        <source>To split a segment, edit its text (Enter), put the cursor where to cut, then press Ctrl+Shift+S.</source>
        <translation>要拆分片段，请编辑其文本（Enter），把光标放在要切开的位置，然后按 Ctrl+Shift+S。</translation>
    </message>
    <message>
        <source>No segment has a speaker yet; assign one first (Ctrl+Shift+A).</source>
        <translation>还没有片段有说话人；请先指定一个（Ctrl+Shift+A）。</translation>
    </message>
</context>
<context>
    <name>EditTexts</name>
    <message>
        <source>Edit Text</source>
        <translation>编辑文本</translation>
    </message>
    <message>
        <source>Split Segment</source>
        <translation>拆分片段</translation>
    </message>
    <message>
        <source>Merge Segments</source>
        <translation>合并片段</translation>
    </message>
    <message>
        <source>Insert Segment</source>
        <translation>插入片段</translation>
    </message>
    <message>
        <source>Delete Segment</source>
        <translation>删除片段</translation>
    </message>
    <message>
        <source>Delete Segments</source>
        <translation>删除片段</translation>
    </message>
    <message>
        <source>Set Times</source>
        <translation>设置时间</translation>
    </message>
    <message>
        <source>Shift Times</source>
        <translation>平移时间</translation>
    </message>
    <message>
        <source>Assign Speaker</source>
        <translation>指定说话人</translation>
    </message>
    <message>
        <source>Rename Speaker</source>
        <translation>重命名说话人</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <source>Replace All</source>
        <translation>全部替换</translation>
    </message>
    <message>
        <source>Replace Transcript</source>
        <translation>替换转写稿</translation>
    </message>
    <message>
        <source>Re-transcribe Passage</source>
        <translation>重新转写段落</translation>
    </message>
    <message>
        <source>Identify Speakers</source>
        <translation>识别说话人</translation>
    </message>
    <message>
        <source>Change Speaker Count</source>
        <translation>更改说话人数</translation>
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
        <source>Save Transcript</source>
        <translation>保存文字稿</translation>
    </message>
    <message>
        <source>Saved {name}</source>
        <translation>已保存 {name}</translation>
    </message>
</context>
<context>
    <name>FindReplaceBar</name>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Replace with</source>
        <translation>替换为</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>查找(&amp;F)：</translation>
    </message>
    <message>
        <source>Re&amp;place:</source>
        <translation>替换(&amp;P)：</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>上一个</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation>上一个匹配（Shift+Enter）</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一个</translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation>下一个匹配（Enter）</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>匹配数</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <source>Replace this match</source>
        <translation>替换此匹配</translation>
    </message>
    <message>
        <source>Replace All</source>
        <translation>全部替换</translation>
    </message>
    <message>
        <source>Replace every match (one undo step)</source>
        <translation>替换全部匹配（一步撤销）</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>区分大小写</translation>
    </message>
    <message>
        <source>Whole words</source>
        <translation>全词匹配</translation>
    </message>
    <message>
        <source>Regular expression</source>
        <translation>正则表达式</translation>
    </message>
    <message>
        <source>Python regular expressions; \1 or \g&lt;name&gt; in the replacement.</source>
        <translation>Python 正则表达式；替换文本中可用 \1 或 \g&lt;name&gt;。</translation>
    </message>
    <message>
        <source>Speaker names</source>
        <translation>说话人名称</translation>
    </message>
    <message>
        <source>Search the speakers' names too.</source>
        <translation>同时搜索说话人名称。</translation>
    </message>
    <message>
        <source>Close the find bar</source>
        <translation>关闭查找栏</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>关闭（Esc）</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>无匹配</translation>
    </message>
    <message>
        <source>{number} of {count}</source>
        <translation>第 {number} 个，共 {count} 个</translation>
    </message>
    <message>
        <source>1 match</source>
        <translation>1 个匹配</translation>
    </message>
    <message>
        <source>{count} matches</source>
        <translation>{count} 个匹配</translation>
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
    <name>LevelMeter</name>
    <message>
        <source>Input level</source>
        <translation>输入电平</translation>
    </message>
    <message>
        <source>Peak {peak} dB</source>
        <translation>峰值 {peak} dB</translation>
    </message>
</context>
<context>
    <name>LiveTextView</name>
    <message>
        <source>Live transcript</source>
        <translation>实时转写</translation>
    </message>
    <message>
        <source>The words appear here a few seconds after they are spoken.</source>
        <translation>说出的话几秒钟后会显示在这里。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Earshot</source>
        <translation>Earshot</translation>
    </message>
    <message>
        <source>Open an audio or video file, a transcript or a project to begin.</source>
        <translation>打开音频或视频文件、转写稿或项目即可开始。</translation>
    </message>
    <message>
        <source>&amp;Export Subtitles…</source>
        <translation>导出字幕(&amp;E)…</translation>
    </message>
    <message>
        <source>Save &amp;Transcript As…</source>
        <translation>转写稿另存为(&amp;T)…</translation>
    </message>
    <message>
        <source>Recover &amp;Unsaved Work…</source>
        <translation>恢复未保存的工作(&amp;U)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Transcribe</source>
        <translation>开始转写(&amp;T)</translation>
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
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
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
        <source>&amp;Models…</source>
        <translation>模型(&amp;M)…</translation>
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
        <source>&amp;Speech</source>
        <translation>语音(&amp;S)</translation>
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
        <source>Press Transcribe to recognise the speech.</source>
        <translation>按“转写”开始识别语音。</translation>
    </message>
    <message>
        <source>A tinted time: its subtitles would still break the rules after re-flow (hover for why).</source>
        <translation>时间带底色：重新排版后其字幕仍违反规则（悬停查看原因）。</translation>
    </message>
    <message>
        <source>No file open</source>
        <translation>未打开文件</translation>
    </message>
</context>
<context>
    <name>ModelManagerDialog</name>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>准确度</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Download progress</source>
        <translation>下载进度</translation>
    </message>
    <message>
        <source>Download status</source>
        <translation>下载状态</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Add Folder…</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <source>Download from</source>
        <translation>下载来源</translation>
    </message>
    <message>
        <source>{hub} (the Hugging Face hub), or a mirror such as https://hf-mirror.com</source>
        <translation>{hub}（Hugging Face Hub），或镜像地址，例如 https://hf-mirror.com</translation>
    </message>
    <message>
        <source>Leave empty for the Hugging Face hub; give a mirror's address where the hub cannot be reached.</source>
        <translation>留空则使用 Hugging Face Hub；无法访问 Hub 时请填写镜像地址。</translation>
    </message>
    <message>
        <source>Folder: {path}</source>
        <translation>文件夹：{path}</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英语</translation>
    </message>
    <message>
        <source>Multilingual</source>
        <translation>多语言</translation>
    </message>
    <message>
        <source>Fastest</source>
        <translation>最快</translation>
    </message>
    <message>
        <source>Fast</source>
        <translation>快</translation>
    </message>
    <message>
        <source>Moderate</source>
        <translation>中等</translation>
    </message>
    <message>
        <source>Slow</source>
        <translation>慢</translation>
    </message>
    <message>
        <source>Basic</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>良好</translation>
    </message>
    <message>
        <source>Better</source>
        <translation>较好</translation>
    </message>
    <message>
        <source>Best</source>
        <translation>最好</translation>
    </message>
    <message>
        <source>Downloading…</source>
        <translation>正在下载…</translation>
    </message>
    <message>
        <source>Bundled</source>
        <translation>随附</translation>
    </message>
    <message>
        <source>Downloaded</source>
        <translation>已下载</translation>
    </message>
    <message>
        <source>Partly downloaded</source>
        <translation>部分已下载</translation>
    </message>
    <message>
        <source>Not downloaded</source>
        <translation>未下载</translation>
    </message>
    <message>
        <source>Downloading {name} from {source}…</source>
        <translation>正在从 {source} 下载 {name}…</translation>
    </message>
    <message>
        <source>{percent} · {left} left</source>
        <translation>{percent} · 剩余 {left}</translation>
    </message>
    <message>
        <source>{name} is ready to use.</source>
        <translation>{name} 已可使用。</translation>
    </message>
    <message>
        <source>Download cancelled; the files downloaded so far are kept.</source>
        <translation>下载已取消；已下载的文件会保留。</translation>
    </message>
    <message>
        <source>Add a Whisper Model Folder</source>
        <translation>添加 Whisper 模型文件夹</translation>
    </message>
</context>
<context>
    <name>PassageOptionsDialog</name>
    <message>
        <source>Re-transcribe Selection</source>
        <translation>重新转写所选</translation>
    </message>
    <message>
        <source>Names and terms to expect</source>
        <translation>预期出现的名称和术语</translation>
    </message>
    <message>
        <source>&amp;Prompt</source>
        <translation>提示词(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Re-transcribe</source>
        <translation>重新转写(&amp;R)</translation>
    </message>
    <message>
        <source>Recognise {span} again with:</source>
        <translation>使用以下选项重新识别 {span}：</translation>
    </message>
</context>
<context>
    <name>PassagePreviewDialog</name>
    <message>
        <source>Re-transcribed Passage</source>
        <translation>重新转写的段落</translation>
    </message>
    <message>
        <source>Text before</source>
        <translation>之前的文本</translation>
    </message>
    <message>
        <source>Text after</source>
        <translation>之后的文本</translation>
    </message>
    <message>
        <source>&amp;Before</source>
        <translation>之前(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;After</source>
        <translation>之后(&amp;A)</translation>
    </message>
    <message>
        <source>A&amp;ccept</source>
        <translation>接受(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>丢弃(&amp;D)</translation>
    </message>
</context>
<context>
    <name>PassageRetranscription</name>
    <message>
        <source>Re-transcribe &amp;Selection…</source>
        <translation>重新转写所选(&amp;S)…</translation>
    </message>
    <message>
        <source>{span} selected on the waveform: Transcription ▸ Re-transcribe Selection… recognises it again.</source>
        <translation>已在波形上选定 {span}：“转写 ▸ 重新转写所选…”可重新识别这一段。</translation>
    </message>
    <message>
        <source>Select the segments to re-transcribe first.</source>
        <translation>请先选择要重新转写的片段。</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在开始…</translation>
    </message>
    <message>
        <source>Re-transcription cancelled.</source>
        <translation>已取消重新转写。</translation>
    </message>
    <message>
        <source>No speech was recognised in that range.</source>
        <translation>该范围内未识别到语音。</translation>
    </message>
    <message>
        <source>The passage changed while it was re-transcribed; select it and re-transcribe it again.</source>
        <translation>重新转写期间该段落已被修改；请重新选择并再次转写。</translation>
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
    <name>PreferenceBinding</name>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
</context>
<context>
    <name>Preferences</name>
    <message>
        <source>Recognition</source>
        <translation>识别</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>录音</translation>
    </message>
    <message>
        <source>Speech</source>
        <translation>朗读</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Editing</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>外观</translation>
    </message>
    <message>
        <source>Detect automatically</source>
        <translation>自动检测</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>引擎</translation>
    </message>
    <message>
        <source>Recognise on this machine, or with the default remote service.</source>
        <translation>在本机识别，或使用默认的远程服务识别。</translation>
    </message>
    <message>
        <source>This machine</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>WAV</source>
        <translation>WAV</translation>
    </message>
    <message>
        <source>PCM</source>
        <translation>PCM</translation>
    </message>
    <message>
        <source>FLAC</source>
        <translation>FLAC</translation>
    </message>
    <message>
        <source>MP3</source>
        <translation>MP3</translation>
    </message>
    <message>
        <source>Remote service</source>
        <translation>远程服务</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>The model chosen when the window opens. Empty: the bundled multilingual base model, which works with no download.</source>
        <translation>打开窗口时选用的模型。留空：使用随附的多语言 base 模型，无需下载即可使用。</translation>
    </message>
    <message>
        <source>The bundled base model</source>
        <translation>随附的 base 模型</translation>
    </message>
    <message>
        <source>The remote service profile used when the engine is a remote service (Transcription ▸ Remote Services… sets them up).</source>
        <translation>引擎为远程服务时使用的远程服务配置（在“转写 ▸ 远程服务…”中设置）。</translation>
    </message>
    <message>
        <source>The first one set up</source>
        <translation>设置的第一个</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The language spoken, or detected automatically.</source>
        <translation>所说的语言，或自动检测。</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Write down what is said, or translate it to English.</source>
        <translation>记录所说的内容，或将其翻译成英语。</translation>
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
        <source>CPU threads</source>
        <translation>CPU 线程数</translation>
    </message>
    <message>
        <source>How many processor threads recognition uses; automatic uses every core.</source>
        <translation>识别使用的处理器线程数；设为自动时使用全部核心。</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Skip silence</source>
        <translation>跳过静音</translation>
    </message>
    <message>
        <source>The voice-activity filter: silence, noise and music are skipped, so no words are invented there.</source>
        <translation>语音活动过滤：跳过静音、噪声和音乐，因此不会在这些地方凭空生成文字。</translation>
    </message>
    <message>
        <source>Word timestamps</source>
        <translation>逐词时间戳</translation>
    </message>
    <message>
        <source>A time for every word: needed to proofread uncertain words and to retime while editing.</source>
        <translation>为每个词记录时间：校对不确定的词以及编辑时调整时间都需要它。</translation>
    </message>
    <message>
        <source>Fast mode for long files</source>
        <translation>长文件快速模式</translation>
    </message>
    <message>
        <source>Recognises several passages at once: quicker on long recordings, but a little less accurate. Local models only.</source>
        <translation>同时识别多个段落：长录音更快，但准确度略低。仅适用于本地模型。</translation>
    </message>
    <message>
        <source>Remote files at once</source>
        <translation>同时发送的远程文件数</translation>
    </message>
    <message>
        <source>How many files are sent to remote services at the same time (the batch queue, re-transcribed passages); this machine's own recognition runs one at a time.</source>
        <translation>同时发送给远程服务的文件数（批处理队列、重新转写的段落）；本机识别一次只处理一个文件。</translation>
    </message>
    <message>
        <source>Input device</source>
        <translation>输入设备</translation>
    </message>
    <message>
        <source>The microphone or input to record from. Empty: the system's default input.</source>
        <translation>用于录音的麦克风或输入设备。留空：使用系统默认输入。</translation>
    </message>
    <message>
        <source>The system's default input</source>
        <translation>系统默认输入</translation>
    </message>
    <message>
        <source>Recordings folder</source>
        <translation>录音文件夹</translation>
    </message>
    <message>
        <source>Where new recordings are kept. Empty: the app's own recordings folder.</source>
        <translation>新录音的保存位置。留空：使用本应用自己的录音文件夹。</translation>
    </message>
    <message>
        <source>Speech engine</source>
        <translation>朗读引擎</translation>
    </message>
    <message>
        <source>Read text aloud with this machine's voices or with the remote service.</source>
        <translation>使用本机的语音或远程服务朗读文字。</translation>
    </message>
    <message>
        <source>Voice</source>
        <translation>语音</translation>
    </message>
    <message>
        <source>A voice's name or id (earshot speak --list-voices lists this machine's). Empty: the default voice.</source>
        <translation>语音的名称或 ID（earshot speak --list-voices 会列出本机的语音）。留空：使用默认语音。</translation>
    </message>
    <message>
        <source>Speaking rate</source>
        <translation>语速</translation>
    </message>
    <message>
        <source>Words per minute for this machine's voices; the voice's own rate at the lowest setting.</source>
        <translation>本机语音每分钟朗读的词数；设为最低值时使用该语音自身的语速。</translation>
    </message>
    <message>
        <source>The voice's own</source>
        <translation>语音自身的语速</translation>
    </message>
    <message>
        <source>Volume (%)</source>
        <translation>音量（%）</translation>
    </message>
    <message>
        <source>How loud this machine's voices speak.</source>
        <translation>本机语音朗读的音量。</translation>
    </message>
    <message>
        <source>Speech service</source>
        <translation>朗读服务</translation>
    </message>
    <message>
        <source>The OpenAI-compatible profile that speaks when the speech engine is a remote service.</source>
        <translation>朗读引擎为远程服务时，用于朗读的 OpenAI 兼容配置。</translation>
    </message>
    <message>
        <source>Speech model</source>
        <translation>朗读模型</translation>
    </message>
    <message>
        <source>The service's speech model.</source>
        <translation>服务的语音合成模型。</translation>
    </message>
    <message>
        <source>Service voice</source>
        <translation>服务语音</translation>
    </message>
    <message>
        <source>The service's voice.</source>
        <translation>服务使用的语音。</translation>
    </message>
    <message>
        <source>Speech format</source>
        <translation>朗读音频格式</translation>
    </message>
    <message>
        <source>The audio format asked of the service: WAV and PCM start playing with the first audio that arrives.</source>
        <translation>向服务请求的音频格式：WAV 和 PCM 在收到第一段音频时即开始播放。</translation>
    </message>
    <message>
        <source>Service speed (%)</source>
        <translation>服务语速（%）</translation>
    </message>
    <message>
        <source>How fast the service speaks: 100 is its normal pace.</source>
        <translation>服务的朗读速度：100 为正常语速。</translation>
    </message>
    <message>
        <source>Ask the service to stream</source>
        <translation>请求服务流式传输</translation>
    </message>
    <message>
        <source>Ask for audio as it is made (Xinference), so reading starts sooner.</source>
        <translation>请求服务边生成边发送音频（Xinference），以便更早开始朗读。</translation>
    </message>
    <message>
        <source>Export format</source>
        <translation>导出格式</translation>
    </message>
    <message>
        <source>The format the export dialog starts with.</source>
        <translation>导出对话框默认选中的格式。</translation>
    </message>
    <message>
        <source>Export folder</source>
        <translation>导出文件夹</translation>
    </message>
    <message>
        <source>Where exports are suggested. Empty: beside the audio or video file.</source>
        <translation>建议的导出位置。留空：与音频或视频文件放在同一文件夹。</translation>
    </message>
    <message>
        <source>Subtitle profile</source>
        <translation>字幕配置</translation>
    </message>
    <message>
        <source>The subtitle rules exports are re-flowed under, and the editor marks breaks of.</source>
        <translation>导出时用于重新排版的字幕规则，编辑器也据此标出违反规则之处。</translation>
    </message>
    <message>
        <source>Autosave after (seconds)</source>
        <translation>自动保存间隔（秒）</translation>
    </message>
    <message>
        <source>How long after an edit a recovery copy is written: at most this much work is lost in a crash.</source>
        <translation>编辑后多久写入一份恢复副本：程序崩溃时最多丢失这段时间内的工作。</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>The language of menus and messages; it changes at once.</source>
        <translation>菜单和消息所用的语言；更改后立即生效。</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Light or dark colours, or the system's choice.</source>
        <translation>浅色或深色，或跟随系统的选择。</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>The default folder</source>
        <translation>默认文件夹</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Choose {label}</source>
        <translation>选择{label}</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>Groups of preferences</source>
        <translation>首选项分组</translation>
    </message>
</context>
<context>
    <name>ProjectController</name>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Attach &amp;Media…</source>
        <translation>附加媒体(&amp;M)…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>Everything Earshot opens ({patterns})</source>
        <translation>Earshot 可打开的所有文件（{patterns}）</translation>
    </message>
    <message>
        <source>Earshot projects (*{extension})</source>
        <translation>Earshot 项目（*{extension}）</translation>
    </message>
    <message>
        <source>Audio and video ({patterns})</source>
        <translation>音频和视频 ({patterns})</translation>
    </message>
    <message>
        <source>Subtitles and transcripts ({patterns})</source>
        <translation>字幕和文字稿 ({patterns})</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Wait for the transcription to finish, or cancel it.</source>
        <translation>请等待转写完成，或取消转写。</translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation>正在读取 {name}…</translation>
    </message>
    <message>
        <source>Opened {name}</source>
        <translation>已打开 {name}</translation>
    </message>
    <message>
        <source>Media Not Found</source>
        <translation>找不到媒体文件</translation>
    </message>
    <message>
        <source>“{name}” is no longer at {folder}. Locate it to play and transcribe it again?</source>
        <translation>“{name}”已不在 {folder}。要找到它以便再次播放和转写吗？</translation>
    </message>
    <message>
        <source>Media not found</source>
        <translation>找不到媒体文件</translation>
    </message>
    <message>
        <source>&amp;Locate…</source>
        <translation>查找(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Not Now</source>
        <translation>暂不(&amp;N)</translation>
    </message>
    <message>
        <source>Attach Media</source>
        <translation>附加媒体</translation>
    </message>
    <message>
        <source>Locate {name}</source>
        <translation>查找 {name}</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>没有最近的文件</translation>
    </message>
    <message>
        <source>&amp;Clear the List</source>
        <translation>清空列表(&amp;C)</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>Save Project</source>
        <translation>保存项目</translation>
    </message>
    <message>
        <source>Saved {name}</source>
        <translation>已保存 {name}</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>Save the changes to “{title}” before closing it?</source>
        <translation>关闭前要保存对“{title}”的更改吗？</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>保存更改</translation>
    </message>
    <message>
        <source>There is no unsaved work to recover.</source>
        <translation>没有需要恢复的未保存工作。</translation>
    </message>
    <message>
        <source>Recovered {title}; save it to keep it.</source>
        <translation>已恢复 {title}；请保存以保留它。</translation>
    </message>
</context>
<context>
    <name>RecognitionController</name>
    <message>
        <source>Starting…</source>
        <translation>正在开始…</translation>
    </message>
    <message>
        <source>Transcription cancelled.</source>
        <translation>转写已取消。</translation>
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
</context>
<context>
    <name>RecordingController</name>
    <message>
        <source>New Re&amp;cording…</source>
        <translation>新建录音(&amp;C)…</translation>
    </message>
    <message>
        <source>Wait for the transcription to finish, or cancel it.</source>
        <translation>请等待转写完成，或取消转写。</translation>
    </message>
    <message>
        <source>Recorded {name}.</source>
        <translation>已录制 {name}。</translation>
    </message>
    <message>
        <source>Unfinished Recording</source>
        <translation>未完成的录音</translation>
    </message>
    <message>
        <source>Earshot closed while recording “{name}” ({length}). It has been repaired: open it now?</source>
        <translation>Earshot 在录制“{name}”（{length}）时关闭了。录音已修复：现在打开吗？</translation>
    </message>
    <message>
        <source>Unfinished recording</source>
        <translation>未完成的录音</translation>
    </message>
    <message>
        <source>Keep for Later leaves it in {folder}.</source>
        <translation>“以后再说”会把它留在 {folder}。</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>丢弃(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Keep for Later</source>
        <translation>以后再说(&amp;K)</translation>
    </message>
</context>
<context>
    <name>RecordingDialog</name>
    <message>
        <source>New Recording</source>
        <translation>新建录音</translation>
    </message>
    <message>
        <source>New recording</source>
        <translation>新建录音</translation>
    </message>
    <message>
        <source>&amp;Input:</source>
        <translation>输入(&amp;I)：</translation>
    </message>
    <message>
        <source>Input device</source>
        <translation>输入设备</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
    <message>
        <source>Look for input devices again</source>
        <translation>重新查找输入设备</translation>
    </message>
    <message>
        <source>Level:</source>
        <translation>电平：</translation>
    </message>
    <message>
        <source>Too loud</source>
        <translation>音量过大</translation>
    </message>
    <message>
        <source>Clipping warning</source>
        <translation>削波警告</translation>
    </message>
    <message>
        <source>Elapsed time</source>
        <translation>已录时长</translation>
    </message>
    <message>
        <source>&amp;Record</source>
        <translation>录音(&amp;R)</translation>
    </message>
    <message>
        <source>Start recording</source>
        <translation>开始录音</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <source>Pause or resume the recording</source>
        <translation>暂停或继续录音</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message>
        <source>Stop recording</source>
        <translation>停止录音</translation>
    </message>
    <message>
        <source>&amp;Live transcription with {model}</source>
        <translation>使用 {model} 实时转写(&amp;L)</translation>
    </message>
    <message>
        <source>F&amp;ull pass after stopping</source>
        <translation>停止后完整转写一遍(&amp;U)</translation>
    </message>
    <message>
        <source>Replace the live text with a transcript of the whole recording (one step you can undo).</source>
        <translation>用整段录音的转写替换实时文本（可一步撤销）。</translation>
    </message>
    <message>
        <source>Recording status</source>
        <translation>录音状态</translation>
    </message>
    <message>
        <source>There is no microphone or other audio input on this computer.</source>
        <translation>这台电脑上没有麦克风或其他音频输入。</translation>
    </message>
    <message>
        <source>Recording into “{name}”.</source>
        <translation>正在录制到“{name}”。</translation>
    </message>
    <message>
        <source>Live text is up to date.</source>
        <translation>实时文本已跟上。</translation>
    </message>
    <message>
        <source>Live text is {seconds} s behind.</source>
        <translation>实时文本落后 {seconds} 秒。</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>继续(&amp;R)</translation>
    </message>
    <message>
        <source>Loading the model for live transcription…</source>
        <translation>正在加载实时转写所用的模型…</translation>
    </message>
    <message>
        <source>Opening the input…</source>
        <translation>正在打开输入…</translation>
    </message>
    <message>
        <source>Recording.</source>
        <translation>正在录音。</translation>
    </message>
    <message>
        <source>Paused: nothing is recorded until you resume.</source>
        <translation>已暂停：继续之前不会录音。</translation>
    </message>
    <message>
        <source>Finishing the recording…</source>
        <translation>正在完成录音…</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Recover Unsaved Work</source>
        <translation>恢复未保存的工作</translation>
    </message>
    <message>
        <source>Recover unsaved work</source>
        <translation>恢复未保存的工作</translation>
    </message>
    <message>
        <source>Earshot closed before these transcripts were saved.</source>
        <translation>Earshot 在这些转写稿保存之前就关闭了。</translation>
    </message>
    <message>
        <source>Recover one to go on where you left off; the others stay here for later.</source>
        <translation>恢复其中一个即可从上次停下的地方继续；其余的会留到以后。</translation>
    </message>
    <message>
        <source>Unsaved documents</source>
        <translation>未保存的文档</translation>
    </message>
    <message>
        <source>&amp;Recover</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <source>Recover the selected document</source>
        <translation>恢复所选文档</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>丢弃(&amp;D)</translation>
    </message>
    <message>
        <source>Discard the selected document's unsaved work</source>
        <translation>丢弃所选文档未保存的工作</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>稍后(&amp;L)</translation>
    </message>
    <message>
        <source>Close and keep the unsaved work for later</source>
        <translation>关闭并把未保存的工作留到以后</translation>
    </message>
    <message>
        <source>{title} — autosaved {when}</source>
        <translation>{title} — 自动保存于 {when}</translation>
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
    <name>RenameSpeakerDialog</name>
    <message>
        <source>Rename Speaker</source>
        <translation>重命名说话人</translation>
    </message>
    <message>
        <source>Speaker to rename</source>
        <translation>要重命名的说话人</translation>
    </message>
    <message>
        <source>&amp;Speaker</source>
        <translation>说话人(&amp;S)</translation>
    </message>
    <message>
        <source>New name</source>
        <translation>新名称</translation>
    </message>
    <message>
        <source>&amp;New name</source>
        <translation>新名称(&amp;N)</translation>
    </message>
</context>
<context>
    <name>RowOptionsDialog</name>
    <message>
        <source>Batch File Options</source>
        <translation>批处理文件选项</translation>
    </message>
    <message>
        <source>These options apply to {count} selected files that are not running.</source>
        <translation>这些选项适用于 {count} 个未在运行的所选文件。</translation>
    </message>
    <message>
        <source>These options apply to “{name}”.</source>
        <translation>这些选项适用于“{name}”。</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>模型(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Task</source>
        <translation>任务(&amp;T)</translation>
    </message>
    <message>
        <source>Use the &amp;Window's Options</source>
        <translation>使用窗口的选项(&amp;W)</translation>
    </message>
    <message>
        <source>Use the window's options</source>
        <translation>使用窗口的选项</translation>
    </message>
</context>
<context>
    <name>SegmentDelegate</name>
    <message>
        <source>Segment text</source>
        <translation>片段文本</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>说话人</translation>
    </message>
    <message>
        <source>Speaker name</source>
        <translation>说话人名称</translation>
    </message>
    <message>
        <source>Start time</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>End time</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>Type a time as 1:02:03.456, 62:03.4 or 3723.456 (seconds).</source>
        <translation>时间可写成 1:02:03.456、62:03.4 或 3723.456（秒）。</translation>
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
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Number of speakers</source>
        <translation>说话人数</translation>
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
    <name>ShiftTimesDialog</name>
    <message>
        <source>Shift Times</source>
        <translation>平移时间</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> 毫秒</translation>
    </message>
    <message>
        <source>Milliseconds to shift by</source>
        <translation>要平移的毫秒数</translation>
    </message>
    <message>
        <source>Positive moves later, negative earlier.</source>
        <translation>正数向后移，负数向前移。</translation>
    </message>
    <message>
        <source>Shift &amp;by</source>
        <translation>平移量(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Selected segments ({count})</source>
        <translation>所选片段（{count}）(&amp;S)</translation>
    </message>
    <message>
        <source>Shift the selected segments</source>
        <translation>平移所选片段</translation>
    </message>
    <message>
        <source>&amp;All segments</source>
        <translation>全部片段(&amp;A)</translation>
    </message>
    <message>
        <source>Shift all segments</source>
        <translation>平移全部片段</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>片段</translation>
    </message>
</context>
<context>
    <name>SpeakerCountDialog</name>
    <message>
        <source>&amp;Speakers</source>
        <translation>说话人(&amp;S)</translation>
    </message>
</context>
<context>
    <name>SpeakerCountWidget</name>
    <message>
        <source>Number of speakers</source>
        <translation>说话人数</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Exactly</source>
        <translation>恰好</translation>
    </message>
    <message>
        <source>Between</source>
        <translation>介于</translation>
    </message>
    <message>
        <source>Fewest speakers</source>
        <translation>最少说话人数</translation>
    </message>
    <message>
        <source>and</source>
        <translation>和</translation>
    </message>
    <message>
        <source>Most speakers</source>
        <translation>最多说话人数</translation>
    </message>
</context>
<context>
    <name>SpeakerGutter</name>
    <message>
        <source>Speakers and times</source>
        <translation>说话人与时间</translation>
    </message>
    <message>
        <source>No speaker</source>
        <translation>无说话人</translation>
    </message>
</context>
<context>
    <name>SpeakersController</name>
    <message>
        <source>Identify &amp;Speakers…</source>
        <translation>识别说话人(&amp;S)…</translation>
    </message>
    <message>
        <source>Change Speaker &amp;Count…</source>
        <translation>更改说话人数(&amp;C)…</translation>
    </message>
    <message>
        <source>Identify Speakers</source>
        <translation>识别说话人</translation>
    </message>
    <message>
        <source>Change Speaker Count</source>
        <translation>更改说话人数</translation>
    </message>
    <message>
        <source>Reading audio</source>
        <translation>正在读取音频</translation>
    </message>
    <message>
        <source>Telling speakers apart</source>
        <translation>正在区分说话人</translation>
    </message>
    <message>
        <source>Identifying speakers failed.</source>
        <translation>识别说话人失败。</translation>
    </message>
    <message>
        <source>Identifying speakers cancelled.</source>
        <translation>已取消识别说话人。</translation>
    </message>
    <message>
        <source>No speech was found to tell speakers apart.</source>
        <translation>没有找到可区分说话人的语音。</translation>
    </message>
    <message>
        <source>{count} speakers: {names}</source>
        <translation>{count} 位说话人：{names}</translation>
    </message>
</context>
<context>
    <name>SpeakersOption</name>
    <message>
        <source>Speakers</source>
        <translation>说话人</translation>
    </message>
    <message>
        <source>Number of speakers</source>
        <translation>说话人数</translation>
    </message>
    <message>
        <source>How many speakers to look for</source>
        <translation>要找的说话人数</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Number of Speakers</source>
        <translation>说话人数</translation>
    </message>
    <message>
        <source>Label who said what after recognition, on this computer.</source>
        <translation>识别后在本机标注每句话的说话人。</translation>
    </message>
</context>
<context>
    <name>SpeechController</name>
    <message>
        <source>Speak &amp;Selection</source>
        <translation>朗读所选内容(&amp;S)</translation>
    </message>
    <message>
        <source>Speak &amp;Transcript</source>
        <translation>朗读整篇转写稿(&amp;T)</translation>
    </message>
    <message>
        <source>St&amp;op Speaking</source>
        <translation>停止朗读(&amp;O)</translation>
    </message>
    <message>
        <source>Save Speech as &amp;Audio…</source>
        <translation>将朗读存为音频(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Voice Panel</source>
        <translation>语音面板(&amp;V)</translation>
    </message>
    <message>
        <source>Select the segments to speak first.</source>
        <translation>请先选择要朗读的片段。</translation>
    </message>
    <message>
        <source>Reading aloud… (Esc stops)</source>
        <translation>正在朗读…（按 Esc 停止）</translation>
    </message>
    <message>
        <source>Stopped speaking.</source>
        <translation>已停止朗读。</translation>
    </message>
    <message>
        <source>Finished reading aloud.</source>
        <translation>朗读完毕。</translation>
    </message>
    <message>
        <source>Save Speech as Audio</source>
        <translation>将朗读存为音频</translation>
    </message>
    <message>
        <source>FLAC audio (*.flac)</source>
        <translation>FLAC 音频 (*.flac)</translation>
    </message>
    <message>
        <source>WAV audio (*.wav)</source>
        <translation>WAV 音频 (*.wav)</translation>
    </message>
    <message>
        <source>Saving the speech…</source>
        <translation>正在保存朗读音频…</translation>
    </message>
    <message>
        <source>Speech saved to {path}.</source>
        <translation>朗读音频已保存到 {path}。</translation>
    </message>
</context>
<context>
    <name>TextEditing</name>
    <message>
        <source>&amp;Text View</source>
        <translation>文本视图(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <source>R&amp;eplace…</source>
        <translation>替换(&amp;E)…</translation>
    </message>
    <message>
        <source>Next &amp;Uncertain Word</source>
        <translation>下一个不确定的词(&amp;U)</translation>
    </message>
    <message>
        <source>Previous Uncertain &amp;Word</source>
        <translation>上一个不确定的词(&amp;W)</translation>
    </message>
    <message>
        <source>No word is marked uncertain: the recogniser was sure of every word.</source>
        <translation>没有标记为不确定的词：识别器对每个词都有把握。</translation>
    </message>
    <message>
        <source>Uncertain word: {percent} % likely. F8 for the next, Shift+F8 for the previous.</source>
        <translation>不确定的词：可能性 {percent}%。按 F8 转到下一个，Shift+F8 转到上一个。</translation>
    </message>
</context>
<context>
    <name>TranscriptTableModel</name>
    <message>
        <source>After re-flow for export, its subtitles would still break a rule:</source>
        <translation>导出重新排版后，其字幕仍会违反规则：</translation>
    </message>
    <message>
        <source>Overlaps: starts {seconds} s before segment {number} ends.</source>
        <translation>重叠：在第 {number} 个片段结束前 {seconds} 秒开始。</translation>
    </message>
    <message>
        <source>Overlaps: ends {seconds} s after segment {number} starts.</source>
        <translation>重叠：在第 {number} 个片段开始后 {seconds} 秒才结束。</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>说话人</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
</context>
<context>
    <name>TranscriptTextView</name>
    <message>
        <source>Transcript text</source>
        <translation>转写文本</translation>
    </message>
    <message>
        <source>The recogniser was unsure of this word: {percent} % likely.</source>
        <translation>识别器对这个词没有把握：可能性 {percent}%。</translation>
    </message>
</context>
<context>
    <name>TranscriptView</name>
    <message>
        <source>Transcript segments</source>
        <translation>转写稿片段</translation>
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
        <source>{name} (downloaded)</source>
        <translation>{name}（已下载）</translation>
    </message>
    <message>
        <source>{name} (folder)</source>
        <translation>{name}（文件夹）</translation>
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
    <name>VoicePanel</name>
    <message>
        <source>Voice</source>
        <translation>语音</translation>
    </message>
    <message>
        <source>Voice panel</source>
        <translation>语音面板</translation>
    </message>
    <message>
        <source>&amp;Engine:</source>
        <translation>引擎(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Voice:</source>
        <translation>嗓音(&amp;V)：</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>系统默认</translation>
    </message>
    <message>
        <source>&amp;Rate:</source>
        <translation>语速(&amp;R)：</translation>
    </message>
    <message>
        <source>The voice's own</source>
        <translation>语音自身的语速</translation>
    </message>
    <message>
        <source> words/min</source>
        <translation> 词/分钟</translation>
    </message>
    <message>
        <source>Vol&amp;ume:</source>
        <translation>音量(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>模型(&amp;M)：</translation>
    </message>
    <message>
        <source>V&amp;oice:</source>
        <translation>嗓音(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>格式(&amp;F)：</translation>
    </message>
    <message>
        <source>WAV and PCM start playing with the first audio that arrives.</source>
        <translation>WAV 和 PCM 在收到第一段音频时即开始播放。</translation>
    </message>
    <message>
        <source>&amp;Speed:</source>
        <translation>速度(&amp;S)：</translation>
    </message>
    <message>
        <source>Ask the server to s&amp;tream (Xinference)</source>
        <translation>请服务器流式发送(&amp;T)（Xinference）</translation>
    </message>
    <message>
        <source>Ask the server to stream</source>
        <translation>请服务器流式发送</translation>
    </message>
    <message>
        <source>This computer's voice</source>
        <translation>本机语音</translation>
    </message>
    <message>
        <source>{name} (speech from the server)</source>
        <translation>{name}（服务器语音）</translation>
    </message>
    <message>
        <source>Listing this computer's voices…</source>
        <translation>正在列出本机的嗓音…</translation>
    </message>
</context>
<context>
    <name>WaveformRangeSelection</name>
    <message>
        <source>Range selected on the waveform</source>
        <translation>波形上选定的范围</translation>
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
    <name>WelcomePage</name>
    <message>
        <source>Welcome</source>
        <translation>欢迎</translation>
    </message>
    <message>
        <source>Welcome to Earshot</source>
        <translation>欢迎使用 Earshot</translation>
    </message>
    <message>
        <source>Open an audio or video file, a transcript or a project, or drop one here; then press Transcribe.</source>
        <translation>打开音频或视频文件、转写稿或项目，或将其拖放到这里；然后点击“转写”。</translation>
    </message>
    <message>
        <source>The bundled model works on this computer with no download and no network. A remote service can do the work instead.</source>
        <translation>随附的模型可在这台电脑上直接使用，无需下载，也无需联网。也可以改由远程服务完成识别。</translation>
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