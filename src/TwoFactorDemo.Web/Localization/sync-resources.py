#!/usr/bin/env python3
"""Brings the resource files in line with the code (a developer's tool; the tests check the same rules).

Finds every key the app localizes (L["..."] in views, T["..."] in code, TextKey.Of("..."), and the data-annotation
ErrorMessage/Name/Prompt strings), writes SharedResource.resx (English: each key is its own value) and keeps in
SharedResource.es.resx the Spanish of every key still used. New Spanish comes from a tab-separated file (key, text):

    python3 src/TwoFactorDemo.Web/Localization/sync-resources.py [--add new-es.tsv]

and the keys still without Spanish are listed (exit 1 if any).
"""
import os, re, sys
from xml.sax.saxutils import escape
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
WEB = os.path.dirname(HERE)
LITERAL = r'"((?:[^"\\]|\\.)*)"'
PATTERNS = [re.compile(p) for p in (
    r'\b[LT]\[\s*' + LITERAL,
    r'\bTextKey\.Of\(\s*' + LITERAL,
    r'\b(?:ErrorMessage|Name|Prompt)\s*=\s*' + LITERAL + r'(?=[^\]]*\)\])',
)]


def unescape(s):
    return re.sub(r'\\(.)', lambda m: {'n': '\n', 't': '\t'}.get(m.group(1), m.group(1)), s)


def keys():
    found = set()
    for root, dirs, files in os.walk(WEB):
        dirs[:] = [d for d in dirs if d not in ('bin', 'obj', 'wwwroot', 'Migrations')]
        for f in files:
            if f.endswith(('.cs', '.cshtml')) and not f.endswith('Options.cs'):  # options messages are for operators
                text = open(os.path.join(root, f), encoding='utf-8').read()
                for p in PATTERNS:
                    found.update(unescape(m) for m in p.findall(text))
    return found


def read(path):
    if not os.path.exists(path):
        return {}
    return {d.get('name'): d.findtext('value') or '' for d in ET.parse(path).getroot().iter('data')}


def write(path, entries):
    with open(path, 'w', encoding='utf-8') as out:
        out.write('<?xml version="1.0" encoding="utf-8"?>\n<root>\n'
                  '  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>\n'
                  '  <resheader name="version"><value>2.0</value></resheader>\n'
                  '  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>\n'
                  '  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>\n')
        for k in sorted(entries, key=lambda k: (k.lower(), k)):
            out.write(f'  <data name={quote(k)} xml:space="preserve"><value>{escape(entries[k])}</value></data>\n')
        out.write('</root>\n')


def quote(s):
    return '"' + escape(s, {'"': '&quot;', '\n': '&#10;'}) + '"'


def main():
    used = keys()
    write(os.path.join(HERE, 'SharedResource.resx'), {k: k for k in used})
    spanish = {k: v for k, v in read(os.path.join(HERE, 'SharedResource.es.resx')).items() if k in used}
    if '--add' in sys.argv:
        for line in open(sys.argv[sys.argv.index('--add') + 1], encoding='utf-8'):
            if line.strip() and '\t' in line:
                k, v = line.rstrip('\n').split('\t', 1)
                if k in used:
                    spanish[k] = v
                else:
                    print('not used in the code:', k, file=sys.stderr)
    write(os.path.join(HERE, 'SharedResource.es.resx'), spanish)
    missing = sorted(used - spanish.keys())
    for k in missing:
        print(k)
    print(f'{len(used)} keys, {len(missing)} without Spanish', file=sys.stderr)
    return 1 if missing else 0


if __name__ == '__main__':
    sys.exit(main())
