/**
 * A minimal reader for XML property lists (what `diskutil … -plist` prints). Ferry has no plist
 * library among its runtime dependencies, so this reads just the format's elements — dict, array,
 * string, integer, real, true, false, date, data — with the five XML entities and numeric
 * character references, and nothing else (no binary plists, no DTD processing).
 * Format: https://developer.apple.com/library/archive/documentation/Cocoa/Conceptual/PropertyLists/
 */

/** A property-list value (dates and data stay strings: Ferry reads neither). */
export type PlistValue = string | number | boolean | PlistValue[] | { [key: string]: PlistValue };

/** Thrown for text that is not an XML property list. */
class PlistError extends Error {}

interface Tag { name: string; closing: boolean; empty: boolean }

const ENTITIES = new Map([['amp', '&'], ['lt', '<'], ['gt', '>'], ['quot', '"'], ['apos', "'"]]);

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity.startsWith('#x') || entity.startsWith('#X')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(parseInt(entity.slice(1), 10));
    return ENTITIES.get(entity) ?? whole;
  });
}

// The XML declaration, a DOCTYPE, a comment, or an element tag (groups: slash, name, self-closing slash).
const MARKUP = /<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<!--[\s\S]*?-->|<(\/?)([A-Za-z]+)[^>]*?(\/?)>/g;

class Reader {
  private readonly text: string;
  private position = 0;

  constructor(text: string) {
    this.text = text;
  }

  /** The next element tag; only white space, comments and declarations may come before it. */
  tag(): Tag {
    const pattern = new RegExp(MARKUP.source, 'g');
    pattern.lastIndex = this.position;
    for (let match = pattern.exec(this.text); match; match = pattern.exec(this.text)) {
      if (this.text.slice(this.position, match.index).trim() !== '') break;
      this.position = pattern.lastIndex;
      if (match[2] !== undefined) return { name: match[2], closing: match[1] === '/', empty: match[3] === '/' };
    }
    throw new PlistError(`expected an element at ${this.position}`);
  }

  /** The text up to `</name>`, decoded. */
  textUntil(name: string): string {
    const close = this.text.indexOf(`</${name}>`, this.position);
    if (close < 0) throw new PlistError(`<${name}> is not closed`);
    const raw = this.text.slice(this.position, close);
    if (raw.includes('<')) throw new PlistError(`<${name}> holds markup`);
    this.position = close + name.length + 3;
    return decode(raw);
  }

  value(open: Tag = this.tag()): PlistValue {
    const { name, empty } = open;
    if (open.closing) throw new PlistError(`unexpected </${name}>`);
    if (name === 'true' || name === 'false') return this.leaf(open, name === 'true');
    if (name === 'array') return empty ? [] : this.array();
    if (name === 'dict') return empty ? {} : this.dict();
    if (name === 'string' || name === 'date' || name === 'data') return empty ? '' : this.textUntil(name);
    if (name === 'integer' || name === 'real') {
      const n = Number(empty ? '' : this.textUntil(name).trim());
      if (!Number.isFinite(n)) throw new PlistError(`<${name}> is not a number`);
      return n;
    }
    throw new PlistError(`unknown element <${name}>`);
  }

  private leaf(open: Tag, value: boolean): boolean {
    if (!open.empty && !this.tag().closing) throw new PlistError(`<${open.name}> must be empty`);
    return value;
  }

  private array(): PlistValue[] {
    const items: PlistValue[] = [];
    for (let next = this.tag(); !(next.closing && next.name === 'array'); next = this.tag()) items.push(this.value(next));
    return items;
  }

  private dict(): { [key: string]: PlistValue } {
    // A null prototype: keys from the tool's output never reach Object.prototype.
    const entries: { [key: string]: PlistValue } = Object.create(null);
    for (let next = this.tag(); !(next.closing && next.name === 'dict'); next = this.tag()) {
      if (next.name !== 'key' || next.closing) throw new PlistError(`expected <key> in <dict>, found <${next.name}>`);
      const key = next.empty ? '' : this.textUntil('key');
      entries[key] = this.value();
    }
    return entries;
  }
}

/** The root value of an XML property list; PlistError when the text is not one. */
export function parsePlist(text: string): PlistValue {
  const reader = new Reader(text);
  const root = reader.tag();
  if (root.name !== 'plist' || root.closing) throw new PlistError('not a property list (no <plist>)');
  return reader.value();
}
