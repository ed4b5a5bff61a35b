import { unionBoxes, type PdfBox } from './pdf-box.js';
import { applyMatrix, type Matrix } from './matrix.js';
import type { RedactionBox } from './find-redaction-boxes.js';
import type { PageGlyph } from './read-page-content.js';

/** The character that stands for a character under a redaction box (and for a box over nothing). */
export const MASK = '█';
/** Every box reads as at least this many mask characters, so the text scanner sees a placeholder (`redaction:blacked-out` needs three). */
export const MIN_MASK_RUN = 3;
/** The longest mask run a box over nothing becomes. */
const MAX_MASK_RUN = 60;
/** A gap wider than this share of the font size between two glyphs is a space. */
const SPACE_GAP = 0.15;
/** The width of one column of layout, as a share of the font size: gaps become `round(gap / width)` spaces. */
const COLUMN_WIDTH = 0.5;
/** Glyphs whose baselines differ by at most this share of the larger font size are on one line. */
const SAME_LINE = 0.4;
/** Line pitch as a share of the font size: vertical gaps of more than one pitch become blank lines. */
const LINE_PITCH = 1.2;
/** At most this many spaces or blank lines stand for one gap. */
const MAX_GAP_RUN = 200;

/** A word of a page's text and where it stands on the page. Offsets are 0-based UTF-16, end exclusive, in the page's text. */
export interface LaidItem {
  start: number;
  end: number;
  box: PdfBox;
}

/** The stretch of text (mask characters) that stands for a redaction box on one line. */
export interface LaidRun {
  start: number;
  end: number;
  /** The box's `index` on its page. */
  box: number;
}

/** What {@link layoutPage} returns. */
export interface PageLayout {
  text: string;
  items: LaidItem[];
  runs: LaidRun[];
}

interface Cell {
  text: string;
  /** Left and right along the line, and the baseline across it, in the line direction's frame (device units). */
  x0: number;
  x1: number;
  base: number;
  size: number;
  /** The user-space box of a visible glyph, for items; `null` for masks. */
  box: PdfBox | null;
  /** The index of the box it stands for, or -1 for visible text. */
  mask: number;
  /** True for a hidden whitespace glyph: masked inside a run, a plain space at its edges. */
  blank: boolean;
  order: number;
}

interface Line {
  base: number;
  size: number;
  cells: Cell[];
}

// Characters that would break lines or pages in the extracted text.
const CONTROL = /[\u0000-\u001f\u007f\u2028\u2029]/g;
const CONTROL_TEST = /[\u0000-\u001f\u007f\u2028\u2029]/;

/**
 * Lays out one page's glyphs as text, in a reading order like `pdftotext -layout`: glyphs are
 * grouped into lines by baseline (columns side by side share a line), each line is read left
 * to right, gaps become spaces in proportion to their width, and vertical gaps of more than
 * one line pitch become blank lines, so a code in the margin stays on the line it annotates
 * and distances in lines follow distances on the page. Text running in another direction
 * (rotated stamps) follows, one direction after another.
 *
 * Glyphs hidden under a box become {@link MASK} characters (with the gaps between them), so
 * the hidden text never reaches the output; a box over nothing becomes a run of masks in its
 * place. Either way a box reads as at least {@link MIN_MASK_RUN} masks.
 *
 * `view` maps user space to the displayed page (pdf.js's viewport transform at scale 1, which
 * applies `/Rotate`).
 */
