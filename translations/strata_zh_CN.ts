<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>LayerPanel</name>
    <message>
        <source>&amp;Layers</source>
        <translation>层(&amp;L)</translation>
    </message>
    <message>
        <source>Layers of the selected image</source>
        <translation>所选镜像的层</translation>
    </message>
    <message>
        <source>Layer &amp;tree</source>
        <translation>层树(&amp;T)</translation>
    </message>
    <message>
        <source>Layers of all images, each under the layer it sits on</source>
        <translation>所有镜像的层，每一层列在它所基于的层之下</translation>
    </message>
    <message>
        <source>&amp;Sharing</source>
        <translation>共享(&amp;S)</translation>
    </message>
    <message>
        <source>Each column is an image, its layers stacked from the base up. A band across several columns is one layer those images share.</source>
        <translation>每一列是一个镜像，其层自底向上堆叠。横跨多列的色带是这些镜像共享的同一层。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Strata</source>
        <translation>Strata</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>重试(&amp;R)</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>Removal log</source>
        <translation>删除日志</translation>
    </message>
    <message>
        <source>What the engine answers to removals appears here, in Docker&apos;s own words.</source>
        <translation>引擎对删除请求的响应会显示在这里，保留 Docker 的原文。</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Filter images</source>
        <translation>筛选镜像</translation>
    </message>
    <message>
        <source>Filter: text, or Docker filters like reference=ubuntu dangling=true (Ctrl+F; Esc clears)</source>
        <translation>筛选：文字，或 Docker 筛选条件，如 reference=ubuntu dangling=true（Ctrl+F；Esc 清除）</translation>
    </message>
</context>
<context>
    <name>RemovalPreviewDialog</name>
    <message>
        <source>Removal preview</source>
        <translation>删除预览</translation>
    </message>
    <message>
        <source>Predicted engine answers</source>
        <translation>预计的引擎响应</translation>
    </message>
    <message>
        <source>What stays and why</source>
        <translation>保留的内容及原因</translation>
    </message>
    <message>
        <source>&amp;Force (-f)</source>
        <translation>强制(&amp;F)（-f）</translation>
    </message>
    <message>
        <source>&amp;Keep untagged parents (--no-prune)</source>
        <translation>保留无标签的父镜像(&amp;K)（--no-prune）</translation>
    </message>
