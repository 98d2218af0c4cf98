import { readFileSync } from 'node:fs';

/*
 * The project's own lint rules: boundaries the architecture states
 * (docs/ARCHITECTURE.md) that a generic rule cannot see.
 */

const ROUTE_DECORATORS = new Set(['Get', 'Post', 'Put', 'Patch', 'Delete', 'Head', 'Options', 'All']);
const ANSWER_DECORATORS = new Set(['ApiSchemas', 'ApiFile']);

function decoratorName(decorator) {
  const expression = decorator.expression;
  if (expression.type === 'CallExpression' && expression.callee.type === 'Identifier') return expression.callee.name;
  return expression.type === 'Identifier' ? expression.name : null;
}

/** The decorator's first argument, when it is an object literal: `{ key: value }` as a map of property nodes. */
function objectArgument(decorator) {
  const argument = decorator.expression.type === 'CallExpression' ? decorator.expression.arguments[0] : undefined;
  if (argument?.type !== 'ObjectExpression') return null;
  return new Map(argument.properties.filter((p) => p.type === 'Property').map((p) => [p.key.name ?? String(p.key.value), p.value]));
}

/** The status Nest answers with: `@HttpCode(n)`, else 201 for POST and 200 for the rest. */
function defaultStatus(decorators) {
  const httpCode = decorators.find((d) => decoratorName(d) === 'HttpCode')?.expression.arguments?.[0];
  if (httpCode?.type === 'Literal') return String(httpCode.value);
  return decorators.some((d) => decoratorName(d) === 'Post') ? '201' : '200';
}

/** A handler that writes the response itself (`@Res()` without passthrough) sets its own statuses. */
function writesItsOwnResponse(method) {
  return method.value.params.some((param) => (param.decorators ?? []).some((d) => decoratorName(d) === 'Res' && !objectArgument(d)?.has('passthrough')));
}

/**
 * Every route declares its answer: a schema the answer is checked against
 * (ApiSchemas) for the status it answers with, or a file (ApiFile).
 */
const checkedAnswer = {
  meta: {
    type: 'problem',
    schema: [],
    messages: {
      unchecked: 'Route {{name}} declares no answer: add @ApiSchemas({ responses }) (checked at run time) or @ApiFile(media type).',
      status: 'Route {{name}} answers {{status}} but its @ApiSchemas declares no schema for {{status}}: every answer would be refused.',
    },
  },
  create(context) {
    return {
      MethodDefinition(node) {
        const decorators = node.decorators ?? [];
        const names = decorators.map(decoratorName);
        if (!names.some((name) => ROUTE_DECORATORS.has(name))) return;
        if (!names.some((name) => ANSWER_DECORATORS.has(name))) {
          context.report({ node: node.key, messageId: 'unchecked', data: { name: node.key.name ?? '?' } });
          return;
        }
        const schemas = decorators.find((d) => decoratorName(d) === 'ApiSchemas');
        const responses = schemas && objectArgument(schemas)?.get('responses');
        if (!responses || responses.type !== 'ObjectExpression' || writesItsOwnResponse(node)) return;
        const declared = new Set(responses.properties.map((p) => String(p.key.value ?? p.key.name)));
        const status = defaultStatus(decorators);
        if (!declared.has(status)) context.report({ node: node.key, messageId: 'status', data: { name: node.key.name ?? '?', status } });
      },
    };
  },
};

/** Each schema read once per lint process: ESLint calls a rule's `create()` for every file it lints. */
const delegatesBySchema = new Map();

/** Prisma's model delegates (`caseVault`, `staffUser`…), read from the schema so a new model is covered at once. */
export function modelDelegates(schemaPath) {
  const known = delegatesBySchema.get(schemaPath);
  if (known) return known;
  const models = [...readFileSync(schemaPath, 'utf8').matchAll(/^model (\w+) \{/gm)].map((match) => match[1]);
  const delegates = new Set(models.map((name) => name[0].toLowerCase() + name.slice(1)));
  delegatesBySchema.set(schemaPath, delegates);
  return delegates;
}

const QUERY_METHODS = new Set([
  'findUnique',
  'findUniqueOrThrow',
  'findFirst',
  'findFirstOrThrow',
  'findMany',
  'create',
  'createMany',
  'createManyAndReturn',
  'update',
  'updateMany',
  'updateManyAndReturn',
  'upsert',
  'delete',
  'deleteMany',
  'count',
  'aggregate',
  'groupBy',
]);
const RAW_METHODS = new Set(['$queryRaw', '$queryRawUnsafe', '$executeRaw', '$executeRawUnsafe']);

/** A database query (`x.caseVault.findMany(…)`, `x.$queryRaw…`) outside a repository. */
const repositoryDoor = {
  meta: {
    type: 'problem',
    schema: [{ type: 'object', properties: { schema: { type: 'string' } }, additionalProperties: false }],
    messages: { query: 'Database query outside a repository: move it into a *.repository.ts and call that.' },
  },
  create(context) {
    const delegates = modelDelegates(context.options[0]?.schema ?? 'prisma/schema.prisma');
    const isQuery = (member) => {
      if (member.type !== 'MemberExpression' || member.property.type !== 'Identifier') return false;
      if (RAW_METHODS.has(member.property.name)) return true;
      const owner = member.object;
      return (
        QUERY_METHODS.has(member.property.name) &&
        owner.type === 'MemberExpression' &&
        owner.property.type === 'Identifier' &&
        delegates.has(owner.property.name)
      );
    };
    return {
      CallExpression(node) {
        if (isQuery(node.callee)) context.report({ node, messageId: 'query' });
      },
      TaggedTemplateExpression(node) {
        if (isQuery(node.tag)) context.report({ node, messageId: 'query' });
      },
    };
  },
};

export default { rules: { 'checked-answer': checkedAnswer, 'repository-door': repositoryDoor } };
