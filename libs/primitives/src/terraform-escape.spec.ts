import { escapeTerraformTemplateString, escapeTerraformTemplates } from './terraform-escape';

describe('escapeTerraformTemplateString', () => {
  it.each([
    ['${HOME}', '$${HOME}'],
    ['a ${x} b ${y}', 'a $${x} b $${y}'],
    ['%{ if x }', '%%{ if x }'],
    ['no templates: $ {} $$ { % {', 'no templates: $ {} $$ { % {'],
    ['${TfToken[TOKEN.3]}', '${TfToken[TOKEN.3]}'],
    ['${TfToken[TOKEN.3]}/${PATH}', '${TfToken[TOKEN.3]}/$${PATH}'],
  ])('%j → %j', (input, expected) => {
    expect(escapeTerraformTemplateString(input)).toBe(expected);
  });
});

describe('escapeTerraformTemplates', () => {
  it('escapes ${ and %{ in nested strings and keys, leaving other values alone', () => {
    const input = { a: 'x ${y} z', b: ['${1}', { '${k}': '%{if}' }], n: 3, t: true, nil: null, plain: '$ {} $$ {' };
    expect(escapeTerraformTemplates(input)).toEqual({
      a: 'x $${y} z',
      b: ['$${1}', { '$${k}': '%%{if}' }],
      n: 3,
      t: true,
      nil: null,
      plain: '$ {} $$ {',
    });
  });

  it('keeps cdktf token markers intact and does not mutate its input', () => {
    const input = { v: '${TfToken[TOKEN.12]}::${HOME}' };
    expect(escapeTerraformTemplates(input)).toEqual({ v: '${TfToken[TOKEN.12]}::$${HOME}' });
    expect(input.v).toBe('${TfToken[TOKEN.12]}::${HOME}');
  });

  it('passes class instances (cdktf resolvables) through as the same object', () => {
    class Resolvable {
      readonly text = '${x}';
    }
    const r = new Resolvable();
    const out = escapeTerraformTemplates({ r });
    expect(out.r).toBe(r);
    expect(out.r.text).toBe('${x}');
  });
});
