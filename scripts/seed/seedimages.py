"""Deterministic seed images for scripts/sandbox-engine.

Every byte here is fixed: layer tars have fixed mtimes, owners and order, configs have fixed
"created" timestamps, and filler content comes from SHAKE-256 of a fixed string. So the
image IDs (sha256 of the config) and chain IDs (from the diff_ids) are the same on every run
and every machine that has the same /bin/busybox (Debian's busybox-static).

The shapes imitate `docker image ls` on a typical laptop:
  redis:alpine, alpine/git:latest  pulled, sharing the alpine-like base layer
  ubuntu:18.04, mongo:3.2          pulled, sharing the bionic-like base layer
  ubuntu:latest                    pulled, its own base layer
  docker101tutorial:latest         built locally with the classic builder on the alpine base:
                                   untagged intermediate parents, only `ls -a` shows them
  <none>:<none>                    an older build of docker101tutorial (dangling), whose
                                   chain shares the first intermediates with the current build
Pulled images have no parent links; built ones do (docker load's manifest "Parent").
"""

import hashlib
import io
import json
import tarfile

MTIME = 1609459200  # 2021-01-01T00:00:00Z, the mtime of every file in every layer
BUSYBOX = "/bin/busybox"
PATH_ENV = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
APPLETS = ["sh", "ash", "cat", "chmod", "cp", "date", "echo", "env", "false", "grep",
           "hostname", "kill", "ln", "ls", "mkdir", "mv", "ps", "pwd", "rm", "sed", "sleep",
           "touch", "true", "uname", "vi"]


def filler(seed, size):
    """Incompressible but reproducible bytes, so layer sizes look like real ones."""
    return hashlib.shake_256(seed.encode()).digest(size)


def sha256(data):
    return "sha256:" + hashlib.sha256(data).hexdigest()


class Layer:
    """One layer tar. entries: (kind, path, mode, payload) with kind d/f/l, no leading '/'."""

    def __init__(self, entries):
        buf = io.BytesIO()
        with tarfile.open(fileobj=buf, mode="w", format=tarfile.USTAR_FORMAT) as tar:
            for kind, path, mode, payload in entries:
                info = tarfile.TarInfo(path)
                info.mtime, info.uid, info.gid, info.mode = MTIME, 0, 0, mode
                info.uname = info.gname = "root"
                data = None
                if kind == "d":
                    info.type = tarfile.DIRTYPE
                elif kind == "l":
                    info.type, info.linkname = tarfile.SYMTYPE, payload
                else:
                    data = payload if isinstance(payload, bytes) else payload.encode()
                    info.size = len(data)
                tar.addfile(info, io.BytesIO(data) if data is not None else None)
        self.tar = buf.getvalue()
        self.diff_id = sha256(self.tar)


def d(path, mode=0o755):
    return ("d", path, mode, None)


def f(path, data, mode=0o644):
    return ("f", path, mode, data)


def ln(path, target):
    return ("l", path, 0o777, target)


def container_config(env=None, cmd=None, image="", workdir="", entrypoint=None,
                     ports=None, volumes=None, labels=None):
    """The "config" object with the keys in the order Go's encoder writes them."""
    cfg = {"Hostname": "", "Domainname": "", "User": "", "AttachStdin": False,
           "AttachStdout": False, "AttachStderr": False}
    if ports:
        cfg["ExposedPorts"] = {p: {} for p in ports}
    cfg.update({"Tty": False, "OpenStdin": False, "StdinOnce": False,
                "Env": env or [PATH_ENV], "Cmd": cmd, "Image": image,
                "Volumes": {v: {} for v in volumes} if volumes else None,
                "WorkingDir": workdir, "Entrypoint": entrypoint, "OnBuild": None,
                "Labels": labels})
    return cfg


