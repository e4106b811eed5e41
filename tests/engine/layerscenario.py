#!/usr/bin/env python3
"""Deep layer sharing in a private dockerd, for the disk-usage and survival tests.

  layerscenario.py build --dir DIR      (DIR made by `scripts/sandbox-engine start --no-seed`)

Wipes the engine, then loads one docker-save archive and adds names and containers:

  base:1        busybox root layer; every other image but `island` and `samediff` builds on it
  chain         base -> s1 .. s7, classic-builder steps (parent links); s2 and s5 change only
                metadata, s4 adds an empty layer (0 bytes: its history cannot be mapped)
  mid:1 = s3, app:1 = s7, app:2 = c2 (a branch off s4), branch:1 = b1 (a branch off s2)
  <none> head   d1, an untagged step off s1 that nothing else builds on (dangling)
  leaf:1        e2 on e1 on base: removing leaf:1 prunes e1 unless --no-prune
  twin:1        the layers of s3 with no parent link (built elsewhere and loaded)
  samediff:1    s1's layer alone at the bottom: the same diff ID, another chain ID
  island:1      a root layer nobody shares
  pulled:1      c1 pushed to the 127.0.0.1 mirror and pulled back: tag and digest
  containers    run-app (running, app:1), made-island (created, island:1), done-twin (exited,
                twin:1),
                paused-branch (paused, branch:1)

Every image has its own creation second, so `docker system df -v` lists them in one order.
Prints the image IDs by key as JSON on stdout.
"""

import argparse
import importlib.machinery
import importlib.util
import json
import os
import sys

ROOT = os.path.realpath(os.path.join(os.path.dirname(os.path.realpath(__file__)), "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "scripts", "seed"))
import seedimages as si  # noqa: E402

_loader = importlib.machinery.SourceFileLoader("graphgen", os.path.join(ROOT, "scripts",
                                                                         "graphgen"))
_spec = importlib.util.spec_from_loader("graphgen", _loader)
graphgen = importlib.util.module_from_spec(_spec)
_loader.exec_module(graphgen)

BASE = 1672531200  # 2023-01-01T00:00:00Z


class Clock:
    def __init__(self):
        self.now = BASE

    def __call__(self):
        self.now += 1
        return "%04d-01-01T00:%02d:%02d.000000000Z" % (2023, (self.now - BASE) // 60,
                                                       (self.now - BASE) % 60)


def images():
    clock = Clock()
    base_layer = si.Layer(si.busybox_entries() + si.skeleton())
    t = clock()
    base = si.Image("base", [base_layer],
                    [{"created": t, "created_by": "/bin/sh -c #(nop) ADD file:%s in / "
                      % base_layer.diff_id[7:]},
                     {"created": t, "created_by": si.nop(' CMD ["sh"]'), "empty_layer": True}],
                    si.container_config(cmd=["sh"]), t)
    layers = {n: si.data_layer("deep-" + n, size) for n, size in
              [("s1", 40000), ("s3", 12000), ("s6", 3000), ("s7", 900), ("b1", 7000),
               ("c1", 2500), ("c2", 1100), ("d1", 5000), ("e1", 800), ("e2", 600),
               ("island", 64000)]}
    empty = si.Layer([si.d("usr"), si.d("usr/share"), si.d("usr/share/empty")])
    out = {"base": base}

    def step(key, parent, layer=None, **changes):
        created_by = ("/bin/sh -c make %s" % key) if layer else si.nop(" ENV STEP=%s" % key)
        if not layer:
            changes.setdefault("Env", [si.PATH_ENV, "STEP=%s" % key])
        out[key] = out[parent].step(key, clock(), created_by, layer, **changes)

    step("s1", "base", layers["s1"])
    step("s2", "s1")
    step("s3", "s2", layers["s3"])
    step("s4", "s3", empty)
    step("s5", "s4")
    step("s6", "s5", layers["s6"])
    step("s7", "s6", layers["s7"])
    step("b1", "s2", layers["b1"])
    step("c1", "s4", layers["c1"])
    step("c2", "c1", layers["c2"])
    step("d1", "s1", layers["d1"])
    step("e1", "base", layers["e1"])
    step("e2", "e1", layers["e2"])

    def root(key, root_layers):
        t = clock()
        history = [{"created": t, "created_by": "/bin/sh -c #(nop) ADD file:%s in / "
                    % l.diff_id[7:]} for l in root_layers]
        history.append({"created": t, "created_by": si.nop(' CMD ["sh"]'), "empty_layer": True})
        out[key] = si.Image(key, list(root_layers), history, si.container_config(cmd=["sh"]), t)

    root("twin", out["s3"].layers)
    root("samediff", [layers["s1"]])
    root("island", [layers["island"]])
    return out


TAGS = [("base", "base", "1"), ("s3", "mid", "1"), ("s7", "app", "1"), ("c2", "app", "2"),
        ("b1", "branch", "1"), ("twin", "twin", "1"), ("samediff", "samediff", "1"),
        ("island", "island", "1"), ("e2", "leaf", "1")]
CONTAINERS = [("s7", "run-app", "running"), ("island", "made-island", "created"),
              ("twin", "done-twin", "exited"), ("b1", "paused-branch", "paused")]


class Named:
    def __init__(self, img):
        self.id = img.id


def build(engine):
    graphgen.wipe(engine)
    imgs = images()
    engine.stream("POST", "/images/load?quiet=1",
                  body=si.save_archive(list(imgs.values()), engine.registry),
                  headers={"Content-Type": "application/x-tar"})
    for key, repo, tag in TAGS:
        engine.tag(imgs[key].id, repo, tag)
    # A pull through the mirror gives pulled:1 and pulled@sha256:… (graphgen's "mirror" mode).
    push = "%s/library/pulled" % engine.registry
    engine.tag(imgs["c1"].id, push, "1")
    engine.push(push, "1")
    engine.pull("pulled", "1")
    engine.delete_image("%s:1" % push)
    for key, name, state in CONTAINERS:
        graphgen.create_container(engine, imgs[key].id, state, name)
    got = {i["Id"] for i in engine.images()}
    missing = [k for k, img in imgs.items() if img.id not in got]
    if missing:
        raise graphgen.EngineFailure("images missing after load: %s" % missing)
    return {k: img.id for k, img in imgs.items()}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("command", choices=["build"])
    parser.add_argument("--dir", required=True, help="the sandbox-engine directory")
    args = parser.parse_args()
    try:
        ids = build(graphgen.engine_from_dir(args.dir))
    except (graphgen.EngineFailure, OSError) as exc:
        print("layerscenario: failed: %s" % exc, file=sys.stderr)
        return 1
    json.dump(ids, sys.stdout, indent=1)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
