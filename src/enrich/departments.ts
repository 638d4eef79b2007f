// Responsible departments: the note that closes a measure, such as 渠县's
// 〔县发改局牵头，县经信局、县科技局等按职责分工负责〕, read into lead and supporting units.

export interface Departments {
  /** Units named as 牵头 (or alone 负责), in order, without duplicates. */
  lead: string[];
  /**
   * Every other unit: 配合, 按职责分工负责, and units listed with no role of their own. A note
   * that names no 牵头 has an empty lead: the text never says the first-listed unit leads.
   */
  support: string[];
  /** The whole note, brackets included, as in the clause. */
  raw: string;
  start: number;
  end: number;
}

type Role = 'lead' | 'support';

const CLOSERS: Record<string, string> = { '〔': '〕', '【': '】', '[': ']', '［': '］', '（': '）)', '(': '）)' };
const ROLE_WORD = /牵头|配合|协助|负责|责任单位|责任部门|参与单位/u;
/** 〔〕【】[] notes may stand anywhere; a （） note only at the end, since （） also carries asides. */
const SQUARE = new Set(['〔', '【', '[', '［']);
const LABEL = /^(牵头单位|牵头部门|主办单位|责任单位|责任部门|配合单位|配合部门|协办单位|参与单位)[：:]\s*/u;
const LEAD_LABELS = new Set(['牵头单位', '牵头部门', '主办单位']);
const LEAD_SUFFIX = /(?:牵头负责|牵头落实|牵头)$/u;
const SUPPORT_SUFFIX = /(?:按职责分工负责|按职责负责|分工负责|共同负责|负责落实|配合|协助|参与|落实)$/u;
/** A unit that alone 负责 is the owner of the measure, whatever it is called. */
const OWNER_SUFFIX = /负责$/u;
const ETC = /(?:等(?:单位|部门)?)$/u;
/** An aside in a note has punctuation of its own: （以下均需各乡镇（街道办）落实，不再单独列出）. */
const ASIDE = /[，,；;。：:]|[（(]/u;
/** Longer than any unit name: a piece this long is prose that happens to sit in brackets. */
const MAX_NAME = 30;

interface Group {
  open: number;
  close: number;
  depth: number;
}

/** Balanced bracket groups at every depth; full- and half-width round brackets close each other. */
function bracketGroups(text: string): Group[] {
  const groups: Group[] = [];
  const stack: { ch: string; at: number }[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch in CLOSERS) {
      stack.push({ ch, at: i });
      continue;
    }
    const match = stack.findLastIndex((s) => CLOSERS[s.ch]?.includes(ch));
    if (match < 0) continue;
    const opener = stack[match] as { ch: string; at: number };
    stack.length = match;
    groups.push({ open: opener.at, close: i, depth: match });
  }
  return groups;
}

function isNote(text: string, group: Group): boolean {
  const inner = text.slice(group.open + 1, group.close);
  if (!ROLE_WORD.test(inner)) return false;
  if (SQUARE.has(text[group.open] as string)) return true;
  return /^[\s。．.]*$/u.test(text.slice(group.close + 1));
}

/** Drop asides in round brackets, keep short qualifiers that belong to a name: 各乡镇（街道办）. */
function dropAsides(inner: string): string {
  let out = inner;
  for (let pass = 0; pass < 5; pass++) {
    const groups = bracketGroups(out).filter((g) => '（('.includes(out[g.open] as string));
    const aside = groups.find((g) => ASIDE.test(out.slice(g.open + 1, g.close)) || g.close - g.open > 12);
    if (!aside) break;
    out = out.slice(0, aside.open) + out.slice(aside.close + 1);
  }
  return out;
}

/** Split at top-level separators only, so that 各乡镇（街道办，社区） stays one piece. */
function splitTopLevel(text: string, separators: RegExp): string[] {
  const pieces: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if ('（(〔【['.includes(ch)) depth++;
    else if ('）)〕】]'.includes(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && separators.test(ch)) {
      pieces.push(text.slice(from, i));
      from = i + 1;
    }
  }
  pieces.push(text.slice(from));
  return pieces.map((p) => p.trim()).filter(Boolean);
}

function roleOf(segment: string): { role: Role; names: string } {
  const label = LABEL.exec(segment);
  if (label) return { role: LEAD_LABELS.has(label[1] as string) ? 'lead' : 'support', names: segment.slice(label[0].length) };
  if (LEAD_SUFFIX.test(segment)) return { role: 'lead', names: segment.replace(LEAD_SUFFIX, '') };
  if (SUPPORT_SUFFIX.test(segment)) return { role: 'support', names: segment.replace(SUPPORT_SUFFIX, '') };
  if (OWNER_SUFFIX.test(segment)) return { role: 'lead', names: segment.replace(OWNER_SUFFIX, '') };
  return { role: 'support', names: segment };
}

function namesIn(list: string): string[] {
  return splitTopLevel(list, /[、,，]/u)
    .map((name) => name.replace(ETC, '').trim())
    .filter((name) => name.length > 0 && name.length <= MAX_NAME && !ROLE_WORD.test(name));
}

function readNote(inner: string): { lead: string[]; support: string[] } {
  const lead: string[] = [];
  const support: string[] = [];
  for (const segment of splitTopLevel(dropAsides(inner), /[，,；;。]/u)) {
    const { role, names } = roleOf(segment);
    for (const name of namesIn(names)) (role === 'lead' ? lead : support).push(name);
  }
  const leads = [...new Set(lead)];
  return { lead: leads, support: [...new Set(support)].filter((name) => !leads.includes(name)) };
}

/** The last department note in a clause's text, or null when it has none. */
export function extractDepartments(text: string): Departments | null {
  // A note names a role (isNote): without a role word anywhere there is none to find.
  if (!ROLE_WORD.test(text)) return null;
  const notes = bracketGroups(text).filter((g) => isNote(text, g));
  const outermost = notes.filter((g) => !notes.some((o) => o !== g && o.open < g.open && o.close > g.close));
  const note = outermost.sort((a, b) => a.open - b.open).at(-1);
  if (!note) return null;
  const { lead, support } = readNote(text.slice(note.open + 1, note.close));
  if (lead.length === 0 && support.length === 0) return null;
  return { lead, support, raw: text.slice(note.open, note.close + 1), start: note.open, end: note.close + 1 };
}
