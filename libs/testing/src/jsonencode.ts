/**
 * Reads back a policy document that a construct wrote with `Fn.jsonencode(...)`.
 *
 * cdktf renders `Fn.jsonencode(obj)` as one Terraform expression,
 * `${jsonencode({"Version" = "2012-10-17", "Statement" = [...]})}`, which
 * Terraform turns into JSON at plan time. Tests need the document as an
 * object: this parses the subset of HCL that cdktf writes there (objects with
 * quoted keys, tuples, strings, numbers, booleans, null, references and
 * `zipmap(keys, values)`, `join(separator, list)`) without Terraform. A reference (`aws_s3_bucket.b.arn`)
 * comes back as the interpolation string `${aws_s3_bucket.b.arn}`, the same
 * text the old `JSON.stringify` documents held, so assertions on wiring keep
 * their shape.
 */

/** A value of the decoded document. */
export type DecodedValue = string | number | boolean | null | DecodedValue[] | { [key: string]: DecodedValue };

const PREFIX = '${jsonencode(';
const SUFFIX = ')}';

/** `true` when a synthesized attribute is a `jsonencode(...)` expression. */
export function isJsonencode(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(PREFIX) && value.endsWith(SUFFIX);
}

/**
 * The object inside a synthesized `${jsonencode(...)}` attribute. Throws,
 * quoting the text, when the value is not one (e.g. a plain JSON string:
 * policies must be built with `Fn.jsonencode`).
 */
export function decodeJsonencode(value: unknown): any {
  if (!isJsonencode(value)) {
    throw new Error(`expected a \${jsonencode(...)} expression (a policy built with Fn.jsonencode), got ${JSON.stringify(value)?.slice(0, 120)}`);
  }
  const parser = new Parser(value.slice(PREFIX.length, value.length - SUFFIX.length));
  const result = parser.value();
  parser.end();
  return result;
}

class Parser {
  private i = 0;
  constructor(private readonly text: string) {}

  end(): void {
    this.space();
    if (this.i !== this.text.length) this.fail('unexpected text');
  }

  value(): DecodedValue {
    this.space();
    const c = this.text[this.i];
    if (c === '{') return this.object();
    if (c === '[') return this.tuple();
    if (c === '"') return this.string();
    const word = this.word();
    if (word === '') this.fail('expected a value');
    if (word === 'true') return true;
    if (word === 'false') return false;
    if (word === 'null') return null;
    if (/^-?\d+(\.\d+)?$/.test(word)) return Number(word);
    this.space();
    if (this.text[this.i] === '(') return this.call(word);
    return `\${${word}}`;
  }

  private object(): { [key: string]: DecodedValue } {
    const out: { [key: string]: DecodedValue } = {};
    this.expect('{');
    for (this.space(); this.text[this.i] !== '}'; this.space()) {
      const key = this.string();
      this.space();
      this.expect('=');
      out[key] = this.value();
      this.separator('}');
    }
    this.expect('}');
    return out;
  }

  private tuple(): DecodedValue[] {
    const out: DecodedValue[] = [];
    this.expect('[');
    for (this.space(); this.text[this.i] !== ']'; this.space()) {
      out.push(this.value());
      this.separator(']');
    }
    this.expect(']');
    return out;
  }

  private call(name: string): DecodedValue {
    this.expect('(');
    const args: DecodedValue[] = [];
    for (this.space(); this.text[this.i] !== ')'; this.space()) {
      args.push(this.value());
      this.separator(')');
    }
    this.expect(')');
    const [first, second] = args;
    if (name === 'zipmap' && Array.isArray(first) && Array.isArray(second) && first.length === second.length) {
      return Object.fromEntries(first.map((k, n) => [String(k), second[n]]));
    }
    if (name === 'join' && typeof first === 'string' && Array.isArray(second)) return second.join(first);
    return this.fail(`unsupported call ${name}(...)`);
  }

  /** A quoted string; `${...}` interpolations are kept, `$${` (a literal `${`) is unescaped. */
  private string(): string {
    this.expect('"');
    let out = '';
    let depth = 0;
    while (this.i < this.text.length) {
      const c = this.text[this.i];
      if (depth === 0 && c === '"') {
        this.i++;
        return out.replace(/\$\$\{/g, '${');
      }
      if (c === '\\' && depth === 0) {
        const next = this.text[this.i + 1];
        out += next === 'n' ? '\n' : next === 't' ? '\t' : next;
        this.i += 2;
        continue;
      }
      if (c === '$' && this.text[this.i + 1] === '{' && this.text[this.i - 1] !== '$') depth++;
      else if (c === '}' && depth > 0) depth--;
      out += c;
      this.i++;
    }
    return this.fail('unterminated string');
  }

  private word(): string {
    const m = /^(?:[A-Za-z0-9_.\-*]|\[\d+\])+/.exec(this.text.slice(this.i));
    const word = m ? m[0] : '';
    this.i += word.length;
    return word;
  }

  private separator(close: string): void {
    this.space();
    if (this.text[this.i] === ',') this.i++;
    else if (this.text[this.i] !== close) this.fail(`expected ',' or '${close}'`);
  }

  private expect(c: string): void {
    if (this.text[this.i] !== c) this.fail(`expected '${c}'`);
    this.i++;
  }

  private space(): void {
    while (/\s/.test(this.text[this.i] ?? '')) this.i++;
  }

  private fail(problem: string): never {
    throw new Error(`decodeJsonencode: ${problem} at offset ${this.i}: ${this.text.slice(Math.max(0, this.i - 40), this.i + 40)}`);
  }
}