export function layoutPage(glyphs: readonly PageGlyph[], boxes: readonly RedactionBox[], view: Matrix): PageLayout {
  const maskOf = new Map<PageGlyph, number>();
  const shifted = new Map<PageGlyph, RedactionBox>();
  for (const box of boxes) {
    for (const g of box.hidden) maskOf.set(g, box.index);
    // Text printed on a box that hides text reads after the box's masks, not among them.
    if (box.kind === 'text-under') for (const g of box.overlay) shifted.set(g, box);
  }
  const sizes: number[] = [];
  const groups = new Map<number, Cell[]>();
  const push = (angle: number, cell: Cell): void => {
    const list = groups.get(angle);
    if (list) list.push(cell);
    else groups.set(angle, [cell]);
  };
  let order = 0;
  const [va, vb, vc, vd, ve, vf] = view;
  for (const g of glyphs) {
    const mask = maskOf.get(g) ?? -1;
    const text = mask >= 0 ? MASK.repeat(Math.max(1, [...g.char].length)) : CONTROL_TEST.test(g.char) ? g.char.replace(CONTROL, '') : g.char;
    if (text === '') continue;
    // Origin, advance end and top in display space (y down).
    const ox = va * g.ox + vc * g.oy + ve;
    const oy = vb * g.ox + vd * g.oy + vf;
    const ex = va * g.ex + vc * g.ey + ve;
    const ey = vb * g.ex + vd * g.ey + vf;
    const tx = va * g.tx + vc * g.ty + ve;
    const ty = vb * g.tx + vd * g.ty + vf;
    const size = Math.sqrt((tx - ox) * (tx - ox) + (ty - oy) * (ty - oy));
    if (!(size > 0)) continue;
    // The writing direction: along the advance, or square to the glyph's up vector when it has no width.
    let dx = ex - ox;
    let dy = ey - oy;
    if (Math.abs(dx) + Math.abs(dy) < 1e-6) {
      dx = -(ty - oy);
      dy = tx - ox;
    }
    // Upright text (almost all of it) needs no trigonometry.
    const angle = dx > 0 && Math.abs(dy) <= 1e-3 * dx ? 0 : ((Math.round((Math.atan2(dy, dx) * 180) / Math.PI) % 360) + 360) % 360;
    const cos = angle === 0 ? 1 : Math.cos((angle * Math.PI) / 180);
    const sin = angle === 0 ? 0 : Math.sin((angle * Math.PI) / 180);
    let x0 = ox * cos + oy * sin;
    let x1 = Math.max(x0, ex * cos + ey * sin);
    const over = shifted.get(g);
    if (over) {
      const [ax, ay] = applyMatrix(view, over.box[0], over.box[1]);
      const [bx, by] = applyMatrix(view, over.box[2], over.box[3]);
      const right = Math.max(ax * cos + ay * sin, bx * cos + by * sin);
      x1 = right + 0.01 + (x1 - x0);
      x0 = right + 0.01;
    }
    sizes.push(size);
    push(angle, { text, x0, x1, base: -ox * sin + oy * cos, size, box: mask >= 0 ? null : g.box, mask, blank: mask >= 0 && g.char.trim() === '', order: order++ });
  }
  const typical = median(sizes) ?? 10;
  for (const box of boxes) {
    if (box.kind !== 'placeholder' || box.hidden.length > 0) continue;
    const [ax, ay] = applyMatrix(view, box.box[0], box.box[1]);
    const [bx, by] = applyMatrix(view, box.box[2], box.box[3]);
    const left = Math.min(ax, bx);
    const right = Math.max(ax, bx);
    const top = Math.min(ay, by);
    const height = Math.abs(by - ay);
    const size = Math.min(height, typical);
    const count = Math.min(MAX_MASK_RUN, Math.max(MIN_MASK_RUN, Math.round((right - left) / (COLUMN_WIDTH * typical))));
    // A box sits on the first line it covers: its baseline is where text of that size would stand.
    push(0, { text: MASK.repeat(count), x0: left, x1: right, base: top + 0.8 * size, size, box: null, mask: box.index, blank: false, order: order++ });
  }

  const lines: string[] = [];
  const items: LaidItem[] = [];
  const runs: LaidRun[] = [];
  let offset = 0;
  const angles = [...groups.keys()].sort((a, b) => a - b);
  for (const angle of angles) {
    const grouped = groupLines(groups.get(angle) as Cell[]);
    if (angle !== angles[0]) {
      lines.push('');
      offset += 1;
    }
    grouped.forEach((line, i) => {
      const previous = grouped[i - 1];
      if (previous && angle === 0) {
        const pitch = LINE_PITCH * Math.min(previous.size, line.size);
        const blanks = Math.min(MAX_GAP_RUN, Math.max(0, Math.round((line.base - previous.base) / pitch) - 1));
        for (let b = 0; b < blanks; b++) {
          lines.push('');
          offset += 1;
        }
      }
      const laid = layoutLine(line.cells, offset);
      lines.push(laid.text);
      for (const item of laid.items) items.push(item);
      for (const run of laid.runs) runs.push(run);
      offset += laid.text.length + 1;
    });
  }
  return { text: lines.join('\n'), items, runs };
}

