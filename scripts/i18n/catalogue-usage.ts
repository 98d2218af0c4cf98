// Every message the code reads from a catalogue, found with the TypeScript
// compiler: each property read (`t.home.title`, `t.status[view.status]`)
// whose object is one of the French catalogues' objects gives a key path.
// A key the French source does not have is a message used but missing.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { CATALOGUE_SOURCES } from './catalogue-source.js';

export interface MessageUse {
  /** `site.home.title` */
  readonly key: string;
  /** `apps/web/src/intake/home-page.tsx:12` */
  readonly where: string;
}

/** The code that reads catalogues: the web app and the pages the API renders without JavaScript. */
export const READERS = [
  { tsconfig: 'apps/web/tsconfig.json', folder: 'apps/web/src' },
  { tsconfig: 'tsconfig.json', folder: 'apps/api/src/plain' },
] as const;

const READS_CATALOGUE =
  /\b(useT|useIntakeT|useIntakeFirstT|useUploadsT|SiteCatalogue|IntakeCatalogue|IntakeFirstCatalogue|UploadsCatalogue|PlainCatalogue|PlainContext)\b/;

export function findMessageUses(root = process.cwd()): MessageUse[] {
  return READERS.flatMap(({ tsconfig, folder }) => usesIn(root, tsconfig, folder));
}

function usesIn(root: string, tsconfig: string, folder: string): MessageUse[] {
  const config = ts.getParsedCommandLineOfConfigFile(resolve(root, tsconfig), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  if (!config) throw new Error(`${tsconfig}: cannot be read`);
  const files = sourceFiles(resolve(root, folder)).filter((file) => READS_CATALOGUE.test(readFileSync(file, 'utf8')));
  const program = ts.createProgram(files, { ...config.options, noEmit: true });
  const checker = program.getTypeChecker();
  const catalogueFiles = new Set(CATALOGUE_SOURCES.map((source) => resolve(root, source.file)));
  const uses: MessageUse[] = [];
  for (const file of files) {
    const source = program.getSourceFile(file);
    if (!source) continue;
    const visit = (node: ts.Node): void => {
      for (const key of keysRead(node, checker, catalogueFiles))
        uses.push({ key, where: `${relative(root, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}` });
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return uses;
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !/\.(spec|test)\.tsx?$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** The key paths a property read names, when its object is a catalogue's object. */
function keysRead(node: ts.Node, checker: ts.TypeChecker, catalogueFiles: ReadonlySet<string>): string[] {
  if (!ts.isPropertyAccessExpression(node) && !ts.isElementAccessExpression(node)) return [];
  const parent = catalogueKeyOfType(checker.getTypeAtLocation(node.expression), catalogueFiles);
  if (parent !== undefined) return namesRead(node, checker).map((name) => `${parent}.${name}`);
  // An object built from catalogue objects (`{ ...t.details.person, ...t.details.personSelf }`): the
  // property's own declarations say which messages it reads (a missing one there is left to tsc).
  if (!ts.isPropertyAccessExpression(node)) return [];
  const declarations = checker.getSymbolAtLocation(node.name)?.declarations ?? [];
  return declarations
    .filter((declaration) => catalogueFiles.has(resolve(declaration.getSourceFile().fileName)))
    .map(keyOfNode)
    .filter((key): key is string => key !== undefined);
}

/** `x.name` → name; `x[key]` → every string literal the key's type allows. */
function namesRead(node: ts.PropertyAccessExpression | ts.ElementAccessExpression, checker: ts.TypeChecker): string[] {
  if (ts.isPropertyAccessExpression(node)) return [node.name.text];
  const type = checker.getTypeAtLocation(node.argumentExpression);
  const parts = type.isUnion() ? type.types : [type];
  return parts.filter((part) => part.isStringLiteral() || part.isNumberLiteral()).map((part) => String((part as ts.LiteralType).value));
}

/** The key path of a catalogue object (`site.home`), from where its type is declared in a French catalogue. */
function catalogueKeyOfType(type: ts.Type, catalogueFiles: ReadonlySet<string>): string | undefined {
  const declaration = (type.getSymbol() ?? type.aliasSymbol)?.declarations?.[0];
  if (!declaration || !catalogueFiles.has(resolve(declaration.getSourceFile().fileName))) return undefined;
  return keyOfNode(declaration);
}

function keyOfNode(node: ts.Node): string | undefined {
  const names: string[] = [];
  for (let current: ts.Node = node; ; current = current.parent) {
    if (ts.isPropertyAssignment(current)) names.unshift(current.name.getText().replace(/^['"]|['"]$/g, ''));
    if (ts.isVariableDeclaration(current)) {
      const source = CATALOGUE_SOURCES.find((item) => ts.isIdentifier(current.name) && item.variable === current.name.text);
      return source ? [source.prefix, ...names].join('.') : undefined;
    }
    if (ts.isSourceFile(current)) return undefined;
  }
}
