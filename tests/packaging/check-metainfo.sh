#!/usr/bin/env bash
# The AppStream metainfo passes `appstreamcli validate --no-net --strict` (every issue above
# pedantic level fails), names the project version as its newest release, agrees with the
# desktop entry, is translated into Simplified Chinese, and its screenshots are files in
# docs/screenshots with the sizes it states.
set -euo pipefail
source_dir=$1
version=$2
metainfo=$source_dir/packaging/io.github.strata.Strata.metainfo.xml
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

appstreamcli validate --no-net --strict "$metainfo" || fail "appstreamcli validate failed"

python3 - "$source_dir" "$metainfo" "$version" <<'PY' || fail "metainfo contents"
import struct, sys, xml.etree.ElementTree as ET
source_dir, path, version = sys.argv[1:4]
root = ET.parse(path).getroot()
lang = '{http://www.w3.org/XML/1998/namespace}lang'
problems = []

def texts(tag, language=None):
    return [e for e in root.iter(tag) if e.get(lang) == language]

for tag in ('name', 'summary', 'caption', 'keyword'):
    if not texts(tag, 'zh-CN'):
        problems.append(f'no zh-CN {tag}')
description = root.find('description')
paragraphs = description.findall('p')
if len(paragraphs) != 2 * len([p for p in paragraphs if p.get(lang) is None]):
    problems.append('not every description paragraph has a zh-CN translation')
items = description.findall('ul/li')
if len(items) != 2 * len([li for li in items if li.get(lang) is None]):
    problems.append('not every description list item has a zh-CN translation')
if root.findtext('launchable') != 'io.github.strata.Strata.desktop':
    problems.append('launchable is not the desktop entry')
binaries = sorted(b.text for b in root.iter('binary'))
if binaries != ['strata', 'strata-cli']:
    problems.append(f'provided binaries {binaries}')
# The newest release comes first and must be the version CMake builds.
if [r.get('version') for r in root.iter('release')][:1] != [version]:
    problems.append(f'newest release is not the project version {version}')

# Screenshots are served from the repository; each must exist with the stated size.
prefix = '/main/'
for image in root.iter('image'):
    relative = image.text.split(prefix, 1)[1]
    try:
        with open(f'{source_dir}/{relative}', 'rb') as png:
            header = png.read(24)
    except OSError as error:
        problems.append(f'screenshot {relative}: {error}')
        continue
    if header[:8] != b'\x89PNG\r\n\x1a\n':
        problems.append(f'screenshot {relative} is not a PNG')
        continue
    width, height = struct.unpack('>II', header[16:24])
    stated = (int(image.get('width')), int(image.get('height')))
    if (width, height) != stated:
        problems.append(f'screenshot {relative} is {width}x{height}, metainfo says {stated}')

for problem in problems:
    print('FAIL:', problem, file=sys.stderr)
sys.exit(1 if problems else 0)
PY

# Name and summary must match the desktop entry's Name and Comment, in both languages.
entry=$source_dir/packaging/io.github.strata.Strata.desktop
python3 - "$metainfo" "$entry" <<'PY' || fail "metainfo and desktop entry disagree"
import configparser, sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
lang = '{http://www.w3.org/XML/1998/namespace}lang'
entry = configparser.ConfigParser(interpolation=None)
entry.optionxform = str
entry.read(sys.argv[2], encoding='utf-8')
desktop = entry['Desktop Entry']
pairs = [('name', None, 'Name'), ('name', 'zh-CN', 'Name[zh_CN]'),
         ('summary', None, 'Comment'), ('summary', 'zh-CN', 'Comment[zh_CN]')]
bad = False
for tag, language, key in pairs:
    value = next(e.text for e in root.findall(tag) if e.get(lang) == language)
    if value != desktop.get(key):
        print(f'FAIL: metainfo {tag} ({language}) "{value}" != desktop {key} '
              f'"{desktop.get(key)}"', file=sys.stderr)
        bad = True
sys.exit(1 if bad else 0)
PY

# The window icon compiled into the binary and the packaged icon are one picture.
cmp -s "$source_dir/resources/icons/strata.svg" \
    "$source_dir/packaging/io.github.strata.Strata.svg" \
    || fail "resources/icons/strata.svg and the packaged SVG icon differ"

[ "$failures" -eq 0 ] && echo "metainfo: 0 failures" && exit 0
echo "metainfo: $failures failures" >&2
exit 1