class Image:
    """An image config plus its layers; `parent` is set only for classic-builder chains."""

    def __init__(self, key, layers, history, config, created, parent=None):
        self.key, self.layers, self.history = key, layers, history
        self.config, self.created, self.parent = config, created, parent
        self.tags = []        # RepoTags written into the docker-save manifest
        self.pull_name = None  # e.g. "redis:alpine": pushed to the mirror, then pulled
        self.mirror_path = None  # e.g. "library/redis:alpine"
        self._json = None

    def config_json(self):
        if self._json is None:
            last = self.history[-1]["created_by"]
            run = last[len("/bin/sh -c "):] if last.startswith("/bin/sh -c ") else last
            cc = dict(self.config)
            cc["Hostname"] = hashlib.sha256(self.key.encode()).hexdigest()[:12]
            cc["Cmd"] = ["/bin/sh", "-c", run]
            doc = {"architecture": "amd64", "config": self.config,
                   "container": hashlib.sha256(("c" + self.key).encode()).hexdigest(),
                   "container_config": cc, "created": self.created,
                   "docker_version": "20.10.7", "history": self.history, "os": "linux",
                   "rootfs": {"type": "layers", "diff_ids": [l.diff_id for l in self.layers]}}
            self._json = json.dumps(doc, separators=(",", ":")).encode()
        return self._json

    @property
    def id(self):
        return sha256(self.config_json())

    def step(self, key, created, created_by, layer=None, **changes):
        """One classic-builder step: a child image with one more history entry."""
        entry = {"created": created, "created_by": created_by}
        if layer is None:
            entry["empty_layer"] = True
        cfg = dict(self.config)
        cfg["Image"] = self.id
        for name, value in changes.items():
            cfg[name] = value
        layers = self.layers + ([layer] if layer else [])
        return Image(key, layers, self.history + [entry], cfg, created, parent=self)


def nop(text):
    return "/bin/sh -c #(nop) " + text


def busybox_entries():
    with open(BUSYBOX, "rb") as fh:
        data = fh.read()
    return [d("bin"), f("bin/busybox", data, 0o755)] + [
        ln("bin/" + a, "/bin/busybox") for a in APPLETS]


def common_etc(hostname_files):
    return [d("etc"),
            f("etc/group", "root:x:0:root\nnobody:x:65534:\n"),
            f("etc/passwd", "root:x:0:0:root:/root:/bin/sh\n"
                            "nobody:x:65534:65534:nobody:/:/sbin/nologin\n")] + hostname_files


def skeleton():
    return [d("dev"), d("home"), d("proc"), d("root", 0o700), d("sys"), d("tmp", 0o1777),
            d("usr"), d("usr/bin"), d("usr/sbin"), d("usr/share"), d("usr/share/seed"),
            d("var"), d("var/lib")]


def alpine_base():
    entries = busybox_entries() + common_etc([
        f("etc/alpine-release", "3.13.5\n"),
        f("etc/os-release", 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.13.5\n'
                            'PRETTY_NAME="Alpine Linux v3.13"\n'),
        f("etc/motd", "Welcome to Alpine!\n")]) + skeleton() + [
        d("lib"), d("lib/apk"), d("lib/apk/db"),
        f("lib/apk/db/installed", "P:busybox\nV:1.32.1-r6\nP:alpine-baselayout\nV:3.2.0-r8\n"),
        f("usr/share/seed/alpine-base.bin", filler("alpine-base", 300_000))]
    layer = Layer(entries)
    add = "/bin/sh -c #(nop) ADD file:%s in / " % layer.diff_id[7:]
    t = "2021-04-14T19:19:39.643236135Z"
    history = [{"created": t, "created_by": add},
               {"created": "2021-04-14T19:19:39.833036336Z",
                "created_by": nop(' CMD ["/bin/sh"]'), "empty_layer": True}]
    return Image("alpine-base", [layer], history, container_config(cmd=["/bin/sh"]),
                 "2021-04-14T19:19:39.833036336Z")


