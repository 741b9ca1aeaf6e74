import { ApolloServer } from '@apollo/server';
import type { LoggerService } from '@nestjs/common';
import { BadUserInput, Conflict, NotFound } from '@redress/errors';
import { correlation } from '@redress/observability';
import { DateTimeScalar } from './date-time.scalar.js';
import { formatSubgraphError } from './format-subgraph-error.js';

class LoggerFake implements LoggerService {
  errors: unknown[][] = [];
  log() {}
  warn() {}
  error(...args: unknown[]) { this.errors.push(args); }
}

const typeDefs = /* GraphQL */ `
  scalar DateTime
  type Query {
    badEmail: String
    missing: String
    wrongState: String
    database: String
    since(from: DateTime!): String
  }
`;
const resolvers = {
  DateTime: DateTimeScalar,
  Query: {
    badEmail: () => { throw new BadUserInput('customer.email', 'must be a valid email address'); },
    missing: () => { throw new NotFound('Complaint', '42'); },
    wrongState: () => { throw new Conflict('The complaint is closed'); },
    database: () => { throw new Error('QueryFailedError: duplicate key value violates unique constraint "customer_email_key" SELECT * FROM customer'); },
    since: () => 'ok',
  },
};

let logger: LoggerFake;
let server: ApolloServer;

beforeEach(async () => {
  logger = new LoggerFake();
  // Stack traces switched ON here on purpose: formatError must strip them regardless.
  server = new ApolloServer({ typeDefs, resolvers, formatError: formatSubgraphError(logger), includeStacktraceInErrorResponses: true });
  await server.start();
});
afterEach(() => server.stop());

async function errorsOf(query: string, variables?: Record<string, unknown>) {
  const response = await correlation.run('corr-123', () => server.executeOperation({ query, variables }));
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return response.body.singleResult.errors ?? [];
}

describe('formatSubgraphError', () => {
  it('maps a DomainError to its code and names the field of bad input', async () => {
    const [error] = await errorsOf('{ badEmail }');
    expect(error).toEqual({
      message: 'customer.email: must be a valid email address',
      locations: [{ line: 1, column: 3 }],
      path: ['badEmail'],
      extensions: { code: 'BAD_USER_INPUT', field: 'customer.email' },
    });
  });

  it('keeps NOT_FOUND and CONFLICT with their messages', async () => {
    expect((await errorsOf('{ missing }'))[0]).toMatchObject({ message: 'Complaint 42 does not exist', extensions: { code: 'NOT_FOUND' } });
    expect((await errorsOf('{ wrongState }'))[0]).toMatchObject({ message: 'The complaint is closed', extensions: { code: 'CONFLICT' } });
  });

  it('turns an unexpected error into INTERNAL_SERVER_ERROR with a reference, no SQL and no stack', async () => {
    const [error] = await errorsOf('{ database }');
    expect(error).toEqual({
      message: 'Internal error; reference corr-123',
      locations: [{ line: 1, column: 3 }],
      path: ['database'],
      extensions: { code: 'INTERNAL_SERVER_ERROR', correlationId: 'corr-123' },
    });
    expect(JSON.stringify(error)).not.toMatch(/SELECT|constraint|stacktrace/);
  });

  it('logs the real error behind the reference', async () => {
    await errorsOf('{ database }');
    expect(logger.errors).toHaveLength(1);
    const [entry, cause] = logger.errors[0] as [Record<string, unknown>, Error];
    expect(entry).toMatchObject({ reference: 'corr-123', path: 'database' });
    expect(cause.message).toContain('duplicate key value');
  });

  it("keeps Apollo's own codes for a malformed request", async () => {
    expect((await errorsOf('{ database '))[0].extensions).toEqual({ code: 'GRAPHQL_PARSE_FAILED' });
    expect((await errorsOf('{ nope }'))[0].extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
  });

  it('answers BAD_USER_INPUT to a bad DateTime variable', async () => {
    const [error] = await errorsOf('query($from: DateTime!) { since(from: $from) }', { from: 'last tuesday' });
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT' });
    expect(error.message).toContain('ISO-8601');
  });

  it('answers BAD_USER_INPUT to a bad DateTime written in the query', async () => {
    const [error] = await errorsOf('{ since(from: "last tuesday") }');
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT' });
  });
});
