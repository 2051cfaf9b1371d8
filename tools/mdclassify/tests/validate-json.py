#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""validate-json.py SCHEMA FILE... -- check mdclassify --json reports
against Documentation/mdclassify.schema.json.  Uses python3-jsonschema when
it is installed; otherwise a small validator of the keywords the schema
uses (type, const, enum, required, properties, additionalProperties,
items, minimum, anyOf, $ref).  Exit 1 and one line per error."""
import json
import sys


def small_validate(schema, doc, root, path, errs):
    if '$ref' in schema:
        ref = schema['$ref']
        node = root
        for part in ref.lstrip('#/').split('/'):
            node = node[part]
        return small_validate(node, doc, root, path, errs)
    if 'anyOf' in schema:
        if not any(not small_validate(s, doc, root, path, []) for s in schema['anyOf']):
            errs.append('%s: matches no alternative' % path)
    if 'const' in schema and doc != schema['const']:
        errs.append('%s: %r is not %r' % (path, doc, schema['const']))
    if 'enum' in schema and doc not in schema['enum']:
        errs.append('%s: %r not in %r' % (path, doc, schema['enum']))
    t = schema.get('type')
    if t is not None:
        types = t if isinstance(t, list) else [t]
        ok = {'object': dict, 'array': list, 'string': str, 'null': type(None)}
        good = False
        for ty in types:
            if ty == 'integer':
                good |= isinstance(doc, int) and not isinstance(doc, bool)
            elif ty == 'boolean':
                good |= isinstance(doc, bool)
            else:
                good |= isinstance(doc, ok[ty])
        if not good:
            errs.append('%s: %r is not %s' % (path, doc, t))
            return errs
    if 'minimum' in schema and isinstance(doc, int) and doc < schema['minimum']:
        errs.append('%s: %r < %r' % (path, doc, schema['minimum']))
    if isinstance(doc, dict):
        for k in schema.get('required', []):
            if k not in doc:
                errs.append('%s: %s missing' % (path, k))
        props = schema.get('properties', {})
        for k, v in doc.items():
            if k in props:
                small_validate(props[k], v, root, path + '.' + k, errs)
            elif schema.get('additionalProperties') is False:
                errs.append('%s: unexpected %s' % (path, k))
    if isinstance(doc, list) and 'items' in schema:
        for i, v in enumerate(doc):
            small_validate(schema['items'], v, root, '%s[%d]' % (path, i), errs)
    return errs


def main():
    schema = json.load(open(sys.argv[1]))
    bad = 0
    try:
        import jsonschema
        check = jsonschema.Draft202012Validator(schema)
        how = 'jsonschema'
    except ImportError:
        check = None
        how = 'small validator'
    for fn in sys.argv[2:]:
        doc = json.load(open(fn))
        if check is not None:
            errs = ['%s: %s' % ('/'.join(map(str, e.path)), e.message)
                    for e in check.iter_errors(doc)]
        else:
            errs = small_validate(schema, doc, schema, '$', [])
        for e in errs:
            print('%s: %s' % (fn, e))
        bad += bool(errs)
    print('validate-json (%s): %d of %d reports invalid' % (how, bad, len(sys.argv) - 2))
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