def ubuntu_base(key, version, codename, created, filler_size):
    entries = busybox_entries() + common_etc([
        f("etc/debian_version", "%s/sid\n" % ("buster" if codename == "bionic" else
                                               "bullseye")),
        f("etc/lsb-release", "DISTRIB_ID=Ubuntu\nDISTRIB_RELEASE=%s\nDISTRIB_CODENAME=%s\n"
                             % (version[:5], codename)),
        f("etc/os-release", 'NAME="Ubuntu"\nVERSION="%s"\nID=ubuntu\nVERSION_CODENAME=%s\n'
                            % (version, codename))]) + skeleton() + [
        d("var/lib/dpkg"), f("var/lib/dpkg/status", "Package: base-files\nStatus: install ok "
                                                    "installed\nVersion: %s\n" % version),
        f("usr/share/seed/%s.bin" % key, filler(key, filler_size))]
    layer = Layer(entries)
    add = "/bin/sh -c #(nop) ADD file:%s in / " % layer.diff_id[7:]
    history = [{"created": created[0], "created_by": add},
               {"created": created[1], "created_by": nop(' CMD ["bash"]'),
                "empty_layer": True}]
    return Image(key, [layer], history, container_config(cmd=["bash"]), created[1])


def data_layer(name, size, extra=()):
    """A layer that adds one filler file (plus extra entries) under usr/share/seed."""
    return Layer([d("usr"), d("usr/share"), d("usr/share/seed")] + list(extra) +
                 [f("usr/share/seed/%s.bin" % name, filler(name, size))])


def pulled(img, key, pull_name, mirror_path):
    """Pulled images carry no parent link: registries do not transport one."""
    img.key, img.parent, img._json = key, None, None
    img.pull_name, img.mirror_path = pull_name, mirror_path
    return img


def redis(base):
    s = base.step("redis-1", "2021-04-15T01:10:12.104410001Z",
                  "/bin/sh -c addgroup -S -g 1000 redis && adduser -S -G redis -u 999 redis",
                  Layer(common_etc([])[:1] + [
                      f("etc/group", "root:x:0:root\nredis:x:1000:redis\n"),
                      f("etc/passwd", "root:x:0:0:root:/root:/bin/sh\n"
                                      "redis:x:999:1000::/home/redis:/sbin/nologin\n")]))
    s = s.step("redis-2", "2021-04-15T01:10:14.220349817Z",
               "/bin/sh -c apk add --no-cache 'su-exec>=0.2' tzdata",
               data_layer("redis-tzdata", 450_000))
    s = s.step("redis-3", "2021-04-15T01:10:14.402231128Z", nop(" ENV REDIS_VERSION=6.2.1"),
               Env=[PATH_ENV, "REDIS_VERSION=6.2.1"])
    s = s.step("redis-4", "2021-04-15T01:12:51.771130662Z",
               "/bin/sh -c set -eux; apk add --no-cache --virtual .build-deps coreutils gcc "
               "make musl-dev openssl-dev; make -C /usr/src/redis -j \"$(nproc)\" all; "
               "make -C /usr/src/redis install; apk del --no-network .build-deps",
               data_layer("redis-server", 1_200_000))
    s = s.step("redis-5", "2021-04-15T01:12:53.219734251Z",
               "/bin/sh -c mkdir /data && chown redis:redis /data",
               Layer([d("data")]))
    s = s.step("redis-6", "2021-04-15T01:12:53.399839224Z", nop(" VOLUME [/data]"),
               Volumes={"/data": {}})
    s = s.step("redis-7", "2021-04-15T01:12:53.587433913Z", nop(" WORKDIR /data"),
               WorkingDir="/data")
    s = s.step("redis-8", "2021-04-15T01:12:53.799233914Z",
               nop(" COPY file:df205a0ef6e6df8947ce0a7ae9e37b6a5588035647f38a49b8b07321003a8a32"
                   " in /usr/local/bin/ "),
               Layer([d("usr"), d("usr/local"), d("usr/local/bin"),
                      f("usr/local/bin/docker-entrypoint.sh",
                        "#!/bin/sh\nset -e\nexec \"$@\"\n", 0o755)]))
    s = s.step("redis-9", "2021-04-15T01:12:53.984432216Z",
               nop(' ENTRYPOINT ["docker-entrypoint.sh"]'),
               Entrypoint=["docker-entrypoint.sh"])
    s = s.step("redis-10", "2021-04-15T01:12:54.169893012Z", nop(" EXPOSE 6379"),
               ExposedPorts={"6379/tcp": {}})
    s = s.step("redis", "2021-04-15T01:12:54.354325713Z", nop(' CMD ["redis-server"]'),
               Cmd=["redis-server"])
    return pulled(s, "redis", "redis:alpine", "library/redis:alpine")


