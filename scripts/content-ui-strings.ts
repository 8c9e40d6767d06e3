/** UI strings: every translation id the source uses, as `write-translations` extracts it, is in French. */
import ts from 'typescript';
import type { Problem } from './content-problem';

export interface TranslationUse {
  id: string | null;
  line: number;
}

const literalText = (node: ts.Node | undefined): string | null =>
  node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : null;

/**
 * The translation ids a source file uses, as `write-translations` sees them: `<Translate id>` and
 * `translate({ id })`, falling back to the message when there is no id. `id: null` marks a call
 * whose id is not a string literal (it cannot be extracted or checked).
 */
export function collectTranslationIds(fileName: string, source: string): TranslationUse[] {
  const sourceFile = ts.createSourceFile(
    fileName,
    source,
    ts.ScriptTarget.Latest,
    true,
    fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const uses: TranslationUse[] = [];
  const lineOf = (node: ts.Node) => sourceFile.getLineAndCharacterOfPosition(node.getStart()).line + 1;

  const visit = (node: ts.Node): void => {
    if (
      (ts.isJsxOpeningElement(node) || ts.isJsxSelfClosingElement(node)) &&
      node.tagName.getText(sourceFile) === 'Translate'
    ) {
      const idAttribute = node.attributes.properties.find(
        (property): property is ts.JsxAttribute =>
          ts.isJsxAttribute(property) && property.name.getText(sourceFile) === 'id',
      );
      if (idAttribute) {
        const initializer = idAttribute.initializer;
        const value =
          initializer && ts.isJsxExpression(initializer)
            ? literalText(initializer.expression)
            : literalText(initializer);
        uses.push({ id: value, line: lineOf(node) });
      } else if (ts.isJsxOpeningElement(node) && ts.isJsxElement(node.parent)) {
        const message = node.parent.children
          .map((child) =>
            ts.isJsxText(child)
              ? child.text
              : ts.isJsxExpression(child)
                ? (literalText(child.expression) ?? '\u0000')
                : '\u0000',
          )
          .join('')
          .trim()
          .replace(/\s+/g, ' ');
        uses.push({ id: message.includes('\u0000') ? null : message, line: lineOf(node) });
      }
    }
    if (
      ts.isCallExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'translate' &&
      node.arguments[0] &&
      ts.isObjectLiteralExpression(node.arguments[0])
    ) {
      const property = (name: string) =>
        (node.arguments[0] as ts.ObjectLiteralExpression).properties.find(
          (p): p is ts.PropertyAssignment =>
            ts.isPropertyAssignment(p) && p.name.getText(sourceFile) === name,
        );
      const idProperty = property('id');
      const messageProperty = property('message');
      const id = idProperty ? literalText(idProperty.initializer) : literalText(messageProperty?.initializer);
      uses.push({ id, line: lineOf(node) });
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return uses;
}

/** Every id a source file uses has an entry in the French code.json. */
export function checkUiStrings(
  file: string,
  uses: readonly TranslationUse[],
  frenchMessages: Readonly<Record<string, unknown>>,
): Problem[] {
  return uses.flatMap(({ id, line }) => {
    if (id === null) {
      return [
        { file, line, message: 'translation id is not a string literal: it cannot be extracted or checked' },
      ];
    }
    if (!Object.hasOwn(frenchMessages, id)) {
      return [{ file, line, message: `UI string "${id}" has no entry in i18n/fr/code.json` }];
    }
    return [];
  });
}
