// Reads the `config` object out of a mapbox/storytelling config.js as data. The file is
// parsed with acorn and never run: only literal values are kept (strings, numbers,
// booleans, null, arrays, objects, template literals without `${}`, unary minus, and `+`
// between two strings, which hand-written configs use to split long descriptions). Anything
// else (functions, variables, calls) is left out and named in the report with its line.
import { parse, parseExpressionAt, type Node } from 'acorn';
import { ImportError } from './import-error';

const MAX_DEPTH = 64;

/** acorn's ESTree nodes, loosely: we only read the fields we check for. */
interface EsNode extends Node {
  [key: string]: unknown;
}

export interface ConfigObject {
  value: Record<string, unknown>;
  /** One message per value that was not a literal. */
  skipped: string[];
}

const SKIP = Symbol('skip');

function line(node: EsNode): number {
  return (node.loc?.start.line as number | undefined) ?? 0;
}

function describe(node: EsNode): string {
  switch (node.type) {
    case 'FunctionExpression':
    case 'ArrowFunctionExpression':
      return 'a function';
    case 'CallExpression':
    case 'NewExpression':
      return 'a function call';
    case 'Identifier':
      return `the variable \`${String(node.name)}\``;
    case 'MemberExpression':
      return 'a property lookup';
    case 'TemplateLiteral':
      return 'a template with `${…}`';
    case 'BinaryExpression':
    case 'LogicalExpression':
    case 'ConditionalExpression':
      return 'an expression';
    default:
      return `a ${node.type}`;
  }
}

class LiteralReader {
  readonly skipped: string[] = [];

  private skip(node: EsNode, path: string, what = describe(node)): typeof SKIP {
    this.skipped.push(
      `line ${line(node)}: \`${path}\` is ${what}, not data: skipped (the importer never runs code)`,
    );
    return SKIP;
  }

  read(node: EsNode, path: string, depth = 0): unknown {
    if (depth > MAX_DEPTH)
      throw new ImportError(`the config nests deeper than ${MAX_DEPTH} levels`);
    switch (node.type) {
      case 'Literal': {
        if ('regex' in node) return this.skip(node, path, 'a regular expression');
        if ('bigint' in node) return this.skip(node, path, 'a BigInt');
        return node.value;
      }
      case 'TemplateLiteral': {
        const expressions = node.expressions as EsNode[];
        const quasis = node.quasis as { value: { cooked: string | null } }[];
        if (expressions.length || quasis.length !== 1) return this.skip(node, path);
        const cooked = quasis[0]!.value.cooked;
        return cooked ?? this.skip(node, path, 'a template with an invalid escape');
      }
      case 'UnaryExpression': {
        const arg = node.argument as EsNode;
        if ((node.operator === '-' || node.operator === '+') && arg.type === 'Literal') {
          if (typeof arg.value === 'number') return node.operator === '-' ? -arg.value : arg.value;
        }
        return this.skip(node, path);
      }
      case 'BinaryExpression': {
        if (node.operator !== '+') return this.skip(node, path);
        const mark = this.skipped.length;
        const left = this.read(node.left as EsNode, path, depth + 1);
        const right = this.read(node.right as EsNode, path, depth + 1);
        if (typeof left === 'string' && typeof right === 'string') return left + right;
        this.skipped.length = mark;
        return this.skip(node, path);
      }
      case 'ArrayExpression': {
        const out: unknown[] = [];
        (node.elements as (EsNode | null)[]).forEach((el, i) => {
          if (!el) return;
          if (el.type === 'SpreadElement') return void this.skip(el, `${path}[${i}]`, 'a spread');
          const value = this.read(el, `${path}[${i}]`, depth + 1);
          if (value !== SKIP) out.push(value);
        });
        return out;
      }
      case 'ObjectExpression': {
        const out: Record<string, unknown> = {};
        for (const prop of node.properties as EsNode[]) {
          if (prop.type !== 'Property') {
            this.skip(prop, `${path}{…}`, 'a spread');
            continue;
          }
          const key = prop.key as EsNode;
          const name =
            !prop.computed && key.type === 'Identifier'
              ? String(key.name)
              : key.type === 'Literal' &&
                  (typeof key.value === 'string' || typeof key.value === 'number')
                ? String(key.value)
                : undefined;
          if (name === undefined) {
            this.skip(prop, `${path}[…]`, 'a computed key');
            continue;
          }
          const childPath = path ? `${path}.${name}` : name;
          if (prop.kind !== 'init' || prop.method) {
            this.skip(prop, childPath, 'a function');
            continue;
          }
          const value = this.read(prop.value as EsNode, childPath, depth + 1);
          // defineProperty: a "__proto__" key is data here, never the object's prototype.
          if (value !== SKIP)
            Object.defineProperty(out, name, {
              value,
              enumerable: true,
              writable: true,
              configurable: true,
            });
        }
        return out;
      }
      default:
        return this.skip(node, path);
    }
  }
}

