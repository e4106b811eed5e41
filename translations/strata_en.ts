<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>LayerPanel</name>
    <message>
        <source>&amp;Layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layers of the selected image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer &amp;tree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layers of all images, each under the layer it sits on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sharing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each column is an image, its layers stacked from the base up. A band across several columns is one layer those images share.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Strata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removal log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the engine answers to removals appears here, in Docker&apos;s own words.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter: text, or Docker filters like reference=ubuntu dangling=true (Ctrl+F; Esc clears)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RemovalPreviewDialog</name>
    <message>
        <source>Removal preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predicted engine answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What stays and why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Force (-f)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep untagged parents (--no-prune)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Strata::AgeText</name>
    <message>
        <source>N/A</source>
        <extracomment>CREATED of an image whose engine reports no creation time (the CLI prints N/A).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Less than a second ago</source>
        <extracomment>An age: created less than a second ago, or in the future.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n second(s) ago</source>
        <translation>
            <numerusform>%n second ago</numerusform>
            <numerusform>%n seconds ago</numerusform>
        </translation>
    </message>
    <message>
        <source>About a minute ago</source>
        <extracomment>An age between 60 and 119 seconds.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>%n minute ago</numerusform>
            <numerusform>%n minutes ago</numerusform>
        </translation>
    </message>
    <message>
        <source>About an hour ago</source>
        <extracomment>An age between 60 and 89 minutes.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>%n hour ago</numerusform>
            <numerusform>%n hours ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n week(s) ago</source>
        <translation>
            <numerusform>%n week ago</numerusform>
            <numerusform>%n weeks ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s) ago</source>
        <translation>
            <numerusform>%n month ago</numerusform>
            <numerusform>%n months ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n year(s) ago</source>
        <translation>
            <numerusform>%n year ago</numerusform>
            <numerusform>%n years ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Strata::EngineErrorText</name>
    <message>
        <source>The engine address %1 is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Docker engine answers at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Permission denied when connecting to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Docker engine at %1 did not answer in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered, but not like a Docker engine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strata and the engine at %1 share no API version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine at %1 refused the request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine may be busy or stopping. Press Retry in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that the address points at a Docker or Podman engine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use unix:///path/to/docker.sock or tcp://host:port, then start Strata again with --host ADDRESS or with DOCKER_HOST set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Is Docker running? Start it (for example “sudo systemctl start docker”) and press Retry, or start Strata again with --host ADDRESS for another engine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add yourself to the docker group (“sudo usermod -aG docker $USER”), log in again, then start Strata again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address was given with --host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address comes from the DOCKER_HOST environment variable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is the default address: neither --host nor DOCKER_HOST is set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <extracomment>Two sentences in a row. Chinese sentences end in 。 and take no space between them.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Strata::ImageTableModel</name>
    <message>
        <source>%L1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>REPOSITORY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TAG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DIGEST</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IMAGE ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CREATED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SIZE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes of this image&apos;s layers that other images also use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes only this image uses: what removing it alone would free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHARED SIZE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UNIQUE SIZE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N/A</source>
        <extracomment>A size the engine does not know (docker system df -v prints N/A).</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Strata::LayerDetailsModel</name>
    <message numerus="yes">
        <source>One of %n history steps; the engine does not say which</source>
        <translation>
            <numerusform>One of %n history step; the engine does not say which</numerusform>
            <numerusform>One of %n history steps; the engine does not say which</numerusform>
        </translation>
    </message>
    <message>
        <source>The image&apos;s history does not describe this layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <extracomment>Size of a layer that the engine&apos;s history did not tell</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1

Comment: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps that may have made this layer:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The history lists fewer or other steps than the image has layers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%L1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CREATED BY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SIZE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CREATED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHARED WITH</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DIFF ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CHAIN ID</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Strata::LayerPanel</name>
    <message>
        <source>Select an image to see its layers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Layers of %1, base first. %n layer(s).</source>
        <translation>
            <numerusform>Layers of %1, base first. %n layer.</numerusform>
            <numerusform>Layers of %1, base first. %n layers.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Why Is This Layer Still Here?…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Strata::LayerTreeModel</name>
    <message>
        <source>unknown</source>
        <extracomment>Size of a layer that the engine&apos;s history did not tell</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chain ID: %1
