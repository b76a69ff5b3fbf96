import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';
import { graphemes } from '../../server/line/text.js';

/**
 * Validates request bodies we send to LINE against LINE's own OpenAPI description
 * (test/fixtures/line-openapi/messaging-api.yml, Apache-2.0) plus the documented limits the
 * schemas do not encode.
 *
 * OpenAPI expresses polymorphism as a base schema with a `discriminator` whose subtypes `allOf`
 * the base; plain JSON Schema cannot follow that (the base does not point at its subtypes, and
 * following the mapping from the base would recurse). So each discriminated base S becomes
 * "S's own properties, `type` one of the mapping's keys, and the mapped subtype's schema when
 * `type` is that key", and subtypes `allOf` a copy of the base without its discriminator. Every
 * concrete subtype also gets `unevaluatedProperties: false`, so a misspelt field fails
 * instead of passing silently (LINE rejects unknown fields in Flex).
 */

const here = path.dirname(fileURLToPath(import.meta.url));
const SPEC = path.join(here, '..', 'fixtures', 'line-openapi', 'messaging-api.yml');
const REF = '#/components/schemas/';

type Schema = Record<string, any>;

function buildSchemas(): Record<string, Schema> {
  const spec = parse(readFileSync(SPEC, 'utf8'));
  const source: Record<string, Schema> = spec.components.schemas;
  const out: Record<string, Schema> = {};
  const baseOf = new Map<string, string>(); // subtype name -> its discriminated parents
  const subtypes = new Set<string>();
  for (const [name, schema] of Object.entries(source)) {
    if (!schema.discriminator) continue;
    for (const ref of Object.values<string>(schema.discriminator.mapping ?? {})) {
      const sub = ref.slice(REF.length);
      subtypes.add(sub);
      baseOf.set(`${sub}>${name}`, name);
    }
  }
  for (const [name, schema] of Object.entries(source)) {
    const copy: Schema = structuredClone(schema);
    if (copy.discriminator) {
      const { propertyName, mapping } = copy.discriminator;
      delete copy.discriminator;
      out[`${name}__base`] = copy;
      out[name] = {
        allOf: [
          { $ref: `${REF}${name}__base` },
          { type: 'object', required: [propertyName], properties: { [propertyName]: { enum: Object.keys(mapping) } } },
          ...Object.entries<string>(mapping).map(([key, ref]) => ({
            if: { properties: { [propertyName]: { const: key } } },
            then: { $ref: ref },
          })),
        ],
      };
    } else {
      out[name] = copy;
    }
    const target = copy.discriminator ? out[`${name}__base`]! : out[name]!;
    if (Array.isArray(target.allOf)) {
      target.allOf = target.allOf.map((part: Schema) => {
        const parent = typeof part.$ref === 'string' ? part.$ref.slice(REF.length) : undefined;
        return parent && baseOf.has(`${name}>${parent}`) ? { $ref: `${REF}${parent}__base` } : part;
      });
    }
    if (subtypes.has(name)) target.unevaluatedProperties = false;
  }
  return out;
}

function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  const addFormats = (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  for (const f of ['int32', 'int64', 'double', 'float']) ajv.addFormat(f, true);
  const schemas = buildSchemas();
  ajv.addSchema({ $id: 'line', components: { schemas } });
  return ajv;
}

let ajv: Ajv2020 | undefined;
const validators = new Map<string, ValidateFunction>();

function validatorFor(name: string): ValidateFunction {
  ajv ??= createAjv();
  let v = validators.get(name);
  if (!v) {
    v = ajv.compile({ $ref: `line${REF}${name}`, unevaluatedProperties: false });
    validators.set(name, v);
  }
  return v;
}

/** Problems found by walking the body for the limits LINE documents outside the schema. */
export function limitProblems(body: any): string[] {
  const problems: string[] = [];
  const labels: string[] = [];
  const walk = (node: any, at: string): void => {
    if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${at}[${i}]`));
    if (!node || typeof node !== 'object') return;
    if (node.type === 'text' && typeof node.text === 'string' && node.text.length > 5000) problems.push(`${at}.text has ${node.text.length} UTF-16 units (max 5000)`);
    if (node.type === 'text' && node.text === '') problems.push(`${at}.text is empty`);
    if (node.type === 'flex' && (typeof node.altText !== 'string' || node.altText.length > 1500 || node.altText.trim() === ''))
      problems.push(`${at}.altText must be 1-1500 characters`);
    if (typeof node.label === 'string' && graphemes(node.label).length > 20) problems.push(`${at}.label "${node.label}" has more than 20 graphemes`);
    if (node.type === 'postback' && typeof node.data === 'string' && node.data.length > 300) problems.push(`${at}.data is longer than 300`);
    if (node.type === 'postback' && typeof node.displayText === 'string' && node.displayText.length > 300) problems.push(`${at}.displayText is longer than 300`);
    if (node.type === 'uri' && typeof node.uri === 'string' && node.uri.length > 1000) problems.push(`${at}.uri is longer than 1000`);
    if (node.quickReply) {
      const items = node.quickReply.items ?? [];
      if (items.length > 13) problems.push(`${at}.quickReply has ${items.length} items (max 13)`);
      for (const item of items) if (item.action?.label) labels.push(item.action.label);
    }
    for (const [k, v] of Object.entries(node)) walk(v, `${at}.${k}`);
  };
  walk(body, '$');
  const seen = new Set<string>();
  for (const l of labels) {
    if (seen.has(l)) problems.push(`quick-reply label "${l}" appears twice in one reply`);
    seen.add(l);
  }
  return problems;
}

/** Every problem with a body sent to `path` on the LINE API ([] when it is valid). */
export function lineRequestProblems(apiPath: string, body: unknown): string[] {
  const schema =
    apiPath === '/v2/bot/message/reply'
      ? 'ReplyMessageRequest'
      : apiPath === '/v2/bot/message/push'
        ? 'PushMessageRequest'
        : apiPath === '/v2/bot/chat/loading/start'
          ? 'ShowLoadingAnimationRequest'
          : undefined;
  if (!schema) return [`no schema known for ${apiPath}`];
  const validate = validatorFor(schema);
  const problems = validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
  return [...problems, ...limitProblems(body)];
}
