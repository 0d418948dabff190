/**
 * Synthesis helpers for tests: a construct or stack to parsed Terraform JSON,
 * resources by type, a stack's backend. Every lib's tests use these.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { App, TerraformStack, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';

/** Synthesized Terraform JSON of one stack. */
export interface StackJson {
  readonly terraform?: {
    readonly backend?: Record<string, Record<string, unknown>>;
    readonly required_providers?: Record<string, { source: string; version: string }>;
  };
  readonly provider?: Record<string, Array<Record<string, unknown>>>;
  readonly resource?: Record<string, Record<string, Record<string, any>>>;
  readonly data?: Record<string, Record<string, Record<string, any>>>;
  readonly output?: Record<string, { value: unknown; sensitive?: boolean }>;
  readonly locals?: Record<string, unknown>;
}

/** Synthesizes a stack (running cdktf's validations) and parses the JSON. */
export function synthStack(stack: TerraformStack): StackJson {
  return JSON.parse(Testing.synth(stack, true));
}

/**
 * Builds a construct in a fresh stack with an AWS provider and returns the
 * stack's JSON together with what the builder returned.
 */
export function synthConstruct<T>(build: (scope: Construct) => T, region = 'us-east-1'): { json: StackJson; result: T; stack: TerraformStack } {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'test');
  new AwsProvider(stack, 'aws', { region });
  const result = build(stack);
  return { json: synthStack(stack), result, stack };
}

/** All resources of a type, keyed by their logical name. */
export function resourcesOfType(json: StackJson, type: string): Record<string, Record<string, any>> {
  return json.resource?.[type] ?? {};
}

/** The resources of a type as a list. */
export function listResources(json: StackJson, type: string): Record<string, any>[] {
  return Object.values(resourcesOfType(json, type));
}

/** The one resource of a type; throws when there are none or several. */
export function onlyResource(json: StackJson, type: string): Record<string, any> {
  const all = listResources(json, type);
  if (all.length !== 1) throw new Error(`expected exactly one ${type}, found ${all.length}`);
  return all[0];
}

/** Data sources of a type, keyed by logical name. */
export function dataSourcesOfType(json: StackJson, type: string): Record<string, Record<string, any>> {
  return json.data?.[type] ?? {};
}

/** The backend block of a stack: its type and its settings. */
export function backendOf(json: StackJson): { type: string; config: Record<string, unknown> } {
  const backend = json.terraform?.backend ?? {};
  const types = Object.keys(backend);
  if (types.length !== 1) throw new Error(`expected one backend, found ${types.length}`);
  return { type: types[0], config: backend[types[0]] };
}

/**
 * Synthesizes a whole app (so cross-stack references become outputs and
 * remote state) and returns a reader for each stack's JSON. Use this, not
 * synthStack, for stacks that consume another stack's values.
 */
export function synthApp(app: App): SynthesizedApp {
  app.synth();
  return readSynthesis(app.outdir);
}

/** A synthesized app's stacks, read from its outdir. */
export interface SynthesizedApp {
  /** One stack's JSON (parsed on each call). */
  stack(id: string): StackJson;
  /** Every stack id the synthesis wrote, sorted. */
  stackIds(): string[];
  readonly outdir: string;
}

/** Reads the stacks of an app synthesized into `outdir` (by synthApp, `npm run synth`, or a test's shared synthesis). */
export function readSynthesis(outdir: string): SynthesizedApp {
  const stacksDir = path.join(outdir, 'stacks');
  return {
    outdir,
    stackIds: () => fs.readdirSync(stacksDir).sort(),
    stack: (id: string) => JSON.parse(fs.readFileSync(path.join(stacksDir, id, 'cdk.tf.json'), 'utf8')),
  };
}

/**
 * Resolves `${aws_x.name.attr}` style references to the resource they point at,
 * so a test can check wiring without depending on token text.
 */
export function referencedResource(json: StackJson, expression: unknown): { type: string; name: string; attribute: string } | undefined {
  if (typeof expression !== 'string') return undefined;
  const m = /^\$\{([a-z0-9_]+)\.([A-Za-z0-9_-]+)\.([a-z0-9_]+)\}$/.exec(expression);
  if (!m || !json.resource?.[m[1]]?.[m[2]]) return undefined;
  return { type: m[1], name: m[2], attribute: m[3] };
}
