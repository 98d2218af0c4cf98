// Reads the French catalogues (the source: typed TypeScript in
// packages/shared/src/i18n) as a list of messages, each with its key path and
// the translator's note its doc comment gives. Parsed with the TypeScript
// compiler rather than imported, so the doc comments come along.
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { UI_LOCALES } from '../../packages/shared/src/locale.js';

export interface SourceMessage {
  /** Key path, the PO file's msgctxt: `site.home.title`. */
  readonly key: string;
  /** The French text, the PO file's msgid. */
  readonly text: string;
  /** The doc comment above the key, for the translator (`#.`). */
  readonly note: string;
  /** A staff-side message: only the staff side's languages (French, English) translate it. */
  readonly staffOnly?: boolean;
}

/** The French catalogues, each under its own prefix. */
export const CATALOGUE_SOURCES = [
  { prefix: 'site', file: 'packages/shared/src/i18n/site-fr.ts', variable: 'fr' },
  // The form's catalogue in two parts (the first screen loads the first only); the same key paths.
  { prefix: 'intake', file: 'packages/shared/src/i18n/intake-first-fr.ts', variable: 'intakeFirstFr' },
  { prefix: 'intake', file: 'packages/shared/src/i18n/intake-fr.ts', variable: 'intakeLaterFr' },
  { prefix: 'uploads', file: 'packages/shared/src/i18n/uploads-fr.ts', variable: 'uploadsFr' },
  { prefix: 'plain', file: 'packages/shared/src/i18n/plain-fr.ts', variable: 'plainFr' },
  { prefix: 'api', file: 'packages/shared/src/i18n/api-fr.ts', variable: 'apiFr' },
  { prefix: 'staff', file: 'packages/shared/src/i18n/staff-fr.ts', variable: 'staffFr', staffOnly: true },
] as const;

/** The staff side's languages: the only ones whose catalogues carry staff-only messages. */
const STAFF_LANGUAGES: ReadonlySet<string> = new Set(UI_LOCALES);

/** The messages a language's catalogue holds: every public one, and the staff side's for French and English. */
export function messagesFor(code: string, messages: readonly SourceMessage[]): SourceMessage[] {
  return STAFF_LANGUAGES.has(code) ? [...messages] : messages.filter((message) => !message.staffOnly);
}

/** Values in the catalogues that are not words to translate: they come from languages.ts. */
export const NOT_MESSAGES: ReadonlySet<string> = new Set(['site.meta.name', 'site.meta.dir', 'plain.switchLanguage', 'plain.switchLanguageCode']);

export function readSourceMessages(root = process.cwd()): SourceMessage[] {
  return CATALOGUE_SOURCES.flatMap((catalogue) => {
    const { prefix, file, variable } = catalogue;
    const staffOnly = 'staffOnly' in catalogue && catalogue.staffOnly;
    const text = readFileSync(`${root}/${file}`, 'utf8');
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const literal = exportedObject(source, variable);
    if (!literal) throw new Error(`${file}: no exported object literal \`${variable}\``);
    const messages = messagesOf(literal, prefix, '', file).filter((message) => !NOT_MESSAGES.has(message.key));
    return staffOnly ? messages.map((message) => ({ ...message, staffOnly })) : messages;
  });
}

function exportedObject(source: ts.SourceFile, variable: string): ts.ObjectLiteralExpression | undefined {
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (ts.isIdentifier(declaration.name) && declaration.name.text === variable && declaration.initializer) {
        const value = unwrap(declaration.initializer);
        if (ts.isObjectLiteralExpression(value)) return value;
      }
    }
  }
  return undefined;
}

/** `{ … } satisfies T`, `{ … } as const`, `( … )`: the value inside. */
function unwrap(node: ts.Expression): ts.Expression {
  if (ts.isSatisfiesExpression(node) || ts.isAsExpression(node) || ts.isParenthesizedExpression(node)) return unwrap(node.expression);
  return node;
}

function messagesOf(node: ts.Expression, key: string, note: string, file: string): SourceMessage[] {
  const value = unwrap(node);
  if (ts.isStringLiteral(value) || ts.isNoSubstitutionTemplateLiteral(value)) return [{ key, text: value.text, note }];
  // A group's note (an object's or a list's doc comment) is each of its messages' note unless one has its own.
  if (ts.isArrayLiteralExpression(value)) return value.elements.flatMap((element, index) => messagesOf(element, `${key}.${index}`, note, file));
  if (ts.isObjectLiteralExpression(value)) {
    return value.properties.flatMap((property) => {
      if (!ts.isPropertyAssignment(property)) throw new Error(`${file}: ${key}: only plain properties can be messages`);
      return messagesOf(property.initializer, `${key}.${propertyName(property.name, file)}`, docComment(property) || note, file);
    });
  }
  const { line } = ts.getLineAndCharacterOfPosition(node.getSourceFile(), node.getStart());
  throw new Error(`${file}:${line + 1}: ${key} is not a literal text: a translator could not translate it`);
}

function propertyName(name: ts.PropertyName, file: string): string {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name)) return name.text;
  throw new Error(`${file}: computed key ${name.getText()}`);
}

function docComment(node: ts.Node): string {
  return ts
    .getJSDocCommentsAndTags(node)
    .map((doc) => (typeof doc.comment === 'string' ? doc.comment : ''))
    .filter(Boolean)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}
