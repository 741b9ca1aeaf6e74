import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

// Values reach SQL only as bound parameters: the SQL text, ORDER BY, SELECT and GROUP BY of every
// service are built from literals and constants, never from what a request carried (FACTS: never pass
// user strings to orderBy/select/addSelect). This reads every service's source and holds that.
const root = join(new URL('.', import.meta.url).pathname, '../../..');
const SQL_TEXT_METHODS = new Set([
  'query', 'where', 'andWhere', 'orWhere', 'having', 'andHaving', 'orHaving',
  'orderBy', 'addOrderBy', 'select', 'addSelect', 'groupBy', 'addGroupBy', 'innerJoin', 'leftJoin', 'innerJoinAndSelect', 'leftJoinAndSelect',
]);
const FIND_OPTION_KEYS = new Set(['order', 'select']);

/**
 * Reviewed places where SQL text is built from something other than literals and constants, each
 * because no request value can reach it: `<file>|<method>|<argument text>`.
 */
const REVIEWED: Record<string, string> = {
  'services/intake/src/list-complaints/list-complaints.query.ts|andWhere|sql': 'conditions() returns literal SQL with :named parameters',
  'services/intake/src/graphql/complaint-history.resolver.ts|order:|{ [orderBy]: \'ASC\' } as never': 'the key is a column name the resolver passes in code',
  'services/reporting/src/persistence/app-role.ts|query|`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${quoted}`': 'the configured login, quoted by quote_ident',
  'services/reporting/src/persistence/app-role.ts|query|`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${quoted}`': 'the configured login, quoted by quote_ident',
  'services/reporting/src/persistence/app-role.ts|query|`GRANT ${privileges.join(\', \')} ON TABLE ${table} TO ${quoted}`': 'privileges and tables from APP_ROLE_PRIVILEGES; role quoted by quote_ident',
  'services/reporting/src/persistence/app-role.ts|query|statement': 'built by format(%I, %L) in PostgreSQL from the configured login',
  'services/reporting/src/cli/bench/reporting-bench.ts|query|`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`': 'a benchmark command-line tool, the name is its own',
  'services/reporting/src/persistence/vacuum-read-models.ts|query|`VACUUM (ANALYZE) ${table}`': 'tables from READ_MODEL_TABLES',
  "services/notification/src/delivery/delivery-outcomes.ts|query|`UPDATE notifications SET status = $2, ${set} WHERE id = $1 AND status = 'QUEUED' RETURNING id, complaint_id, reference, kind, channel, cause_event_id, attempts`":
    'set: literal assignments passed by the private settle() callers, values bound',
  "services/notification/src/jobs/delivery-sweeper.ts|query|`SELECT id, correlation_id FROM ${ledger.table} WHERE status = 'QUEUED' AND created_at < now() - make_interval(secs => $1) ORDER BY created_at LIMIT 500`":
    'ledger.table: one of two table names fixed in the constructor',
  'services/notification/src/manage-webhooks/manage-webhooks.handler.ts|query|`UPDATE webhooks SET ${set} WHERE id = $1 RETURNING ${WEBHOOK_COLUMNS}`':
    'set: literal assignments passed by the private change() callers, values bound',
};

/** The text of an argument with its whitespace collapsed, so a reviewed entry survives re-indentation. */
const textOf = (node: ts.Node, file: ts.SourceFile) => node.getText(file).replace(/\s+/g, ' ');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'migrations' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** Literals, UPPER_CASE constants, and local consts (or ternaries, templates) made only of those. */
function isStatic(node: ts.Expression, file: ts.SourceFile, seen = new Set<string>()): boolean {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isNumericLiteral(node)) return true;
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node)) return isStatic(node.expression, file, seen);
  if (ts.isTemplateExpression(node)) return node.templateSpans.every((span) => isStatic(span.expression, file, seen));
  if (ts.isConditionalExpression(node)) return isStatic(node.whenTrue, file, seen) && isStatic(node.whenFalse, file, seen);
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) return isStatic(node.left, file, seen) && isStatic(node.right, file, seen);
  if (ts.isIdentifier(node)) {
    if (/^[A-Z][A-Z0-9_]*$/.test(node.text)) return true;
    if (seen.has(node.text)) return false;
    seen.add(node.text);
    const initializer = constInitializer(node.text, file);
    return initializer !== undefined && isStatic(initializer, file, seen);
  }
  return false;
}

