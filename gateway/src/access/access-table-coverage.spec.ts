import { ANONYMOUS_READABLE, FIELD_ACCESS, OPERATION_ACCESS, PRIVATE_FIELDS } from '@redress/auth';
import { readFileSync } from 'node:fs';
import { buildASTSchema, isObjectType, parse, type GraphQLSchema } from 'graphql';

// The composed supergraph (`npm run compose:supergraph`) against the access tables of libs/auth: the
// gateway refuses nothing the table does not know, so every operation must have its row (the e2e
// matrix then checks what each row says against the running system).
function supergraphSchema(): GraphQLSchema {
  const sdl = readFileSync(new URL('../../supergraph.graphql', import.meta.url), 'utf8');
  return buildASTSchema(parse(sdl), { assumeValidSDL: true });
}

describe('the access tables cover the supergraph', () => {
  const schema = supergraphSchema();
  const operations = [schema.getQueryType(), schema.getMutationType()].flatMap((type) => Object.keys(type?.getFields() ?? {}));

  it('has a row in OPERATION_ACCESS for every Query and Mutation field, and no row for anything else', () => {
    expect(operations.filter((name) => !Object.hasOwn(OPERATION_ACCESS, name))).toEqual([]);
    expect(Object.keys(OPERATION_ACCESS).filter((name) => !operations.includes(name))).toEqual([]);
  });

  it('names only existing types and fields in FIELD_ACCESS, PRIVATE_FIELDS and ANONYMOUS_READABLE', () => {
    const missing = (type: string, field?: string) => {
      const found = schema.getType(type);
      return !isObjectType(found) || (field !== undefined && !found.getFields()[field]);
    };
    const coordinates: string[] = [
      ...Object.keys(FIELD_ACCESS),
      ...Object.keys(PRIVATE_FIELDS),
      ...Object.entries(ANONYMOUS_READABLE).flatMap(([type, fields]) => (fields === 'ALL' ? [type] : fields.map((field) => `${type}.${field}`))),
    ];
    expect(coordinates.filter((coordinate) => missing(...(coordinate.split('.') as [string, string?])))).toEqual([]);
  });
});