</context>
<context>
    <name>Strata::AgeText</name>
    <message>
        <source>N/A</source>
        <extracomment>CREATED of an image whose engine reports no creation time (the CLI prints N/A).</extracomment>
        <translation>未知</translation>
    </message>
    <message>
        <source>Less than a second ago</source>
        <extracomment>An age: created less than a second ago, or in the future.</extracomment>
        <translation>刚刚</translation>
    </message>
    <message numerus="yes">
        <source>%n second(s) ago</source>
        <translation>
            <numerusform>%n 秒前</numerusform>
        </translation>
    </message>
    <message>
        <source>About a minute ago</source>
        <extracomment>An age between 60 and 119 seconds.</extracomment>
        <translation>约 1 分钟前</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>%n 分钟前</numerusform>
        </translation>
    </message>
    <message>
        <source>About an hour ago</source>
        <extracomment>An age between 60 and 89 minutes.</extracomment>
        <translation>约 1 小时前</translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>%n 小时前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n 天前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n week(s) ago</source>
        <translation>
            <numerusform>%n 周前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s) ago</source>
        <translation>
            <numerusform>%n 个月前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n year(s) ago</source>
        <translation>
            <numerusform>%n 年前</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Strata::EngineErrorText</name>
    <message>
        <source>The engine address %1 is not valid.</source>
        <translation>引擎地址 %1 无效。</translation>
    </message>
    <message>
        <source>No Docker engine answers at %1.</source>
        <translation>%1 上没有 Docker 引擎响应。</translation>
    </message>
    <message>
        <source>Permission denied when connecting to %1.</source>
        <translation>连接 %1 时权限被拒绝。</translation>
    </message>
    <message>
        <source>The Docker engine at %1 did not answer in time.</source>
        <translation>%1 上的 Docker 引擎未能及时响应。</translation>
    </message>
    <message>
        <source>%1 answered, but not like a Docker engine.</source>
        <translation>%1 有响应，但不像是 Docker 引擎。</translation>
    </message>
    <message>
        <source>Strata and the engine at %1 share no API version.</source>
        <translation>Strata 与 %1 上的引擎没有共同支持的 API 版本。</translation>
    </message>
    <message>
        <source>The engine at %1 refused the request.</source>
        <translation>%1 上的引擎拒绝了请求。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>The engine may be busy or stopping. Press Retry in a moment.</source>
        <translation>引擎可能正忙或正在停止。请稍后点击“重试”。</translation>
    </message>
    <message>
        <source>Check that the address points at a Docker or Podman engine.</source>
        <translation>请确认该地址指向 Docker 或 Podman 引擎。</translation>
    </message>
    <message>
        <source>Use unix:///path/to/docker.sock or tcp://host:port, then start Strata again with --host ADDRESS or with DOCKER_HOST set.</source>
        <translation>请使用 unix:///path/to/docker.sock 或 tcp://host:port 形式的地址，然后用 --host 地址 或设置 DOCKER_HOST 重新启动 Strata。</translation>
    </message>
    <message>
        <source>Is Docker running? Start it (for example “sudo systemctl start docker”) and press Retry, or start Strata again with --host ADDRESS for another engine.</source>
        <translation>Docker 是否在运行？请启动它（例如“sudo systemctl start docker”）后点击“重试”，或用 --host 地址 重新启动 Strata 以连接其他引擎。</translation>
    </message>
    <message>
        <source>Add yourself to the docker group (“sudo usermod -aG docker $USER”), log in again, then start Strata again.</source>
        <translation>请把自己加入 docker 组（“sudo usermod -aG docker $USER”），重新登录，然后重新启动 Strata。</translation>
    </message>
    <message>
        <source>The address was given with --host.</source>
        <translation>该地址由 --host 指定。</translation>
    </message>
    <message>
        <source>The address comes from the DOCKER_HOST environment variable.</source>
        <translation>该地址来自环境变量 DOCKER_HOST。</translation>
    </message>
    <message>
        <source>This is the default address: neither --host nor DOCKER_HOST is set.</source>
        <translation>这是默认地址：既没有指定 --host，也没有设置 DOCKER_HOST。</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <extracomment>Two sentences in a row. Chinese sentences end in 。 and take no space between them.</extracomment>
        <translation>%1%2</translation>
    </message>
</context>
<context>
    <name>Strata::ImageTableModel</name>
    <message>
        <source>%L1 bytes</source>
        <translation>%L1 字节</translation>
    </message>
    <message>
        <source>REPOSITORY</source>
        <translation>仓库</translation>
    </message>
    <message>
        <source>TAG</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>DIGEST</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>IMAGE ID</source>
        <translation>镜像 ID</translation>
    </message>
    <message>
        <source>CREATED</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>SIZE</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Bytes of this image&apos;s layers that other images also use</source>
        <translation>此镜像中其他镜像也在使用的层的字节数</translation>
    </message>
    <message>
        <source>Bytes only this image uses: what removing it alone would free</source>
        <translation>只有此镜像使用的字节数：单独删除它可释放的空间</translation>
    </message>
    <message>
        <source>SHARED SIZE</source>
        <translation>共享大小</translation>
    </message>
    <message>
        <source>UNIQUE SIZE</source>
        <translation>独占大小</translation>
    </message>
    <message>
        <source>N/A</source>
        <extracomment>A size the engine does not know (docker system df -v prints N/A).</extracomment>
        <translation>未知</translation>
    </message>
