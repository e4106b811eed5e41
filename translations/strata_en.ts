<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
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
</context>
<context>
    <name>RemovalConfirmDialog</name>
    <message>
        <source>Remove images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Force (docker image rm -f)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove images used by stopped containers and untag images with several references.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep untagged parents (--no-prune)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not delete untagged parent images that nothing else uses.</source>
        <translation type="unfinished"></translation>
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
        <source>The address came from %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use unix:///path/to/docker.sock or tcp://host:port with --host or DOCKER_HOST.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Is Docker running? Start it with “sudo systemctl start docker”, or point Strata at another engine with --host or DOCKER_HOST, then press Retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add yourself to the docker group (“sudo usermod -aG docker $USER”), log in again, then press Retry.</source>
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
        <source>Done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled; the requests after this point were not sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped: the engine could not be reached.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Strata::RemovalConfirmDialog</name>
    <message numerus="yes">
        <source>Strata will send %n removal request(s) to the engine, one after another, in this order. Tagged images are removed by name, so other tags of the same image stay.</source>
        <translation>
            <numerusform>Strata will send %n removal request to the engine. Tagged images are removed by name, so other tags of the same image stay.</numerusform>
            <numerusform>Strata will send %n removal requests to the engine, one after another, in this order. Tagged images are removed by name, so other tags of the same image stay.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same as: %1</source>
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
        <source>Say in the window that the engine is the sandbox.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the window as a PNG once the images are shown, then quit.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
