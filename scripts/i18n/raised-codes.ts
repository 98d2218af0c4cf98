// The field codes the API raises (`{ field: 'file', message: 'file_too_large' }`,
// zod refinements' `message: 'invalid_characters'`, `refused('file', 'not_audio')`),
// found with the TypeScript compiler: each must be worded in the French
// catalogue (api-fr.ts for the public side, staff-fr.ts for the staff side),
// or an answer would carry a bare code.
import { readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import type { MessageUse } from './catalogue-usage.js';

/** The code that raises field codes: the API and the shared schemas. */
const RAISERS = ['apps/api/src', 'packages/shared/src'] as const;

/** A field code: lower-case words joined by underscores (`file_too_large`). */
const FIELD_CODE = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$/;

/** `{ field, message: 'file_too_large' }`, zod's `{ message: '…' }` and `{ error: '…' }`. */
const CODE_PROPERTIES: ReadonlySet<string> = new Set(['message', 'error']);

/** zod checks given their message as a bare argument: `.regex(pattern, 'phone_format')`. */
const ZOD_CHECKS: ReadonlySet<string> = new Set(['regex', 'min', 'max', 'length', 'refine']);

/** Module helpers that refuse with a literal code (`refuse('prompt_unreadable')`, `refused('file', 'not_audio')`); a service's own `this.refuse(…)` records sign-in failures, not field codes. */
const REFUSING_CALL = /^refus/;

export function findRaisedCodes(root = process.cwd()): MessageUse[] {
  const config = ts.getParsedCommandLineOfConfigFile(resolve(root, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  if (!config) throw new Error('tsconfig.json: cannot be read');
  const files = RAISERS.flatMap((folder) => sourceFiles(resolve(root, folder)));
  const program = ts.createProgram(files, { ...config.options, noEmit: true });
  const checker = program.getTypeChecker();
  const uses: MessageUse[] = [];
  for (const file of files) {
    const source = program.getSourceFile(file);
    if (!source) continue;
    const visit = (node: ts.Node): void => {
      for (const code of codesAt(node, checker))
        uses.push({ key: code, where: `${relative(root, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}` });
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return uses;
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter(
      (entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !/\.(spec|test)\.tsx?$/.test(entry.name) && !/\/(i18n|generated)(\/|$)/.test(entry.parentPath),
    )
    .map((entry) => join(entry.parentPath, entry.name));
}

/** The codes a `message` property, a zod check or a refusing call can hold (a literal, or a union of literals by type). */
function codesAt(node: ts.Node, checker: ts.TypeChecker): string[] {
  if (ts.isPropertyAssignment(node) && CODE_PROPERTIES.has(node.name.getText())) return literalCodes(checker.getTypeAtLocation(node.initializer));
  if (ts.isShorthandPropertyAssignment(node) && CODE_PROPERTIES.has(node.name.text)) return literalCodes(checker.getTypeAtLocation(node.name));
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && ZOD_CHECKS.has(node.expression.name.text)) {
    return node.arguments
      .filter(ts.isStringLiteral)
      .map((argument) => argument.text)
      .filter((value) => FIELD_CODE.test(value));
  }
  if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && REFUSING_CALL.test(node.expression.text)) {
    return node.arguments
      .filter(ts.isStringLiteral)
      .map((argument) => argument.text)
      .filter((value) => FIELD_CODE.test(value));
  }
  return [];
}

function literalCodes(type: ts.Type): string[] {
  const parts = type.isUnion() ? type.types : [type];
  return parts
    .filter((part) => part.isStringLiteral())
    .map((part) => (part as ts.StringLiteralType).value)
    .filter((value) => FIELD_CODE.test(value));
}