Diff ID: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%L1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n container(s) run on this layer</source>
        <translation>
            <numerusform>%n container runs on this layer</numerusform>
            <numerusform>%n containers run on this layer</numerusform>
        </translation>
    </message>
    <message>
        <source>LAYER</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SIZE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IMAGES ENDING HERE</source>
        <extracomment>Images whose top layer this is</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>USED BY</source>
        <extracomment>How many images include this layer</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Strata::MainWindow</name>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the engine&apos;s images again (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;move…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected images (Delete)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Force Remove…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel Removal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;Digests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One row per digest, with a DIGEST column (--digests)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;Intermediate Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also list untagged parent images (-a)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The table shows what was read before the error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sandbox engine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Docker engine of yours was reachable, so Strata started a throwaway one at %1 with sample images. Removing them here touches nothing of yours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading images from %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n image</numerusform>
            <numerusform>%n images</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) shown</source>
        <translation>
            <numerusform>%n row shown</numerusform>
            <numerusform>%n rows shown</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelling after the current request…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not reach the engine: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped: the engine could not be reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine changed since the preview, so nothing was removed. Here is the preview for the engine as it is now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine changed since the last preview. Check the new preview before removing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped after request %1: the engine answered differently from the preview, so nothing more was sent. The preview promised:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped: the engine&apos;s answer differed from the preview.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Done: %n request(s) succeeded.</source>
        <translation>
            <numerusform>Done: %n request succeeded.</numerusform>
            <numerusform>Done: %n requests succeeded.</numerusform>
        </translation>
    </message>
    <message>
        <source>Done: %1 succeeded, %2 refused by the engine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removal in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strata is removing images. Stop after the current request and quit?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;Shared and Unique Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHARED SIZE and UNIQUE SIZE columns, as docker system df -v</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Why Is This Still Here?…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every reason the selected image exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2, %3 on disk — %4</source>
        <extracomment>%1 is &quot;N images&quot;, %2 &quot;N rows shown&quot;, %3 a size, %4 the engine address.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>size unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an unknown amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop after the current request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Filter…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only the rows containing some text (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removal progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <extracomment>The menu of interface languages. Its entries are named in their own languages.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This filter is refused; the table still shows the last valid one.
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text, or Docker filters: reference=, before=, since=, dangling=, label=, until=. Several values of one key match any of them; different keys must all match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The %n row(s) matching “%1”, by reference, in the order docker image ls lists them.</source>
        <translation>
            <numerusform>The row matching “%1”, by reference, in the order docker image ls lists them.</numerusform>
            <numerusform>The %n rows matching “%1”, by reference, in the order docker image ls lists them.</numerusform>
        </translation>
    </message>
    <message>
        <source>Dangling images only (docker image prune)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All unused images (docker image prune -a)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prune Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which images to prune:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Preview: %n record(s), Total reclaimed space: %1</source>
        <translation>
            <numerusform>Preview: %n record, Total reclaimed space: %1</numerusform>
            <numerusform>Preview: %n records, Total reclaimed space: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Select &amp;Matching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select every row the filter shows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove Matc&amp;hing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview removing every row the filter shows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Prune…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove dangling or all unused images, as docker image prune</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n selected (%2 of layers): removing them frees %1</source>
        <extracomment>%2 is the size of the selected images with every shared layer counted once.</extracomment>
        <translation>
            <numerusform>%n selected (%2 of layers): removing it frees %1</numerusform>
            <numerusform>%n selected (%2 of layers): removing them frees %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancelled after %1 of %2 request(s): %3 succeeded, %4 refused by the engine.</source>
        <translation>
            <numerusform>Cancelled after %1 of %2 request: %3 succeeded, %4 refused by the engine.</numerusform>
            <numerusform>Cancelled after %1 of %2 requests: %3 succeeded, %4 refused by the engine.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>docker image prune%1 answers with %n record(s), as below; Total reclaimed space: %2</source>
        <translation>
            <numerusform>docker image prune%1 answers with %n record, as below; Total reclaimed space: %2</numerusform>
            <numerusform>docker image prune%1 answers with %n records, as below; Total reclaimed space: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Prune: records answered by the engine: %1; promised by the preview: %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Strata::PlanText</name>
    <message>
        <source>Image %1 stays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer %1 stays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the tag %1 still points at it; remove that tag too, or force removal by ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the digest reference %1 still points at it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the image %1 is built on it; remove that image first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the running container %1 uses it; stop and remove the container first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the stopped container %1 uses it; remove the container, or force</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the image %1 shares this layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the container %1 keeps its writable layer on it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>untagged parents are kept (--no-prune)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n untagged image(s) share this layer</source>
        <translation>
            <numerusform>%n untagged image shares this layer</numerusform>
            <numerusform>%n untagged images share this layer</numerusform>
        </translation>
    </message>
    <message>
        <source>shared with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>shared with %1 and %n untagged image(s)</source>
        <translation>
            <numerusform>shared with %1 and %n untagged image</numerusform>
            <numerusform>shared with %1 and %n untagged images</numerusform>
        </translation>
    </message>
    <message>
        <source>Several containers use this image; the engine names one of them, and which one may differ from the preview.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Containers of already deleted images may hold layers that Strata cannot see, so fewer layers may be deleted than shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This engine (containerd image store or Podman) removes images differently; the preview is a best guess, not a promise.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other images are built on this one. Remove them first; force does not help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A running container uses this image. Stop and remove the container first; force does not help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A stopped container uses this image. Remove the container, or force the removal (the container keeps working).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image has several tags. Removing it by ID needs force, which removes every tag; or remove the tags one by one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing on this engine has that name or ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a valid image name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an unknown amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removes %1, deletes %2 and %3, frees %4.</source>
        <extracomment>%1 is &quot;N tags&quot;, %2 &quot;N images&quot;, %3 &quot;N layers&quot;, %4 a size such as 28.9MB.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n tag(s)</source>
        <translation>
            <numerusform>%n tag</numerusform>
            <numerusform>%n tags</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n image</numerusform>
            <numerusform>%n images</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n layer(s)</source>
        <translation>
            <numerusform>%n layer</numerusform>
            <numerusform>%n layers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Strata::RemovalPreviewDialog</name>
    <message>
        <source>Same as: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Force would remove it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the engine will answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What stays, and why</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>… (%n more)</source>
        <translation>
            <numerusform>… (%n more)</numerusform>
            <numerusform>… (%n more)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Strata::SharingView</name>
    <message>
        <source>Layer sharing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <extracomment>Size of a layer that the engine&apos;s history did not tell</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 · %2 · %n images</source>
        <translation>
            <numerusform>%1 · %2 · %n image</numerusform>
            <numerusform>%1 · %2 · %n images</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No images</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Layer %1, %2, used by %n image(s): %3</source>
        <translation>
            <numerusform>Layer %1, %2, used by %n image: %3</numerusform>
            <numerusform>Layer %1, %2, used by %n images: %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Image %1, %n layer(s)</source>
        <translation>
            <numerusform>Image %1, %n layer</numerusform>
            <numerusform>Image %1, %n layers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Strata::WhyDialog</name>
    <message>
        <source>Image %1 stays as long as:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>size unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer %1 (%2) stays as long as:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing keeps it: removing it deletes it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WhyDialog</name>
    <message>
        <source>Why is this still here?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Browse and remove the images of a Docker engine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engine address (overrides DOCKER_HOST).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the window as a PNG once the images are shown, then quit.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
