/**
 * What both XLSX readers need of the package itself — the zip guard (formulas saved without a result,
 * for SheetJS) and the streaming reader: the workbook's sheet list and XML's escapes. One owner.
 */

/** The XML parts of the package, inflated by the zip guard: part name → bytes. */
export type XlsxParts = ReadonlyMap<string, Uint8Array>;

export function partText(parts: XlsxParts, name: string): string | undefined {
  const bytes = parts.get(name);
  return bytes === undefined ? undefined : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}

const ENTITY = /&(?:(lt|gt|quot|apos|amp)|#(\d{1,7})|#x([0-9a-fA-F]{1,6}));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };
/** OOXML writes characters XML cannot hold as _xHHHH_ (a carriage return is _x000D_) */
const OOXML_ESCAPE = /_x([0-9a-fA-F]{4})_/g;

export function unescapeXml(s: string): string {
  if (s.indexOf('&') >= 0) {
    s = s.replace(ENTITY, (_, named: string | undefined, dec: string | undefined, hex: string | undefined) =>
      named ? NAMED[named]! : String.fromCodePoint(Number.parseInt(dec ?? hex!, dec ? 10 : 16)),
    );
  }
  if (s.indexOf('_x') >= 0) s = s.replace(OOXML_ESCAPE, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return s;
}

/** The value of an attribute in one tag's text (`name="…"`), escapes left as written. */
export function attribute(tag: string, name: string): string | undefined {
  const at = tag.indexOf(` ${name}="`);
  if (at < 0) return undefined;
  const start = at + name.length + 3;
  return tag.slice(start, tag.indexOf('"', start));
}

export interface WorkbookSheet {
  name: string;
  /** the worksheet's part ("xl/worksheets/sheet1.xml"), when the relationships name one */
  part: string | undefined;
  hidden: boolean;
}

/** The sheets of xl/workbook.xml in their order, each with its part from xl/_rels/workbook.xml.rels. */
export function workbookSheets(workbookXml: string, relsXml: string): WorkbookSheet[] {
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attribute(m[0], 'Id');
    const target = attribute(m[0], 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const sheets: WorkbookSheet[] = [];
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\s[^>]*>/g)) {
    const name = attribute(m[0], 'name');
    if (name === undefined) continue;
    const id = attribute(m[0], 'r:id') ?? /\s\w+:id="([^"]*)"/.exec(m[0])?.[1];
    const state = attribute(m[0], 'state');
    sheets.push({ name: unescapeXml(name), part: id === undefined ? undefined : targets.get(id), hidden: state === 'hidden' || state === 'veryHidden' });
  }
  return sheets;
}
