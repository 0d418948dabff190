#!/usr/bin/env node
// For the server-side dry run only: rewrites API versions that the test
// kube-apiserver does not serve to an older version of the same kind that it
// does serve, when the two have the same schema for what we emit. The source
// files are never changed: converted copies go to --out.
//
//   node convert-for-server.js --served FILE --out DIR MANIFEST...
// FILE holds `kubectl api-versions`. Prints a JSON report on stdout:
//   { files: [{ src, out, objects }], namespaces: [...], conversions: [...] }
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const YAML = require('yaml');

// group/version -> kind -> older group/version with the same fields, newest first,
// and the fields that exist only in the newer version (removed, and reported).
const FALLBACKS = {
  'autoscaling/v2': {
    // v2 (GA in 1.23) is v2beta2 (1.12+) renamed: same spec, metrics and behavior
    HorizontalPodAutoscaler: { to: ['autoscaling/v2beta2'], newerOnly: [] },
  },
  'policy/v1': {
    // v1 (GA in 1.21) has v1beta1's fields; unhealthyPodEvictionPolicy came in 1.26, v1 only
    PodDisruptionBudget: { to: ['policy/v1beta1'], newerOnly: [['spec', 'unhealthyPodEvictionPolicy']] },
  },
};

function parseArgs(argv) {
  const args = { files: [] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--served') args.served = argv[++i];
    else if (argv[i] === '--out') args.out = argv[++i];
    else args.files.push(argv[i]);
  }
  if (!args.served || !args.out || args.files.length === 0) {
    console.error('usage: convert-for-server.js --served FILE --out DIR MANIFEST...');
    process.exit(2);
  }
  return args;
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const served = new Set(fs.readFileSync(args.served, 'utf8').split(/\s+/).filter(Boolean));
  fs.mkdirSync(args.out, { recursive: true });
  const report = { files: [], namespaces: [], conversions: [] };
  const namespaces = new Set();

  args.files.forEach((src, index) => {
    const text = fs.readFileSync(src, 'utf8');
    const docs = YAML.parseAllDocuments(text, { version: '1.1' });
    let changed = false;
    let objects = 0;
    for (const doc of docs) {
      if (doc.errors.length) throw new Error(`${src}: ${doc.errors[0].message}`);
      const obj = doc.toJS();
      if (!obj || typeof obj !== 'object') continue;
      objects++;
      const { apiVersion, kind, metadata = {} } = obj;
      if (kind === 'Namespace' && metadata.name) namespaces.add(metadata.name);
      if (metadata.namespace) namespaces.add(metadata.namespace);
      if (served.has(apiVersion)) continue;
      const rule = FALLBACKS[apiVersion] && FALLBACKS[apiVersion][kind];
      const to = rule && rule.to.find((v) => served.has(v));
      if (!to) continue; // left as is: the server will refuse it, and the check fails
      doc.set('apiVersion', to);
      const dropped = [];
      for (const field of rule.newerOnly) {
        if (doc.hasIn(field)) {
          doc.deleteIn(field);
          dropped.push(field.join('.'));
        }
      }
      changed = true;
      report.conversions.push({ file: src, kind, name: metadata.name, namespace: metadata.namespace, from: apiVersion, to, dropped });
    }
    const out = path.join(args.out, `${String(index).padStart(3, '0')}-${path.basename(src)}`);
    fs.writeFileSync(out, changed ? docs.map((d) => d.toString()).join('---\n') : text);
    report.files.push({ src, out, objects });
  });
  report.namespaces = [...namespaces].sort();
  process.stdout.write(JSON.stringify(report, null, 2) + '\n');
}

main();