function constInitializer(name: string, file: ts.SourceFile): ts.Expression | undefined {
  let found: ts.Expression | undefined;
  const visit = (node: ts.Node) => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === name && node.initializer
      && ts.isVariableDeclarationList(node.parent) && node.parent.flags & ts.NodeFlags.Const) found ??= node.initializer;
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** `order`/`select` find options: object literals with plain keys (a computed key could come from a request). */
function isStaticFindOption(node: ts.Expression): boolean {
  if (ts.isArrayLiteralExpression(node)) return node.elements.every((element) => ts.isStringLiteral(element));
  if (!ts.isObjectLiteralExpression(node)) return false;
  return node.properties.every((property) => ts.isPropertyAssignment(property) && !ts.isComputedPropertyName(property.name)
    && (ts.isObjectLiteralExpression(property.initializer) ? isStaticFindOption(property.initializer) : ts.isStringLiteral(property.initializer) || property.initializer.kind === ts.SyntaxKind.TrueKeyword));
}

function dynamicSqlIn(path: string): string[] {
  const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const where = relative(root, path);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && SQL_TEXT_METHODS.has(node.expression.name.text)) {
      const [first] = node.arguments;
      const key = `${where}|${node.expression.name.text}|${first && textOf(first, file)}`;
      const isCallback = first && (ts.isArrowFunction(first) || ts.isFunctionExpression(first) || ts.isObjectLiteralExpression(first));
      if (first && !isCallback && !isStatic(first, file) && !(key in REVIEWED)) found.push(key);
    }
    if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && FIND_OPTION_KEYS.has(node.name.text) && ts.isObjectLiteralExpression(node.parent)
      && ts.isCallExpression(node.parent.parent) && !isStaticFindOption(node.initializer)) {
      const key = `${where}|${node.name.text}:|${textOf(node.initializer, file)}`;
      if (!(key in REVIEWED)) found.push(key);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe('SQL structure in services', () => {
  const services = readdirSync(join(root, 'services'));

  it('is built from literals and constants only; values are bound parameters', () => {
    const files = services.flatMap((service) => sourceFiles(join(root, 'services', service, 'src')));
    expect(files.length).toBeGreaterThan(50);
    expect(files.flatMap(dynamicSqlIn)).toEqual([]);
  });

  it('would notice a request value in ORDER BY, SQL text or find options', () => {
    const path = join(root, 'tmp', 'sql-structure-probe.ts');
    const sample = ts.createSourceFile(path, `
      const ORDER = 'c.received_at';
      const local = \`SELECT 1 FROM t WHERE a = $1 ORDER BY \${ORDER}\`;
      qb.orderBy(args.sortBy);
      qb.addSelect(\`c.\${field}\`);
      db.query(\`SELECT * FROM complaints WHERE reference = '\${reference}'\`);
      db.query(local, [value]);
      repo.find({ order: { [args.sortBy]: 'ASC' } });
      repo.find({ order: { receivedAt: 'DESC' } });`, ts.ScriptTarget.Latest, true);
    const flagged: string[] = [];
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && SQL_TEXT_METHODS.has(node.expression.name.text) && !isStatic(node.arguments[0], sample)) {
        flagged.push(node.arguments[0].getText(sample));
      }
      if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && node.name.text === 'order' && !isStaticFindOption(node.initializer)) flagged.push(node.initializer.getText(sample));
      ts.forEachChild(node, visit);
    };
    visit(sample);
    expect(flagged).toEqual(['args.sortBy', '`c.${field}`', "`SELECT * FROM complaints WHERE reference = '${reference}'`", "{ [args.sortBy]: 'ASC' }"]);
  });
});
