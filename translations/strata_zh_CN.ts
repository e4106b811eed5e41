<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
        <translation>引擎对删除请求的应答会显示在这里，保留 Docker 的原文。</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
</context>
<context>
    <name>RemovalConfirmDialog</name>
    <message>
        <source>Remove images</source>
        <translation>删除镜像</translation>
    </message>
    <message>
        <source>Requests to send</source>
        <translation>将要发送的请求</translation>
    </message>
    <message>
        <source>&amp;Force (docker image rm -f)</source>
        <translation>强制(&amp;F)（docker image rm -f）</translation>
    </message>
    <message>
        <source>Remove images used by stopped containers and untag images with several references.</source>
        <translation>删除被已停止容器使用的镜像，并移除有多个引用的镜像的标签。</translation>
    </message>
    <message>
        <source>&amp;Keep untagged parents (--no-prune)</source>
        <translation>保留无标签的父镜像(&amp;K)（--no-prune）</translation>
    </message>
    <message>
        <source>Do not delete untagged parent images that nothing else uses.</source>
        <translation>不删除没有其他用途的无标签父镜像。</translation>
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
        <translation>%1 上没有 Docker 引擎应答。</translation>
    </message>
    <message>
        <source>Permission denied when connecting to %1.</source>
        <translation>连接 %1 时权限被拒绝。</translation>
    </message>
    <message>
        <source>The Docker engine at %1 did not answer in time.</source>
        <translation>%1 上的 Docker 引擎未能及时应答。</translation>
    </message>
    <message>
        <source>%1 answered, but not like a Docker engine.</source>
        <translation>%1 有应答，但不像是 Docker 引擎。</translation>
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
        <source>The address came from %1.</source>
        <translation>该地址来自 %1。</translation>
    </message>
    <message>
        <source>Use unix:///path/to/docker.sock or tcp://host:port with --host or DOCKER_HOST.</source>
        <translation>请通过 --host 或 DOCKER_HOST 使用 unix:///path/to/docker.sock 或 tcp://host:port 形式的地址。</translation>
    </message>
    <message>
        <source>Is Docker running? Start it with “sudo systemctl start docker”, or point Strata at another engine with --host or DOCKER_HOST, then press Retry.</source>
        <translation>Docker 是否在运行？请用“sudo systemctl start docker”启动它，或通过 --host 或 DOCKER_HOST 让 Strata 连接其他引擎，然后点击“重试”。</translation>
    </message>
    <message>
        <source>Add yourself to the docker group (“sudo usermod -aG docker $USER”), log in again, then press Retry.</source>
        <translation>请把自己加入 docker 组（“sudo usermod -aG docker $USER”），重新登录，然后点击“重试”。</translation>
    </message>
    <message>
        <source>The engine may be busy or stopping. Press Retry in a moment.</source>
        <translation>引擎可能正忙或正在停止。请稍后点击“重试”。</translation>
    </message>
    <message>
        <source>Check that the address points at a Docker or Podman engine.</source>
        <translation>请确认该地址指向 Docker 或 Podman 引擎。</translation>
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
        <translation>当前请求完成后取消…</translation>
    </message>
    <message>
        <source>Could not reach the engine: %1</source>
        <translation>无法连接引擎：%1</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>完成。</translation>
    </message>
    <message>
        <source>Cancelled; the requests after this point were not sent.</source>
        <translation>已取消；此后的请求未发送。</translation>
    </message>
    <message>
        <source>Stopped: the engine could not be reached.</source>
        <translation>已停止：无法连接引擎。</translation>
    </message>
</context>
<context>
    <name>Strata::RemovalConfirmDialog</name>
    <message numerus="yes">
        <source>Strata will send %n removal request(s) to the engine, one after another, in this order. Tagged images are removed by name, so other tags of the same image stay.</source>
        <translation>
            <numerusform>Strata 将按以下顺序逐个向引擎发送 %n 个删除请求。有标签的镜像按名称删除，因此同一镜像的其他标签会保留。</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>删除(&amp;R)</translation>
    </message>
    <message>
        <source>Same as: %1</source>
        <translation>等同于：%1</translation>
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
        <source>Say in the window that the engine is the sandbox.</source>
        <translation>在窗口中注明该引擎是沙盒。</translation>
    </message>
    <message>
        <source>Save the window as a PNG once the images are shown, then quit.</source>
        <translation>显示镜像后把窗口保存为 PNG，然后退出。</translation>
    </message>
</context>
</TS>
