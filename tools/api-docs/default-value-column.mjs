// @ts-check
// A TypeDoc plugin of three lines' worth: the code base writes JSDoc's `@default`
// (as aws-cdk does); typedoc-plugin-markdown puts only TSDoc's `@defaultValue` in
// the "Default value" column of a properties table. Renaming the tag after
// conversion gives every props table a default column instead of a default
// buried in the description.
import { Converter } from 'typedoc';

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    for (const reflection of Object.values(context.project.reflections)) {
      const comments = [reflection.comment, ...(/** @type {any} */ (reflection).signatures ?? []).map((s) => s.comment)];
      for (const comment of comments) {
        for (const tag of comment?.blockTags ?? []) {
          if (tag.tag === '@default') tag.tag = '@defaultValue';
        }
      }
    }
  });
}
