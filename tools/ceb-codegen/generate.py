#!/usr/bin/env python3
"""Reads the official CEB 202205 XSDs from ../shared and emits the table-driven schema model and the
model classes of Silkgate.Ceb as C# source. (The JGS-20 code tables are the project's own files in
src/Silkgate.Ceb/CodeTables/Data.)

Usage (from the repository root):  python3 tools/ceb-codegen/generate.py [../shared]
Only facts are carried over: element names, order, cardinalities and facets."""
import os, re, sys
import xml.etree.ElementTree as ET

XS = '{http://www.w3.org/2001/XMLSchema}'
ROOT = os.path.normpath(os.path.join(os.path.dirname(__file__), '..', '..'))
SHARED = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, '..', 'shared')
OUT = os.path.join(ROOT, 'src', 'Silkgate.Ceb', 'Generated')
UNBOUNDED = 'int.MaxValue'

def pascal(n):
    return n[0].upper() + n[1:]

def label(el):
    doc = el.find(f'{XS}annotation/{XS}documentation')
    if doc is None or not doc.text:
        return ''
    t = doc.text.strip()
    m = re.match(r'^([^-—：:，,。（(\s]{1,12})[-—]', t)
    return m.group(1) if m else ''

class Simple:
    def __init__(self, base):
        self.base = base; self.length = -1; self.minLength = -1; self.maxLength = -1
        self.totalDigits = -1; self.fractionDigits = -1; self.collapse = False
    def cs(self):
        kind = {'xs:string': 'String', 'xs:decimal': 'Decimal', 'xs:int': 'Int'}[self.base]
        return (f'new SimpleType(SimpleKind.{kind}, {self.length}, {self.minLength}, {self.maxLength}, '
                f'{self.totalDigits}, {self.fractionDigits}, {"true" if self.collapse else "false"})')

def parse_simple(el):
    t = el.get('type')
    if t is not None:
        return Simple(t)
    st = el.find(f'{XS}simpleType')
    r = st.find(f'{XS}restriction')
    s = Simple(r.get('base'))
    for f in r:
        tag = f.tag.replace(XS, '')
        v = f.get('value')
        if tag == 'whiteSpace':
            s.collapse = v == 'collapse'
            assert v in ('collapse', 'preserve'), v
        elif tag in ('length', 'minLength', 'maxLength', 'totalDigits', 'fractionDigits'):
            setattr(s, tag, int(v))
        elif tag in ('annotation',):
            pass
        else:
            raise Exception('facet ' + tag)
    return s

class Slot:
    pass

class Entity:
    def __init__(self, name):
        self.name = name; self.slots = []; self.cls = None; self.var = None; self.label = ''; self.code = None

def load(path):
    tree = ET.parse(path).getroot()
    globs = {e.get('name'): e for e in tree.findall(f'{XS}element')}
    return globs

def build(globs, prefix):
    entities = []   # post-order
    memo = {}
    def entity(el, ctx):
        key = id(el)
        if key in memo:
            return memo[key]
        ent = Entity(el.get('name')); ent.label = label(el); ent.ctx = ctx
        memo[key] = ent
        ct = el.find(f'{XS}complexType')
        seq = ct.find(f'{XS}sequence')
        for c in seq:
            if c.tag != f'{XS}element':
                if c.tag == f'{XS}any':
                    raise Exception('any in sequence')
                continue
            s = Slot()
            s.min = int(c.get('minOccurs', '1'))
            mx = c.get('maxOccurs', '1')
            s.max = UNBOUNDED if mx == 'unbounded' else mx
            s.default = c.get('default'); s.fixed = c.get('fixed'); s.label = label(c)
            ref = c.get('ref')
            if ref == 'ds:Signature':
                s.name = 'Signature'; s.ns = 'Ds'; s.kind = 'Signature'
            elif ref is not None:
                s.name = ref.split(':')[1]; s.ns = 'Ceb'
                g = globs[s.name]
                if g.find(f'{XS}complexType') is not None:
                    s.kind = 'Entity'; s.entity = entity(g, ctx)
                else:
                    s.kind = 'Simple'; s.simple = parse_simple(g)
            else:
                s.name = c.get('name'); s.ns = 'Ceb'
                if c.get('type') == 'ceb:XMLElement':
                    s.kind = 'Any'
                elif c.find(f'{XS}complexType') is not None:
                    s.kind = 'Entity'; s.entity = entity(c, ctx)
                else:
                    s.kind = 'Simple'; s.simple = parse_simple(c)
            ent.slots.append(s)
        attrs = ct.findall(f'{XS}attribute')
        ent.attrs = [(a.get('name'), a.get('use'), parse_simple(a)) for a in attrs]
        entities.append(ent)
        return ent
    messages = []
    for name, g in globs.items():
        m = re.match(r'CEB(\d+)Message$', name)
        if m:
            e = entity(g, m.group(1)); e.code = m.group(1); messages.append(e)
    # class names: collisions between different definitions of one element name get the message code
    byname = {}
    for e in entities:
        byname.setdefault(e.name, []).append(e)
    for name, lst in byname.items():
        for e in lst:
            if e.code:
                e.cls = f'Ceb{e.code}Message'
            elif len(lst) > 1:
                e.cls = f'{pascal(name)}{e.ctx}'
            else:
                e.cls = pascal(name)
    for e in entities:
        e.var = e.cls
        for s in e.slots:
            p = pascal(s.name)
            if p == e.cls:
                p += 'Value'
            s.prop = p
    return entities, messages