def alpine_git(base):
    s = base.step("git-1", "2021-06-02T20:41:07.112530207Z",
                  "/bin/sh -c apk fix && apk --no-cache --update add git git-lfs less "
                  "openssh && git lfs install",
                  data_layer("alpine-git", 1_500_000))
    s = s.step("git-2", "2021-06-02T20:41:07.301193218Z", nop(" VOLUME [/git]"),
               Volumes={"/git": {}})
    s = s.step("git-3", "2021-06-02T20:41:07.493126512Z", nop(" WORKDIR /git"),
               WorkingDir="/git")
    s = s.step("git-4", "2021-06-02T20:41:07.687013923Z", nop(' ENTRYPOINT ["git"]'),
               Entrypoint=["git"])
    s = s.step("alpine-git", "2021-06-02T20:41:07.880416019Z", nop(' CMD ["--help"]'),
               Cmd=["--help"])
    return pulled(s, "alpine-git", "alpine/git:latest", "alpine/git:latest")


def mongo(bionic):
    s = bionic.step("mongo-1", "2021-09-02T03:20:41.510921336Z",
                    "/bin/sh -c groupadd -r mongodb && useradd -r -g mongodb mongodb",
                    Layer(common_etc([])[:1] + [
                        f("etc/group", "root:x:0:root\nmongodb:x:999:\n"),
                        f("etc/passwd", "root:x:0:0:root:/root:/bin/sh\n"
                                        "mongodb:x:999:999::/home/mongodb:/bin/sh\n")]))
    s = s.step("mongo-2", "2021-09-02T03:21:02.009313128Z",
               nop(" ENV MONGO_MAJOR=3.2 MONGO_VERSION=3.2.22"),
               Env=[PATH_ENV, "MONGO_MAJOR=3.2", "MONGO_VERSION=3.2.22"])
    s = s.step("mongo-3", "2021-09-02T03:21:48.778019920Z",
               "/bin/sh -c set -x && apt-get update && apt-get install -y "
               "mongodb-org=$MONGO_VERSION && rm -rf /var/lib/apt/lists/*",
               data_layer("mongodb-org", 2_400_000))
    s = s.step("mongo-4", "2021-09-02T03:21:50.091290011Z",
               nop(" COPY file:1c5fbd2d4c4bbc2d43a8eae2e5b3a73a4ba3c3f9fb4a7e1b5c1c07d3e1a87d8c"
                   " in /usr/local/bin/ "),
               Layer([d("usr"), d("usr/local"), d("usr/local/bin"),
                      f("usr/local/bin/docker-entrypoint.sh",
                        "#!/bin/sh\nset -e\nexec \"$@\"\n", 0o755)]))
    s = s.step("mongo-5", "2021-09-02T03:21:50.284410291Z",
               nop(' ENTRYPOINT ["docker-entrypoint.sh"]'),
               Entrypoint=["docker-entrypoint.sh"])
    s = s.step("mongo-6", "2021-09-02T03:21:50.472212817Z", nop(" EXPOSE 27017"),
               ExposedPorts={"27017/tcp": {}})
    s = s.step("mongo", "2021-09-02T03:21:50.661109321Z", nop(' CMD ["mongod"]'),
               Cmd=["mongod"])
    return pulled(s, "mongo", "mongo:3.2", "library/mongo:3.2")


