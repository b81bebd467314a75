import { inflateSync } from 'node:zlib';

/**
 * Just enough PDF reading to check what Chromium printed: the page count and the text, decoded
 * through each font's ToUnicode map (Chromium embeds CJK fonts as Identity-H glyph ids).
 */
interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

function readObjects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1'); // one char per byte, so indexes are byte offsets
  const objects = new Map<number, PdfObject>();
  const re = /(\d+) 0 obj\b/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endobj', start);
    if (end < 0) break;
    const body = text.slice(start, end);
    const s = body.indexOf('stream');
    let stream: Buffer | null = null;
    let dict = body;
    if (s >= 0 && !body.slice(0, s).includes('endstream')) {
      dict = body.slice(0, s);
      let dataStart = start + s + 'stream'.length;
      if (text[dataStart] === '\r') dataStart++;
      if (text[dataStart] === '\n') dataStart++;
      const dataEnd = text.lastIndexOf('endstream', end);
      let raw = pdf.subarray(dataStart, dataEnd);
      if (/\/FlateDecode/.test(dict)) {
        try {
          raw = inflateSync(raw);
        } catch {
          raw = Buffer.alloc(0);
        }
      }
      stream = raw;
    }
    objects.set(Number(m[1]), { dict, stream });
    re.lastIndex = end;
  }
  return objects;
}

function utf16(hex: string): string {
  let out = '';
  for (let i = 0; i + 4 <= hex.length; i += 4) out += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
  return out;
}

interface CMap {
  bytes: number; // code width: Type3 subsets use 1 byte, Identity-H CID fonts 2
  map: Map<number, string>;
}

function parseCMap(cmap: string): CMap {
  const map = new Map<number, string>();
  const space = /begincodespacerange\s*<([0-9a-fA-F]+)>/.exec(cmap);
  const bytes = space ? space[1]!.length / 2 : 2;
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, src, dst] of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(parseInt(src!, 16), utf16(dst!));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, lo, hi, rest] of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g)) {
      const from = parseInt(lo!, 16);
      const to = parseInt(hi!, 16);
      if (rest!.startsWith('[')) {
        const items = [...rest!.matchAll(/<([0-9a-fA-F]+)>/g)].map((x) => x[1]!);
        items.forEach((d, i) => map.set(from + i, utf16(d)));
      } else {
        const base = rest!.slice(1, -1);
        const first = parseInt(base.slice(-4), 16);
        for (let code = from; code <= to; code++) map.set(code, utf16(base.slice(0, -4)) + String.fromCharCode(first + code - from));
      }
    }
  }
  return { bytes, map };
}

export interface PdfSummary {
  pages: number;
  text: string;
}

export function readPdf(pdf: Buffer): PdfSummary {
  const objects = readObjects(pdf);
  const cmapOfFont = new Map<number, CMap>();
  for (const [num, obj] of objects) {
    const ref = /\/ToUnicode (\d+) 0 R/.exec(obj.dict);
    const cmap = ref ? objects.get(Number(ref[1]))?.stream : null;
    if (cmap) cmapOfFont.set(num, parseCMap(cmap.toString('latin1')));
  }
  // Font resource names (/F4 → object 12), wherever the resource dictionaries are.
  const fontByName = new Map<string, CMap>();
  for (const obj of objects.values()) {
    for (const fonts of obj.dict.matchAll(/\/Font\s*<<([^>]*)>>/g)) {
      for (const [, name, ref] of fonts[1]!.matchAll(/\/([\w.+-]+)\s+(\d+) 0 R/g)) {
        const cmap = cmapOfFont.get(Number(ref));
        if (cmap) fontByName.set(name!, cmap);
      }
    }
  }
  let text = '';
  for (const obj of objects.values()) {
    const content = obj.stream?.toString('latin1') ?? '';
    if (!content.includes('BT')) continue;
    let font: CMap | undefined;
    let inActualText = false; // Chromium writes some glyphs as a span with their text spelled out
    const ops = /\/([\w.+-]+)\s+[\d.]+\s+Tf|(\[(?:[^\]]*)\])\s*TJ|<([0-9a-fA-F]*)>\s*Tj|\/ActualText\s*<([0-9a-fA-F]*)>|\bEMC\b|\bET\b/g;
    for (const op of content.matchAll(ops)) {
      if (op[1]) font = fontByName.get(op[1]);
      else if (op[4] !== undefined) {
        text += utf16(op[4].replace(/^feff/i, ''));
        inActualText = true;
      } else if (op[0] === 'EMC') inActualText = false;
      else if (op[0] === 'ET') text += '\n';
      else if (!inActualText && font) {
        const hexes = op[2] ? [...op[2].matchAll(/<([0-9a-fA-F]*)>/g)].map((x) => x[1]!) : [op[3]!];
        const width = font.bytes * 2;
        for (const hex of hexes) {
          for (let i = 0; i + width <= hex.length; i += width) text += font.map.get(parseInt(hex.slice(i, i + width), 16)) ?? '';
        }
      }
    }
  }
  const counted = /\/Type\s*\/Pages\b[^]*?\/Count\s+(\d+)/.exec(pdf.toString('latin1'));
  const pageObjects = [...objects.values()].filter((o) => /\/Type\s*\/Page\b(?!s)/.test(o.dict)).length;
  return { pages: counted ? Number(counted[1]) : pageObjects, text };
}
