#!/usr/bin/env python3
"""Many repositories, tags, labels and creation times in a private dockerd, for the image
filter, `strata-cli ls` and prune tests.

  filterscenario.py build --dir DIR     (DIR made by `scripts/sandbox-engine start --no-seed`)

Wipes the engine, loads one docker-save archive, adds names, pulls and containers, and prints
the image IDs by key as JSON on stdout. Every image has its own creation second (the daemon
sorts by whole seconds with no tie-break), so `docker image ls` has one order.

  base:1                 busybox root; the chain s1 <- s2 <- s3 builds on it (parent links)
  s1  labels tier=backend team=a          untagged intermediate (only `ls -a` shows it)
  s2  + label stage=build                 untagged intermediate
  s3  app:1 app:2 app:latest              inherits s1/s2 labels, adds version=1.0
  d1  <none> head off s1 (dangling, with a parent)
  web:1 web:latest       tier=frontend team=b, a running container
  db:5 db:6 db:latest    tier=backend version=2.0, a stopped container (prune -a untags
                         all but the last reference, then the engine refuses it)
  tools/cli:1 tools/cli:dev, team/api:v1.0 team/api:edge, localhost:5000/cache:1,
  example.com/x/y:2      names with paths and domains
  multi                  alpha:1 beta:1 gamma:x (three repositories: the CLI orders them at
                         random), label odd="k=v=w", empty=""
  hexy                   s:latest and 3e13:latest (names the engine treats like ID prefixes)
  orphan1, orphan2       untagged roots (dangling heads); orphan2 has a created container
  pulled                 pulled:1 and pulled@sha256:… through the 127.0.0.1 mirror
  bydigest               pulled by digest only: only `bydigest@sha256:…` (dangling to the
                         filter, listed with its digest)
  old                    old:1, created in 2001; label tier=legacy
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


class Clock:
    """A new second per image: 2023-06-01T00:MM:SS."""

    def __init__(self):
        self.n = 0

    def __call__(self):
        self.n += 1
        return "2023-06-01T00:%02d:%02d.000000000Z" % (self.n // 60, self.n % 60)


def root_image(key, layers, created, labels=None):
    history = [{"created": created, "created_by": "/bin/sh -c #(nop) ADD file:%s in / "
                % l.diff_id[7:]} for l in layers]
    history.append({"created": created, "created_by": si.nop(' CMD ["sh"]'),
                    "empty_layer": True})
    return si.Image(key, list(layers), history, si.container_config(cmd=["sh"], labels=labels),
                    created)


def images():
    clock = Clock()
    busybox = si.Layer(si.busybox_entries() + si.skeleton())
    out = {}

    def layer(name, size):
        return si.data_layer("filter-" + name, size)

    out["old"] = root_image("old", [busybox, layer("old", 1500)],
                            "2001-09-09T01:46:40.000000000Z", {"tier": "legacy"})
    out["base"] = root_image("base", [busybox], clock())
    out["s1"] = out["base"].step("s1", clock(), "/bin/sh -c make s1", layer("s1", 30000),
                                 Labels={"tier": "backend", "team": "a"})
    out["s2"] = out["s1"].step("s2", clock(), si.nop(" LABEL stage=build"),
                               Labels={"tier": "backend", "team": "a", "stage": "build"})
    out["s3"] = out["s2"].step("s3", clock(), "/bin/sh -c make s3", layer("s3", 12000),
                               Labels={"tier": "backend", "team": "a", "stage": "build",
                                       "version": "1.0"})
    out["d1"] = out["s1"].step("d1", clock(), "/bin/sh -c make d1", layer("d1", 5000))
    specs = [("web", [busybox, layer("web", 20000)], {"tier": "frontend", "team": "b"}),
             ("db", [busybox, layer("db", 64000)], {"tier": "backend", "version": "2.0"}),
             ("cli", [layer("cli", 2500)], {"team": "b"}),
             ("api", [busybox, layer("api", 9000)], {"team": "a", "tier": "frontend"}),
             ("cache", [layer("cache", 700)], None),
             ("xy", [layer("xy", 800)], {}),
             ("multi", [busybox, layer("multi", 4000)], {"odd": "k=v=w", "empty": ""}),
             ("hexy", [layer("hexy", 600)], {"team": "c"}),
             ("orphan1", [layer("orphan1", 3000)], None),
             ("orphan2", [busybox, layer("orphan2", 3500)], {"tier": "backend"}),
             ("pulled", [busybox, layer("pulled", 2200)], {"tier": "frontend"}),
             ("bydigest", [layer("bydigest", 1800)], {"team": "a"})]
    for key, layers, labels in specs:
        out[key] = root_image(key, layers, clock(), labels)
    return out


TAGS = [("base", "base", "1"), ("s3", "app", "1"), ("s3", "app", "2"), ("s3", "app", "latest"),
        ("web", "web", "1"), ("web", "web", "latest"), ("db", "db", "5"), ("db", "db", "6"),
        ("db", "db", "latest"), ("cli", "tools/cli", "1"), ("cli", "tools/cli", "dev"),
        ("api", "team/api", "v1.0"), ("api", "team/api", "edge"),
        ("cache", "localhost:5000/cache", "1"), ("xy", "example.com/x/y", "2"),
        ("multi", "alpha", "1"), ("multi", "beta", "1"), ("multi", "gamma", "x"),
        ("hexy", "s", "latest"), ("old", "old", "1")]
CONTAINERS = [("web", "run-web", "running"), ("db", "done-db", "exited"),
              ("orphan2", "made-orphan", "created")]


def build(engine):
    graphgen.wipe(engine)
    imgs = images()
    engine.stream("POST", "/images/load?quiet=1",
                  body=si.save_archive(list(imgs.values()), engine.registry),
                  headers={"Content-Type": "application/x-tar"})
    for key, repo, tag in TAGS:
        engine.tag(imgs[key].id, repo, tag)
    # A hex-looking repository that is a prefix of the image's own ID (SEMANTICS.md §1.4).
    engine.tag(imgs["hexy"].id, imgs["hexy"].id[7:11], "latest")
    # pulled:1 and pulled@sha256:… (a pull by tag through the mirror).
    push = "%s/library/pulled" % engine.registry
    engine.tag(imgs["pulled"].id, push, "1")
    engine.push(push, "1")
    engine.pull("pulled", "1")
    engine.delete_image("%s:1" % push)
    # bydigest@sha256:… only (a pull by digest).
    push = "%s/library/bydigest" % engine.registry
    engine.tag(imgs["bydigest"].id, push, "1")
    digest = engine.push(push, "1")
    engine.delete_image("%s:1" % push)
    engine.pull("bydigest", digest)
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
        print("filterscenario: failed: %s" % exc, file=sys.stderr)
        return 1
    json.dump(ids, sys.stdout, indent=1)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