const OPTIONS = { ecmaVersion: 'latest', locations: true } as const;

function isConfigName(node: EsNode | undefined | null): boolean {
  if (!node) return false;
  if (node.type === 'Identifier') return node.name === 'config';
  // window.config = {…}, module.exports = {…}, exports.config = {…}
  if (node.type === 'MemberExpression' && !node.computed) {
    const prop = (node.property as EsNode).name;
    const obj = node.object as EsNode;
    return (
      prop === 'config' ||
      (obj.type === 'Identifier' && obj.name === 'module' && prop === 'exports')
    );
  }
  return false;
}

/** The top-level object literals in a script, the one called `config` first. */
function candidateObjects(program: EsNode): EsNode[] {
  const named: EsNode[] = [];
  const other: EsNode[] = [];
  const consider = (target: EsNode | null | undefined, init: EsNode | null | undefined) => {
    if (!init || init.type !== 'ObjectExpression') return;
    (isConfigName(target) ? named : other).push(init);
  };
  for (const stmt of program.body as EsNode[]) {
    if (stmt.type === 'VariableDeclaration') {
      for (const d of stmt.declarations as EsNode[]) consider(d.id as EsNode, d.init as EsNode);
    } else if (stmt.type === 'ExpressionStatement') {
      const e = stmt.expression as EsNode;
      if (e.type === 'AssignmentExpression') consider(e.left as EsNode, e.right as EsNode);
      else consider(null, e);
    } else if (stmt.type === 'ExportDefaultDeclaration') {
      consider(null, stmt.declaration as EsNode);
    } else if (stmt.type === 'ExportNamedDeclaration' && stmt.declaration) {
      const decl = stmt.declaration as EsNode;
      if (decl.type === 'VariableDeclaration')
        for (const d of decl.declarations as EsNode[]) consider(d.id as EsNode, d.init as EsNode);
    }
  }
  return [...named, ...other];
}

function parseProgram(source: string): EsNode {
  const errors: string[] = [];
  for (const sourceType of ['script', 'module'] as const) {
    try {
      return parse(source, { ...OPTIONS, sourceType }) as unknown as EsNode;
    } catch (err) {
      errors.push((err as Error).message);
    }
  }
  // A bare object (a config saved as JSON) is not a valid script: read it as an expression.
  const start = source.search(/\S/);
  if (start >= 0 && source[start] === '{') {
    try {
      const expr = parseExpressionAt(source, start, OPTIONS) as unknown as EsNode;
      return {
        type: 'Program',
        body: [{ type: 'ExpressionStatement', expression: expr }],
      } as unknown as EsNode;
    } catch {
      // fall through to the script error, which names the line
    }
  }
  throw new ImportError(`not valid JavaScript: ${errors[0]}`);
}

/**
 * The `config` object of a mapbox/storytelling config.js (or the first top-level object
 * literal that has `chapters`), as plain data.
 */
export function readConfigObject(source: string): ConfigObject {
  const program = parseProgram(source);
  const candidates = candidateObjects(program);
  const hasChapters = (o: EsNode) =>
    (o.properties as EsNode[]).some(
      (p) =>
        p.type === 'Property' &&
        (((p.key as EsNode).type === 'Identifier' && (p.key as EsNode).name === 'chapters') ||
          (p.key as EsNode).value === 'chapters'),
    );
  const chosen = candidates.find(hasChapters) ?? candidates[0];
  if (!chosen) {
    throw new ImportError(
      'no `var config = { … }` object found: is this a mapbox/storytelling config.js?',
    );
  }
  const reader = new LiteralReader();
  const value = reader.read(chosen, '') as Record<string, unknown>;
  return { value, skipped: reader.skipped };
}