def cs_str(v):
    return 'null' if v is None else '"' + v + '"'

def emit_schema(entities, messages, ns, cls):
    L = ['// <auto-generated/>', '// Generated by tools/ceb-codegen/generate.py from the official CEB 202205 XSD. Do not edit.',
         '#nullable enable', 'using Silkgate.Ceb.Schema;', '', f'namespace Silkgate.Ceb.{ns};', '',
         f'internal static class {cls}', '{']
    for e in entities:
        slots = []
        for i, s in enumerate(e.slots):
            typ = s.simple.cs() if s.kind == 'Simple' else 'null'
            ent = e_var = (s.entity.var if s.kind == 'Entity' else 'null')
            slots.append(f'        new SchemaSlot("{s.name}", CebNames.{s.ns}, {i}, {s.min}, {s.max}, SlotKind.{s.kind}, {typ}, {ent}, {cs_str(s.default)}, {cs_str(s.fixed)}, "{s.label}"),')
        L.append(f'    internal static readonly SchemaEntity {e.var} = new("{e.name}", "{e.label}", static () => new {e.cls}(), [')
        L.extend(slots)
        L.append('    ]);')
    L.append('')
    L.append('    internal static readonly SchemaEntity[] Messages = [' + ', '.join(m.var for m in messages) + '];')
    L.append('}')
    return '\n'.join(L) + '\n'

CS_TYPE = {'xs:string': 'string', 'xs:decimal': 'decimal', 'xs:int': 'int'}
ACC = {'xs:string': 'String', 'xs:decimal': 'Decimal', 'xs:int': 'Int'}