</context>
<context>
    <name>Strata::LayerDetailsModel</name>
    <message numerus="yes">
        <source>One of %n history steps; the engine does not say which</source>
        <translation>
            <numerusform>%n 个历史步骤之一；引擎未说明是哪一个</numerusform>
        </translation>
    </message>
    <message>
        <source>The image&apos;s history does not describe this layer</source>
        <translation>镜像的历史未描述此层</translation>
    </message>
    <message>
        <source>unknown</source>
        <extracomment>Size of a layer that the engine&apos;s history did not tell</extracomment>
        <translation>未知</translation>
    </message>
    <message>
        <source>%1

Comment: %2</source>
        <translation>%1

注释：%2</translation>
    </message>
    <message>
        <source>Steps that may have made this layer:
%1</source>
        <translation>可能生成此层的步骤：
%1</translation>
    </message>
    <message>
        <source>The history lists fewer or other steps than the image has layers.</source>
        <translation>历史列出的步骤比镜像的层少，或与之不符。</translation>
    </message>
    <message>
        <source>%L1 bytes</source>
        <translation>%L1 字节</translation>
    </message>
    <message>
        <source>CREATED BY</source>
        <translation>创建命令</translation>
    </message>
    <message>
        <source>SIZE</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>CREATED</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>SHARED WITH</source>
        <translation>共享镜像</translation>
    </message>
    <message>
        <source>DIFF ID</source>
        <translation>DIFF ID</translation>
    </message>
    <message>
        <source>CHAIN ID</source>
        <translation>CHAIN ID</translation>
    </message>
</context>
<context>
    <name>Strata::LayerPanel</name>
    <message>
        <source>Select an image to see its layers.</source>
        <translation>选择一个镜像以查看其层。</translation>
    </message>
    <message numerus="yes">
        <source>Layers of %1, base first. %n layer(s).</source>
        <translation>
            <numerusform>%1 的层，从底层开始，共 %n 层。</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Why Is This Layer Still Here?…</source>
        <translation>这个层为什么还在？(&amp;W)…</translation>
    </message>
</context>
<context>
    <name>Strata::LayerTreeModel</name>
    <message>
        <source>unknown</source>
        <extracomment>Size of a layer that the engine&apos;s history did not tell</extracomment>
        <translation>未知</translation>
    </message>
    <message>
        <source>Chain ID: %1
Diff ID: %2</source>
        <translation>Chain ID：%1
Diff ID：%2</translation>
    </message>
    <message>
        <source>%L1 bytes</source>
        <translation>%L1 字节</translation>
    </message>
    <message numerus="yes">
        <source>%n container(s) run on this layer</source>
        <translation>
            <numerusform>%n 个容器运行在此层上</numerusform>
        </translation>
    </message>
    <message>
        <source>LAYER</source>
        <translation>层</translation>
    </message>
    <message>
        <source>SIZE</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>IMAGES ENDING HERE</source>
        <extracomment>Images whose top layer this is</extracomment>
        <translation>以此层为顶层的镜像</translation>
    </message>
    <message>
        <source>USED BY</source>
        <extracomment>How many images include this layer</extracomment>
        <translation>使用镜像数</translation>
    </message>
