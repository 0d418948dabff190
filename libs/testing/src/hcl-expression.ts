/**
 * Reads back what `Fn.jsonencode(object)` synthesizes: cdktf writes it as one
 * Terraform expression, `${jsonencode({"Version" = "2012-10-17", ...})}`, an
 * HCL object literal. Tests want the object: this parses that literal (objects,
 * lists, strings, numbers, booleans, null) and returns any other expression
 * inside it (a reference such as `aws_iam_role.r.arn`, a function call) as a
 * whole `${...}` string, the way cdktf writes a reference in plain JSON.
 */

/** The object inside a synthesized `${jsonencode(...)}` attribute. */
export function parseJsonencode(text: string): any {
  const m = /^\$\{jsonencode\(([\s\S]*)\)\}$/.exec(text);
  if (!m) throw new Error(`parseJsonencode: not a \${jsonencode(...)} expression: ${text.slice(0, 80)}`);
  const parser = new HclLiteral(m[1]);
  const value = parser.value();
  parser.end();
  return value;
}

class HclLiteral {
  private i = 0;
  constructor(private readonly s: string) {}

  end(): void {
    this.ws();
    if (this.i !== this.s.length) this.fail('trailing text');
  }

  value(): unknown {
    this.ws();
    const c = this.s[this.i];
    if (c === '{') return this.object();
    if (c === '[') return this.list();
    if (c === '"') return this.string();
    if (/[-\d]/.test(c)) {
      const n = /^-?\d+(\.\d+)?([eE][-+]?\d+)?/.exec(this.s.slice(this.i));
      if (n) {
        this.i += n[0].length;
        return Number(n[0]);
      }
    }
    return this.expression();
  }

  private object(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    this.i += 1;
    for (;;) {
      this.ws();
      if (this.s[this.i] === '}') {
        this.i += 1;
        return out;
      }
      const key = this.s[this.i] === '"' ? this.string() : this.identifier();
      this.ws();
      if (this.s[this.i] !== '=' && this.s[this.i] !== ':') this.fail("'=' after an object key");
      this.i += 1;
      out[key] = this.value();
      this.separator('}');
    }
  }

  private list(): unknown[] {
    const out: unknown[] = [];
    this.i += 1;
    for (;;) {
      this.ws();
      if (this.s[this.i] === ']') {
        this.i += 1;
        return out;
      }
      out.push(this.value());
      this.separator(']');
    }
  }

  private separator(close: string): void {
    this.ws();
    if (this.s[this.i] === ',') this.i += 1;
    else if (this.s[this.i] !== close) this.fail(`',' or '${close}'`);
  }

  private string(): string {
    let out = '';
    this.i += 1;
    while (this.i < this.s.length) {
      const c = this.s[this.i++];
      if (c === '"') return out;
      if (c === '\\') {
        const e = this.s[this.i++];
        out += e === 'n' ? '\n' : e === 't' ? '\t' : e === 'r' ? '\r' : e;
      } else out += c;
    }
    return this.fail('closing quote');
  }

  private identifier(): string {
    const m = /^[A-Za-z_][\w-]*/.exec(this.s.slice(this.i));
    if (!m) this.fail('an object key');
    this.i += m![0].length;
    return m![0];
  }

  /** A bare expression (reference, function call, true/false/null), up to the next `,` `}` `]` outside brackets. */
  private expression(): unknown {
    const start = this.i;
    let depth = 0;
    while (this.i < this.s.length) {
      const c = this.s[this.i];
      if (c === '"') {
        this.string();
        continue;
      }
      if ('([{'.includes(c)) depth += 1;
      else if (')]}'.includes(c)) {
        if (depth === 0) break;
        depth -= 1;
      } else if (c === ',' && depth === 0) break;
      this.i += 1;
    }
    const text = this.s.slice(start, this.i).trim();
    if (text === '') this.fail('a value');
    if (text === 'true') return true;
    if (text === 'false') return false;
    if (text === 'null') return null;
    return `\${${text}}`;
  }

  private ws(): void {
    while (/\s/.test(this.s[this.i] ?? '')) this.i += 1;
  }

  private fail(expected: string): never {
    throw new Error(`parseJsonencode: expected ${expected} at ${this.i}: ${this.s.slice(this.i, this.i + 40)}`);
  }
}