def tutorial_builds(base):
    """Classic-builder chains: the current docker101tutorial and an older, now dangling build.

    Both builds share the apk and WORKDIR steps (build-cache hits), then differ from COPY on.
    """
    base = Image("tutorial-from", base.layers, base.history, base.config, base.created)
    apk = base.step("tutorial-apk", "2021-07-10T09:14:02.331873261Z",
                    "/bin/sh -c apk add --no-cache python3 py3-pip",
                    data_layer("tutorial-python", 900_000))
    wd = apk.step("tutorial-workdir", "2021-07-10T09:14:03.102937221Z", nop(" WORKDIR /app"),
                  WorkingDir="/app")
    chains = []
    # Every image gets its own creation second: the API reports seconds, and the CLI's sort
    # by creation time would otherwise order ties differently from one listing to the next.
    for name, created, site_size in (("tutorial-old", "2021-07-10T09:14:%02d", 250_000),
                                     ("tutorial", "2021-07-12T16:02:%02d", 320_000)):
        site = Layer([d("app"), d("app/assets"),
                      f("app/index.html", "<html><body><h1>Getting Started (%s)</h1>"
                                          "</body></html>\n" % name),
                      f("app/assets/site.bin", filler(name + "-site", site_size))])
        copy = wd.step(name + "-copy", created % 41 + ".410028120Z",
                       nop(" COPY dir:%s in /app " % site.diff_id[7:]), site)
        expose = copy.step(name + "-expose", created % 42 + ".598320145Z", nop(" EXPOSE 80"),
                           ExposedPorts={"80/tcp": {}})
        final = expose.step(name, created % 43 + ".784014412Z",
                            nop(' CMD ["httpd" "-f" "-p" "80" "-h" "/app"]'),
                            Cmd=["httpd", "-f", "-p", "80", "-h", "/app"])
        chains.append([copy, expose, final])
    chains[1][-1].tags = ["docker101tutorial:latest"]
    return [base, apk, wd] + chains[0] + chains[1]


def seed_images():
    """All seed images in load order; pulled ones have pull_name/mirror_path set."""
    alpine = alpine_base()
    bionic = ubuntu_base("ubuntu-bionic", "18.04.5 LTS (Bionic Beaver)", "bionic",
                         ("2021-08-31T21:21:23.462912328Z", "2021-08-31T21:21:23.704115810Z"),
                         1_200_000)
    focal = ubuntu_base("ubuntu-focal", "20.04.3 LTS (Focal Fossa)", "focal",
                        ("2021-10-01T16:20:17.101204339Z", "2021-10-01T16:20:17.442039129Z"),
                        1_600_000)
    built = tutorial_builds(alpine)
    images = built + [redis(alpine), alpine_git(alpine), mongo(bionic),
                      pulled(bionic, "ubuntu-bionic", "ubuntu:18.04", "library/ubuntu:18.04"),
                      pulled(focal, "ubuntu-focal", "ubuntu:latest", "library/ubuntu:latest")]
    return images


def save_archive(images, registry):
    """A docker-save style tar of images; pulled ones are tagged with their mirror name."""
    members, manifest, seen = [], [], set()
    for img in images:
        cfg_name = img.id[7:] + ".json"
        members.append((cfg_name, img.config_json()))
        layer_names = []
        for layer in img.layers:
            name = layer.diff_id[7:] + "/layer.tar"
            if name not in seen:
                seen.add(name)
                members.append((name, layer.tar))
            layer_names.append(name)
        tags = list(img.tags)
        if img.mirror_path:
            tags.append("%s/%s" % (registry, img.mirror_path))
        item = {"Config": cfg_name, "RepoTags": tags or None, "Layers": layer_names}
        if img.parent is not None:
            item["Parent"] = img.parent.id
        manifest.append(item)
    members.append(("manifest.json", json.dumps(manifest).encode()))
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.USTAR_FORMAT) as tar:
        for name, data in members:
            info = tarfile.TarInfo(name)
            info.size, info.mtime, info.mode = len(data), MTIME, 0o644
            tar.addfile(info, io.BytesIO(data))
    return buf.getvalue()


def expected_summary(images):
    """What the seeded engine must show: tag -> image ID, plus parent links by ID."""
    tags = {}
    for img in images:
        for t in img.tags + ([img.pull_name] if img.pull_name else []):
            tags[t] = img.id
    parents = {img.id: img.parent.id for img in images if img.parent is not None}
    return {"tags": tags, "parents": parents, "ids": sorted({img.id for img in images})}


if __name__ == "__main__":
    imgs = seed_images()
    for img in imgs:
        print(img.id[7:19], img.key, img.tags or img.pull_name or "",
              "parent=" + (img.parent.id[7:19] if img.parent else "-"),
              "layers=%d" % len(img.layers),
              "size=%d" % sum(len(l.tar) for l in img.layers))