</context>
<context>
    <name>Strata::MainWindow</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Read the engine&apos;s images again (F5)</source>
        <translation>重新读取引擎中的镜像（F5）</translation>
    </message>
    <message>
        <source>Re&amp;move…</source>
        <translation>删除(&amp;M)…</translation>
    </message>
    <message>
        <source>Remove the selected images (Delete)</source>
        <translation>删除所选镜像（Delete）</translation>
    </message>
    <message>
        <source>&amp;Force Remove…</source>
        <translation>强制删除(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Cancel Removal</source>
        <translation>取消删除(&amp;C)</translation>
    </message>
    <message>
        <source>Show &amp;Digests</source>
        <translation>显示摘要(&amp;D)</translation>
    </message>
    <message>
        <source>One row per digest, with a DIGEST column (--digests)</source>
        <translation>每个摘要一行，并显示“摘要”列（--digests）</translation>
    </message>
    <message>
        <source>Show &amp;Intermediate Images</source>
        <translation>显示中间镜像(&amp;I)</translation>
    </message>
    <message>
        <source>Also list untagged parent images (-a)</source>
        <translation>同时列出无标签的父镜像（-a）</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Image</source>
        <translation>镜像(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The table shows what was read before the error.</source>
        <translation>表格显示的是出错之前读取的内容。</translation>
    </message>
    <message>
        <source>Sandbox engine.</source>
        <translation>沙盒引擎。</translation>
    </message>
    <message>
        <source>No Docker engine of yours was reachable, so Strata started a throwaway one at %1 with sample images. Removing them here touches nothing of yours.</source>
        <translation>无法连接到您自己的 Docker 引擎，因此 Strata 在 %1 启动了一个带示例镜像的临时引擎。在这里删除镜像不会影响您的任何数据。</translation>
    </message>
    <message>
        <source>Reading images from %1…</source>
        <translation>正在从 %1 读取镜像…</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n 个镜像</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) shown</source>
        <translation>
            <numerusform>显示 %n 行</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelling after the current request…</source>
        <translation>将在当前请求完成后取消…</translation>
    </message>
    <message>
        <source>Could not reach the engine: %1</source>
        <translation>无法连接引擎：%1</translation>
    </message>
    <message>
        <source>Stopped: the engine could not be reached.</source>
        <translation>已停止：无法连接引擎。</translation>
    </message>
    <message>
        <source>The engine changed since the preview, so nothing was removed. Here is the preview for the engine as it is now.</source>
        <translation>预览之后引擎发生了变化，因此没有删除任何内容。下面是引擎当前状态的预览。</translation>
    </message>
    <message>
        <source>The engine changed since the last preview. Check the new preview before removing.</source>
        <translation>上次预览之后引擎发生了变化。删除前请检查新的预览。</translation>
    </message>
    <message>
        <source>Stopped after request %1: the engine answered differently from the preview, so nothing more was sent. The preview promised:</source>
        <translation>在第 %1 个请求后停止：引擎的响应与预览不符，因此没有再发送任何请求。预览原本预计：</translation>
    </message>
    <message>
        <source>Stopped: the engine&apos;s answer differed from the preview.</source>
        <translation>已停止：引擎的响应与预览不符。</translation>
    </message>
    <message numerus="yes">
        <source>Done: %n request(s) succeeded.</source>
        <translation>
            <numerusform>完成：%n 个请求成功。</numerusform>
        </translation>
    </message>
    <message>
        <source>Done: %1 succeeded, %2 refused by the engine.</source>
        <translation>完成：%1 个成功，%2 个被引擎拒绝。</translation>
    </message>
    <message>
        <source>Removal in progress</source>
        <translation>正在删除</translation>
    </message>
    <message>
        <source>Strata is removing images. Stop after the current request and quit?</source>
        <translation>Strata 正在删除镜像。要在当前请求完成后停止并退出吗？</translation>
    </message>
    <message>
        <source>Show &amp;Shared and Unique Size</source>
        <translation>显示共享和独占大小(&amp;S)</translation>
    </message>
    <message>
        <source>SHARED SIZE and UNIQUE SIZE columns, as docker system df -v</source>
        <translation>“共享大小”和“独占大小”列，与 docker system df -v 相同</translation>
    </message>
    <message>
        <source>&amp;Why Is This Still Here?…</source>
        <translation>为什么它还在？(&amp;W)…</translation>
    </message>
    <message>
        <source>Every reason the selected image exists</source>
        <translation>所选镜像仍然存在的全部原因</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>层</translation>
    </message>
    <message>
        <source>%1, %2, %3 on disk — %4</source>
        <extracomment>%1 is &quot;N images&quot;, %2 &quot;N rows shown&quot;, %3 a size, %4 the engine address.</extracomment>
        <translation>%1，%2，占用磁盘 %3 — %4</translation>
    </message>
    <message>
        <source>size unknown</source>
        <translation>大小未知</translation>
    </message>
    <message>
        <source>an unknown amount</source>
        <translation>未知大小的空间</translation>
    </message>
    <message>
        <source>Stop after the current request</source>
        <translation>在当前请求完成后停止</translation>
    </message>
    <message>
        <source>&amp;Filter…</source>
        <translation>筛选(&amp;F)…</translation>
    </message>
    <message>
        <source>Show only the rows containing some text (Ctrl+F)</source>
        <translation>只显示包含指定文字的行（Ctrl+F）</translation>
    </message>
    <message>
        <source>Clear Filter</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Removal progress</source>
        <translation>删除进度</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <extracomment>The menu of interface languages. Its entries are named in their own languages.</extracomment>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>This filter is refused; the table still shows the last valid one.
%1</source>
        <translation>此筛选条件被拒绝；表格仍显示上一个有效筛选的结果。
%1</translation>
    </message>
    <message>
        <source>Text, or Docker filters: reference=, before=, since=, dangling=, label=, until=. Several values of one key match any of them; different keys must all match.</source>
        <translation>文字，或 Docker 筛选条件：reference=、before=、since=、dangling=、label=、until=。同一键的多个值满足其一即可；不同的键必须全部满足。</translation>
    </message>
    <message numerus="yes">
        <source>The %n row(s) matching “%1”, by reference, in the order docker image ls lists them.</source>
        <translation>
            <numerusform>符合“%1”的 %n 行，按引用删除，顺序与 docker image ls 列出的相同。</numerusform>
        </translation>
    </message>
    <message>
        <source>Dangling images only (docker image prune)</source>
        <translation>仅悬空镜像（docker image prune）</translation>
    </message>
    <message>
        <source>All unused images (docker image prune -a)</source>
        <translation>所有未使用的镜像（docker image prune -a）</translation>
    </message>
    <message>
        <source>Prune Images</source>
        <translation>清理镜像</translation>
    </message>
    <message>
        <source>Which images to prune:</source>
        <translation>要清理哪些镜像：</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message numerus="yes">
        <source>Preview: %n record(s), Total reclaimed space: %1</source>
        <translation>
            <numerusform>预览：%n 条记录，Total reclaimed space: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Select &amp;Matching</source>
        <translation>选择匹配项(&amp;M)</translation>
    </message>
    <message>
        <source>Select every row the filter shows</source>
        <translation>选择筛选显示的所有行</translation>
    </message>
    <message>
        <source>Remove Matc&amp;hing…</source>
        <translation>删除匹配项(&amp;H)…</translation>
    </message>
    <message>
        <source>Preview removing every row the filter shows</source>
        <translation>预览删除筛选显示的所有行</translation>
    </message>
    <message>
        <source>&amp;Prune…</source>
        <translation>清理(&amp;P)…</translation>
    </message>
    <message>
        <source>Remove dangling or all unused images, as docker image prune</source>
        <translation>像 docker image prune 一样删除悬空镜像或所有未使用的镜像</translation>
    </message>
    <message numerus="yes">
        <source>%n selected (%2 of layers): removing them frees %1</source>
        <extracomment>%2 is the size of the selected images with every shared layer counted once.</extracomment>
        <translation>
            <numerusform>已选 %n 项（层共 %2）：删除后可释放 %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancelled after %1 of %2 request(s): %3 succeeded, %4 refused by the engine.</source>
        <translation>
            <numerusform>已在 %2 个请求中的第 %1 个之后取消：%3 个成功，%4 个被引擎拒绝。</numerusform>
        </translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>未发送：%1</translation>
    </message>
    <message numerus="yes">
        <source>docker image prune%1 answers with %n record(s), as below; Total reclaimed space: %2</source>
        <translation>
            <numerusform>docker image prune%1 的响应共 %n 条记录，如下；Total reclaimed space: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Prune: records answered by the engine: %1; promised by the preview: %2.</source>
        <translation>清理：引擎响应的记录 %1 条；预览预计 %2 条。</translation>
    </message>
</context>
<context>
    <name>Strata::PlanText</name>
    <message>
        <source>Image %1 stays</source>
        <translation>镜像 %1 保留</translation>
    </message>
    <message>
        <source>Layer %1 stays</source>
        <translation>层 %1 保留</translation>
    </message>
    <message>
        <source>the tag %1 still points at it; remove that tag too, or force removal by ID</source>
        <translation>标签 %1 仍指向它；请一并移除该标签，或按 ID 强制删除</translation>
    </message>
    <message>
        <source>the digest reference %1 still points at it</source>
        <translation>摘要引用 %1 仍指向它</translation>
    </message>
    <message>
        <source>the image %1 is built on it; remove that image first</source>
        <translation>镜像 %1 基于它构建；请先删除该镜像</translation>
    </message>
    <message>
        <source>the running container %1 uses it; stop and remove the container first</source>
        <translation>运行中的容器 %1 在使用它；请先停止并删除该容器</translation>
    </message>
    <message>
        <source>the stopped container %1 uses it; remove the container, or force</source>
        <translation>已停止的容器 %1 在使用它；请删除该容器，或强制删除</translation>
    </message>
    <message>
        <source>the image %1 shares this layer</source>
        <translation>镜像 %1 共享此层</translation>
    </message>
    <message>
        <source>the container %1 keeps its writable layer on it</source>
        <translation>容器 %1 的可写层建立在它之上</translation>
    </message>
    <message>
        <source>untagged parents are kept (--no-prune)</source>
        <translation>保留无标签的父镜像（--no-prune）</translation>
    </message>
    <message numerus="yes">
        <source>%n untagged image(s) share this layer</source>
        <translation>
            <numerusform>%n 个无标签镜像共享此层</numerusform>
        </translation>
    </message>
    <message>
        <source>shared with %1</source>
        <translation>与 %1 共享</translation>
    </message>
    <message numerus="yes">
        <source>shared with %1 and %n untagged image(s)</source>
        <translation>
            <numerusform>与 %1 以及 %n 个无标签镜像共享</numerusform>
        </translation>
    </message>
    <message>
        <source>Several containers use this image; the engine names one of them, and which one may differ from the preview.</source>
        <translation>有多个容器使用此镜像；引擎只会提到其中一个，具体是哪一个可能与预览不同。</translation>
    </message>
    <message>
        <source>Containers of already deleted images may hold layers that Strata cannot see, so fewer layers may be deleted than shown.</source>
        <translation>已删除镜像的容器可能占用 Strata 看不到的层，因此实际删除的层可能比显示的少。</translation>
    </message>
    <message>
        <source>This engine (containerd image store or Podman) removes images differently; the preview is a best guess, not a promise.</source>
        <translation>此引擎（containerd 镜像存储或 Podman）删除镜像的方式不同；预览只是尽力估计，不作保证。</translation>
    </message>
    <message>
        <source>Other images are built on this one. Remove them first; force does not help.</source>
        <translation>有其他镜像基于此镜像构建。请先删除它们；强制也无济于事。</translation>
    </message>
    <message>
        <source>A running container uses this image. Stop and remove the container first; force does not help.</source>
        <translation>有运行中的容器在使用此镜像。请先停止并删除该容器；强制也无济于事。</translation>
    </message>
    <message>
        <source>A stopped container uses this image. Remove the container, or force the removal (the container keeps working).</source>
        <translation>有已停止的容器在使用此镜像。请删除该容器，或强制删除（容器仍可继续使用）。</translation>
    </message>
    <message>
        <source>The image has several tags. Removing it by ID needs force, which removes every tag; or remove the tags one by one.</source>
        <translation>此镜像有多个标签。按 ID 删除需要强制，这会移除全部标签；也可以逐个移除标签。</translation>
    </message>
    <message>
        <source>Nothing on this engine has that name or ID.</source>
        <translation>此引擎上没有该名称或 ID 的镜像。</translation>
    </message>
    <message>
        <source>This is not a valid image name.</source>
        <translation>这不是有效的镜像名称。</translation>
    </message>
    <message>
        <source>an unknown amount</source>
        <translation>未知大小的空间</translation>
    </message>
    <message>
        <source>Removes %1, deletes %2 and %3, frees %4.</source>
        <extracomment>%1 is &quot;N tags&quot;, %2 &quot;N images&quot;, %3 &quot;N layers&quot;, %4 a size such as 28.9MB.</extracomment>
        <translation>移除 %1，删除 %2和 %3，释放 %4。</translation>
    </message>
    <message numerus="yes">
        <source>%n tag(s)</source>
        <translation>
            <numerusform>%n 个标签</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n 个镜像</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n layer(s)</source>
        <translation>
            <numerusform>%n 个层</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Strata::RemovalPreviewDialog</name>
    <message>
        <source>Same as: %1</source>
        <translation>等同于：%1</translation>
    </message>
    <message>
        <source>Force would remove it.</source>
        <translation>使用“强制”即可删除。</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>删除(&amp;R)</translation>
    </message>
    <message>
        <source>What the engine will answer</source>
        <translation>引擎将给出的响应</translation>
    </message>
    <message>
        <source>What stays, and why</source>
        <translation>保留的内容及原因</translation>
    </message>
    <message numerus="yes">
        <source>… (%n more)</source>
        <translation>
            <numerusform>…（另有 %n 个）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Strata::SharingView</name>
    <message>
        <source>Layer sharing</source>
        <translation>层共享</translation>
    </message>
    <message>
        <source>unknown</source>
        <extracomment>Size of a layer that the engine&apos;s history did not tell</extracomment>
        <translation>未知</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %2 · %n images</source>
        <translation>
            <numerusform>%1 · %2 · %n 个镜像</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>No images</source>
        <translation>没有镜像</translation>
    </message>
    <message numerus="yes">
        <source>Layer %1, %2, used by %n image(s): %3</source>
        <translation>
            <numerusform>层 %1，%2，被 %n 个镜像使用：%3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Image %1, %n layer(s)</source>
        <translation>
            <numerusform>镜像 %1，共 %n 层</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Strata::WhyDialog</name>
    <message>
        <source>Image %1 stays as long as:</source>
        <translation>只要满足以下任一条件，镜像 %1 就会保留：</translation>
    </message>
    <message>
        <source>size unknown</source>
        <translation>大小未知</translation>
    </message>
    <message>
        <source>Layer %1 (%2) stays as long as:</source>
        <translation>只要满足以下任一条件，层 %1（%2）就会保留：</translation>
    </message>
    <message>
        <source>Nothing keeps it: removing it deletes it.</source>
        <translation>没有任何因素保留它：删除后它就会被彻底清除。</translation>
    </message>
</context>
<context>
    <name>WhyDialog</name>
    <message>
        <source>Why is this still here?</source>
        <translation>为什么它还在？</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Browse and remove the images of a Docker engine.</source>
        <translation>浏览并删除 Docker 引擎中的镜像。</translation>
    </message>
    <message>
        <source>Engine address (overrides DOCKER_HOST).</source>
        <translation>引擎地址（优先于 DOCKER_HOST）。</translation>
    </message>
    <message>
        <source>Save the window as a PNG once the images are shown, then quit.</source>
        <translation>显示镜像后把窗口保存为 PNG，然后退出。</translation>
    </message>
</context>
</TS>
