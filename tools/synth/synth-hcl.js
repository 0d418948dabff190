#!/usr/bin/env node
// `npm run synth:hcl`: the way out of cdktf. Writes every stack as plain
// Terraform HCL into cdktf.out.hcl/stacks/<stack>/cdk.tf, then makes it
// what Terraform itself would write:
//   1. cdktf 0.21 renders the terraform block's plain attributes as their key
//      list (`0 = "required_version"`, an HCL syntax error: renderTerraform
//      passes Object.keys(...) to renderSimpleAttributes). The values are in
//      the stack's metadata.json beside it; they are written back.
//   2. `terraform fmt` (cdktf writes `"${x}"` for a bare reference, which fmt
//      rewrites to `x`). Without a terraform binary the files stay unformatted
//      and this says so.
// Offline and credential-free, like `npm run synth`.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '../..');
const out = path.resolve(root, process.env.HCL_OUTDIR || 'cdktf.out.hcl');
const env = { ...process.env, CI: 'true', CHECKPOINT_DISABLE: '1' };

const synth = spawnSync(path.join(root, 'node_modules/.bin/cdktf'), ['synth', '--hcl', '--output', out], { cwd: root, env, stdio: 'inherit' });
if (synth.status !== 0) process.exit(synth.status ?? 1);

/** Replaces cdktf's `N = "<key>"` lines in the terraform block with `<key> = <value>`. */
function fixTerraformBlock(file, terraform) {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  let inside = false;
  let fixed = 0;
  const result = lines.map((line) => {
    if (/^terraform \{$/.test(line)) inside = true;
    else if (inside && /^\}$/.test(line)) inside = false;
    const m = inside && /^ {2}\d+ = "([a-z_]+)"$/.exec(line);
    if (!m) return line;
    if (!(m[1] in terraform)) throw new Error(`${file}: terraform.${m[1]} is not in metadata.json; cannot repair '${line.trim()}'`);
    fixed++;
    return `  ${m[1]} = ${JSON.stringify(terraform[m[1]])}`;
  });
  fs.writeFileSync(file, result.join('\n'));
  return fixed;
}

const stacksDir = path.join(out, 'stacks');
let repaired = 0;
for (const stack of fs.readdirSync(stacksDir)) {
  const dir = path.join(stacksDir, stack);
  const meta = path.join(dir, 'metadata.json');
  if (!fs.existsSync(meta)) continue;
  const terraform = JSON.parse(fs.readFileSync(meta, 'utf8')).terraform ?? {};
  repaired += fixTerraformBlock(path.join(dir, 'cdk.tf'), terraform);
}

const tf = process.env.TERRAFORM_BIN || 'terraform';
const fmt = spawnSync(tf, ['fmt', '-recursive', '-list=false', stacksDir], { env: { ...env, TF_CLI_CONFIG_FILE: '/dev/null' }, encoding: 'utf8' });
if (fmt.error) {
  process.stderr.write(`synth:hcl: ${tf} not found: the HCL is valid but not formatted (run terraform fmt -recursive ${path.relative(root, stacksDir)})\n`);
} else if (fmt.status !== 0) {
  process.stderr.write(`synth:hcl: terraform fmt failed, the HCL does not parse:\n${fmt.stderr}\n`);
  process.exit(1);
}
process.stdout.write(`synth:hcl: ${path.relative(root, stacksDir)} (${repaired} terraform-block attributes repaired${fmt.error ? '' : ', formatted'})\n`);