def emit_models(entities, ns, schema_cls):
    L = ['// <auto-generated/>', '// Generated by tools/ceb-codegen/generate.py from the official CEB 202205 XSD. Do not edit.',
         '#nullable enable', 'using System.Xml.Linq;', 'using Silkgate.Ceb.Schema;', '', f'namespace Silkgate.Ceb.{ns};', '']
    for e in entities:
        base = 'CebMessage' if e.code else 'CebEntity'
        L.append(f'/// <summary>{e.name} {e.label}</summary>'.replace(' </', '</'))
        L.append(f'public sealed partial class {e.cls} : {base}')
        L.append('{')
        if e.code:
            L.append(f'    public override CebMessageType MessageType => CebMessageType.Ceb{e.code};')
        L.append(f'    internal override SchemaEntity Schema => {schema_cls}.{e.var};')
        for s in e.slots:
            doc = f'    /// <summary>{s.name} {s.label}</summary>'.replace(' </', '</')
            L.append(doc)
            if s.kind == 'Simple':
                t = CS_TYPE[s.simple.base] + '?'
                L.append(f'    public {t} {s.prop} {{ get; set; }}')
            elif s.kind == 'Entity':
                if s.max != '1':
                    L.append(f'    public List<{s.entity.cls}> {s.prop} {{ get; set; }} = [];')
                elif s.min == 1:
                    L.append(f'    public {s.entity.cls} {s.prop} {{ get; set; }} = new();')
                else:
                    L.append(f'    public {s.entity.cls}? {s.prop} {{ get; set; }}')
            else:
                L.append(f'    public XElement? {s.prop} {{ get; set; }}')
        # accessors by slot
        for base_t in ('xs:string', 'xs:decimal', 'xs:int'):
            ss = [(i, s) for i, s in enumerate(e.slots) if s.kind == 'Simple' and s.simple.base == base_t]
            if not ss:
                continue
            a = ACC[base_t]; t = CS_TYPE[base_t]
            L.append(f'    internal override {t}? Get{a}(int slot) => slot switch')
            L.append('    {')
            for i, s in ss:
                L.append(f'        {i} => {s.prop},')
            L.append('        _ => null,')
            L.append('    };')
            L.append(f'    internal override void Set{a}(int slot, {t}? value)')
            L.append('    {')
            L.append('        switch (slot)')
            L.append('        {')
            for i, s in ss:
                L.append(f'            case {i}: {s.prop} = value; break;')
            L.append('        }')
            L.append('    }')
        es = [(i, s) for i, s in enumerate(e.slots) if s.kind == 'Entity']
        if es:
            L.append('    internal override int GetCount(int slot) => slot switch')
            L.append('    {')
            for i, s in es:
                if s.max != '1':
                    L.append(f'        {i} => {s.prop}.Count,')
                elif s.min == 1:
                    L.append(f'        {i} => 1,')
                else:
                    L.append(f'        {i} => {s.prop} is null ? 0 : 1,')
            L.append('        _ => 0,')
            L.append('    };')
            L.append('    internal override CebEntity GetChild(int slot, int index) => slot switch')
            L.append('    {')
            for i, s in es:
                if s.max != '1':
                    L.append(f'        {i} => {s.prop}[index],')
                else:
                    L.append(f'        {i} => {s.prop}!,')
            L.append('        _ => throw new ArgumentOutOfRangeException(nameof(slot)),')
            L.append('    };')
            L.append('    internal override void AddChild(int slot, CebEntity child)')
            L.append('    {')
            L.append('        switch (slot)')
            L.append('        {')
            for i, s in es:
                if s.max != '1':
                    L.append(f'            case {i}: {s.prop}.Add(({s.entity.cls})child); break;')
                else:
                    L.append(f'            case {i}: {s.prop} = ({s.entity.cls})child; break;')
            L.append('        }')
            L.append('    }')
        xs_ = [(i, s) for i, s in enumerate(e.slots) if s.kind in ('Signature', 'Any')]
        if xs_:
            L.append('    internal override XElement? GetXml(int slot) => slot switch')
            L.append('    {')
            for i, s in xs_:
                L.append(f'        {i} => {s.prop},')
            L.append('        _ => null,')
            L.append('    };')
            L.append('    internal override void SetXml(int slot, XElement? value)')
            L.append('    {')
            L.append('        switch (slot)')
            L.append('        {')
            for i, s in xs_:
                L.append(f'            case {i}: {s.prop} = value; break;')
            L.append('        }')
            L.append('    }')
        L.append('}')
        L.append('')
    return '\n'.join(L)

def main():
    os.makedirs(OUT, exist_ok=True)
    for ns, file in (('Export', 'ceb-export-202205.xsd'), ('Import', 'ceb-import-202205.xsd')):
        globs = load(os.path.join(SHARED, 'ceb', 'xsd', file))
        entities, messages = build(globs, ns)
        for e in messages:
            assert [a[0] for a in e.attrs] == ['guid', 'version'], e.name
        with open(os.path.join(OUT, f'{ns}Schema.g.cs'), 'w', encoding='utf-8') as f:
            f.write(emit_schema(entities, messages, ns, f'{ns}Schema'))
        with open(os.path.join(OUT, f'{ns}Models.g.cs'), 'w', encoding='utf-8') as f:
            f.write(emit_models(entities, ns, f'{ns}Schema'))
        print(ns, len(entities), 'entities', len(messages), 'messages')

main()