function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Groups cells into lines by baseline, top to bottom. */
function groupLines(cells: Cell[]): Line[] {
  const sorted = [...cells].sort((a, b) => a.base - b.base || a.order - b.order);
  const lines: Line[] = [];
  let current: Line | undefined;
  for (const cell of sorted) {
    if (current && Math.abs(cell.base - current.base) <= SAME_LINE * Math.max(cell.size, current.size)) {
      current.cells.push(cell);
      // The line's baseline is that of its largest text: superscripts and small marks join it.
      if (cell.size > current.size) {
        current.size = cell.size;
        current.base = cell.base;
      }
      continue;
    }
    current = { base: cell.base, size: cell.size, cells: [cell] };
    lines.push(current);
  }
  return lines;
}

/** Reads one line's cells left to right into text, with its words and mask runs at offsets from `offset`. */
function layoutLine(cells: Cell[], offset: number): PageLayout {
  const sorted = [...cells].sort((a, b) => a.x0 - b.x0 || a.order - b.order);
  // Whitespace hidden at the edges of a box's run is the space between the box and its neighbours.
  for (let i = 0; i < sorted.length; ) {
    const mask = (sorted[i] as Cell).mask;
    let j = i;
    while (j < sorted.length && (sorted[j] as Cell).mask === mask) j++;
    if (mask >= 0) {
      const group = sorted.slice(i, j);
      const first = group.findIndex((c) => !c.blank);
      const last = group.length - 1 - [...group].reverse().findIndex((c) => !c.blank);
      if (first >= 0) group.forEach((c, k) => {
        if (k < first || k > last) sorted[i + k] = { ...c, text: ' ', mask: -1, blank: false };
      });
    }
    i = j;
  }
  let text = '';
  const items: LaidItem[] = [];
  const runs: LaidRun[] = [];
  let word: LaidItem | undefined;
  let run: LaidRun | undefined;
  let previous: Cell | undefined;
  const closeWord = (): void => {
    if (word) items.push(word);
    word = undefined;
  };
  const closeRun = (): void => {
    if (!run) return;
    // Pad a short run so the text reads as a placeholder.
    while (run.end - run.start < MIN_MASK_RUN) {
      text += MASK;
      run.end += 1;
    }
    runs.push(run);
    run = undefined;
  };
  for (const cell of sorted) {
    if (previous) {
      const gap = cell.x0 - previous.x1;
      const size = Math.max(cell.size, previous.size);
      if (cell.mask >= 0 && cell.mask === previous.mask) {
        // Inside one box, the gaps are masked too: word breaks under a box are not shown.
        if (gap > SPACE_GAP * size) text += MASK.repeat(Math.min(MAX_GAP_RUN, Math.max(1, Math.round(gap / (COLUMN_WIDTH * size)))));
      } else {
        if (cell.mask < 0 && previous.mask < 0 && cell.text === previous.text && Math.abs(cell.x0 - previous.x0) < 0.1 * size) continue; // text drawn twice (fake bold)
        if (run) closeRun();
        let spaces = gap > SPACE_GAP * size && !text.endsWith(' ') && !cell.text.startsWith(' ') ? Math.min(MAX_GAP_RUN, Math.max(1, Math.round(gap / (COLUMN_WIDTH * size)))) : 0;
        // Two boxes side by side stay two placeholders.
        if (cell.mask >= 0 && previous.mask >= 0) spaces = Math.max(spaces, 2);
        if (spaces > 0) {
          closeWord();
          text += ' '.repeat(spaces);
        }
      }
    }
    const start = offset + text.length;
    text += cell.text;
    const end = offset + text.length;
    if (cell.mask >= 0) {
      closeWord();
      if (run && run.box === cell.mask) run.end = end;
      else {
        closeRun();
        run = { start, end, box: cell.mask };
      }
    } else if (cell.text.trim() === '') {
      closeWord();
    } else if (cell.box) {
      if (word) {
        word.end = end;
        word.box = unionBoxes(word.box, cell.box);
      } else word = { start, end, box: cell.box };
    }
    previous = cell;
  }
  closeRun();
  closeWord();
  // Run offsets were taken before padding: padding only ever extends the run just closed.
  return { text, items, runs };
}
