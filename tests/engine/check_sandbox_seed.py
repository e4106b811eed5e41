#!/usr/bin/env python3
"""Checks that the sandbox-engine fixtures really hold the seeded laptop-like engine.

  check_sandbox_seed.py listing SEED_DIR   uses STRATA_TEST_HOST_SANDBOX
  check_sandbox_seed.py twins   SEED_DIR   uses STRATA_TEST_HOST_TWIN_CLI and _TWIN_STRATA

The expectations come from the real docker CLI on one side and scripts/seed/seedimages.py
(the IDs computed from the bytes we generated) on the other.
"""

import json
import os
import subprocess
import sys

TAGS = ["alpine/git:latest", "docker101tutorial:latest", "mongo:3.2", "redis:alpine",
        "ubuntu:18.04", "ubuntu:latest"]
FAILURES = []


def docker(host, *args):
    cli = "/usr/bin/docker" if os.access("/usr/bin/docker", os.X_OK) else "docker"
    env = dict(os.environ, DOCKER_HOST=host)
    res = subprocess.run([cli] + list(args), env=env, capture_output=True, text=True)
    if res.returncode != 0:
        sys.exit("docker %s failed on %s: %s" % (" ".join(args), host, res.stderr.strip()))
    return res.stdout


def expect(cond, what):
    print(("ok      " if cond else "FAILED  ") + what)
    if not cond:
        FAILURES.append(what)


def host_of(name):
    host = os.environ.get("STRATA_TEST_HOST_" + name)
    if not host:
        sys.exit("STRATA_TEST_HOST_%s is not set (run through ctest)" % name)
    return host


def check_listing(seedimages):
    host = host_of("SANDBOX")
    want = seedimages.expected_summary(seedimages.seed_images())
    rows = docker(host, "image", "ls", "--format", "{{.Repository}}:{{.Tag}}").split()
    expect(sorted(rows) == sorted(TAGS + ["<none>:<none>"]),
           "image ls shows the six tags and one dangling image: %s" % rows)
    all_ids = docker(host, "image", "ls", "-a", "-q", "--no-trunc").split()
    expect(sorted(all_ids) == want["ids"], "image ls -a shows exactly the seeded image IDs")
    for tag in TAGS:
        info = json.loads(docker(host, "image", "inspect", tag))[0]
        expect(info["Id"] == want["tags"][tag], "%s has ID %s" % (tag, want["tags"][tag][:19]))
        repo = tag.rsplit(":", 1)[0]
        digests = info["RepoDigests"]
        if tag.startswith("docker101tutorial"):
            expect(digests == [], "%s (built locally) has no repo digest" % tag)
        else:
            expect(len(digests) == 1 and digests[0].startswith(repo + "@sha256:"),
                   "%s has one mirror-free repo digest: %s" % (tag, digests))
    for child, parent in want["parents"].items():
        got = docker(host, "image", "inspect", "-f", "{{.Parent}}", child).strip()
        expect(got == parent, "parent of %s is %s" % (child[7:19], parent[7:19]))
    states = docker(host, "ps", "-a", "--format", "{{.Names}} {{.State}} {{.Image}}").split("\n")
    expect(sorted(s for s in states if s) == ["running-tutorial running docker101tutorial",
                                              "stopped-bionic created ubuntu:18.04"],
           "containers: %s" % states)


def check_twins():
    cli, strata = host_of("TWIN_CLI"), host_of("TWIN_STRATA")
    expect(cli != strata, "the twins are two engines")
    args = ("image", "ls", "-a", "--digests", "--no-trunc")
    a, b = docker(cli, *args), docker(strata, *args)
    expect(len(a.splitlines()) == 15, "twin listing has a header and 14 images")
    expect(a == b, "both twins list identical IDs, digests and order")
    if a != b:
        print("--- twin_cli\n%s--- twin_strata\n%s" % (a, b))


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in ("listing", "twins"):
        sys.exit(__doc__)
    sys.path.insert(0, sys.argv[2])
    import seedimages
    check_listing(seedimages) if sys.argv[1] == "listing" else check_twins()
    print("%d failed" % len(FAILURES))
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
