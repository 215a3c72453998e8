// What every part of the typesetter needs: the template's numbers, the fonts,
// resolved styles and colours, and where to report characters no font has.
import type { Diagnostics } from '../diagnostics.js';
import type { FontSet } from '../fonts/fontSet.js';
import type { SourcePos } from '../model.js';
import { charPitch, trackingEm } from '../template/gridMetrics.js';
import type { Template } from '../template/loadTemplate.js';
import { roleStyleName, type StyleRole } from '../template/styleRoles.js';
import { resolveStyle, type TextStyle } from '../template/styles.js';
import type { Color, NodeId } from './layout.js';

export interface Geometry {
  pageWidth: number;
  pageHeight: number;
  twoSided: boolean;
  /** Text block size and top margin. */
  width: number;
  height: number;
  top: number;
  /** Left margin of odd pages (订口). */
  inner: number;
  /** Distance between body baselines. */
  pitch: number;
  linesPerPage: number;
  /** Width of one body character on the grid: width / charsPerLine. */
  charPitch: number;
  /** Extra advance per character, in em, that puts body characters on the grid. */
  trackingEm: number;
  body: TextStyle;
}

export class TypesetContext {
  readonly geometry: Geometry;
  private readonly styles = new Map<string, TextStyle>();
  private readonly reported = new Set<string>();
  /** The glyph reports of the article being set, first of each key (FlowCache replays them). */
  private recording: { keys: Set<string>; reports: GlyphReport[] } | undefined;
  private lastId: NodeId = 0;
  /** The face that draws each code point, by the face asked for (null: none has it); asked for every glyph set. */
  private readonly drawingFaces = new Map<string, Map<number, string | null>>();

  constructor(
    readonly template: Template,
    readonly fonts: FontSet,
    readonly diags: Diagnostics,
  ) {
    const body = resolveStyle(template, 'body');
    this.geometry = {
      pageWidth: template.page.width,
      pageHeight: template.page.height,
      twoSided: template.page.twoSided,
      width: template.textBlock.width,
      height: template.textBlock.height,
      top: template.textBlock.top,
      inner: template.textBlock.inner,
      pitch: template.grid.linePitch,
      linesPerPage: template.grid.linesPerPage,
      charPitch: charPitch(template),
      trackingEm: trackingEm(template),
      body,
    };
  }

  /** A named style of the template; inline styles inherit from `base`. */
  style(name: string, base?: TextStyle): TextStyle {
    const key = base ? `${name}<${base.face}/${base.size}/${base.bold}/${base.color}` : name;
    let s = this.styles.get(key);
    if (!s) {
      s = resolveStyle(this.template, name, base);
      this.styles.set(key, s);
    }
    return s;
  }

  /** The style text of a role is set in. */
  roleStyle(role: StyleRole): TextStyle {
    return this.style(roleStyleName(this.template, role));
  }

  /** A new node id for the set tree: ids count up in the order nodes are made, which is reading order. */
  newId(): NodeId {
    return ++this.lastId;
  }

  /**
   * Reserve `count` ids here in reading order for nodes made later, perhaps
   * more than once (the 本期要目, set again until its page numbers hold):
   * each call of the function returned starts a new source of those ids.
   */
  reserveIds(count: number): () => () => NodeId {
    const first = this.lastId + 1;
    this.lastId += count;
    return () => {
      let next = first;
      return () => {
        if (next >= first + count) throw new Error('more node ids than reserved');
        return next++;
      };
    };
  }

  /** The id the next node will get. */
  get nextId(): NodeId {
    return this.lastId + 1;
  }

  /** Pass over `count` ids: those of an article set earlier and reused (FlowCache). */
  skipIds(count: number): void {
    this.lastId += count;
  }

  /** Collect the glyph reports made until `stopRecording`: those of one article. */
  startRecording(): void {
    this.recording = { keys: new Set(), reports: [] };
  }

  stopRecording(): GlyphReport[] {
    const reports = this.recording?.reports ?? [];
    this.recording = undefined;
    return reports;
  }

  /** Make a glyph report again, as setting its article again would (FlowCache). */
  replay(report: GlyphReport): void {
    this.report(report);
  }

  /** A colour of the template (loading checked that every name it uses exists). */
  color(name: string): Color {
    const c = this.template.colors[name];
    if (!c) throw new Error(`unknown colour ${name}`);
    return c.cmyk ? { rgb: c.rgb, cmyk: c.cmyk } : { rgb: c.rgb };
  }

  /** Whether page `pageNumber` is set as an odd (right-hand) page: every page of a one-sided template is. */
  isOddPage(pageNumber: number): boolean {
    return !this.geometry.twoSided || pageNumber % 2 === 1;
  }

  /** Left edge of the text block: the inner margin on odd pages, mirrored on even ones. */
  textBlockX(pageNumber: number): number {
    const g = this.geometry;
    return this.isOddPage(pageNumber) ? g.inner : g.pageWidth - g.inner - g.width;
  }

  /** The y of the top of grid line `gridLine`. */
  gridLineTop(gridLine: number): number {
    return this.geometry.top + gridLine * this.geometry.pitch;
  }

  /** Baseline of text of `size` centred in a box of `height` starting at `top`. */
  baselineIn(top: number, height: number, size: number, face: string): number {
    return top + (height - size) / 2 + this.fonts.face(face).emAscent * size;
  }

  /**
   * The face that draws `ch` in text of `face`, and whether no face has it
   * (then it is drawn with `face`'s .notdef glyph and keeps its text in the
   * PDF's text layer). A fallback is noted once per character and build; a
   * character no face has is a warning at each place it appears.
   */
  faceFor(face: string, ch: string, pos: SourcePos | undefined): { face: string; missing: boolean } {
    const cp = ch.codePointAt(0)!;
    let known = this.drawingFaces.get(face);
    if (!known) this.drawingFaces.set(face, (known = new Map()));
    let found = known.get(cp);
    if (found === undefined) {
      found = this.fonts.faceFor(face, cp) ?? null;
      known.set(cp, found);
    }
    if (found === face) return { face, missing: false };
    const hex = cp.toString(16).toUpperCase().padStart(4, '0');
    this.report(
      found
        ? { key: `fallback|${cp}`, severity: 'notice', code: 'glyph.fallback', pos, params: { char: ch, code: hex, face, fallback: found } }
        : { key: `missing|${cp}|${pos?.file}|${pos?.line}`, severity: 'warning', code: 'glyph.missing', pos, params: { char: ch, code: hex, face } },
    );
    return found ? { face: found, missing: false } : { face, missing: true };
  }

  private report(r: GlyphReport): void {
    if (this.recording && !this.recording.keys.has(r.key)) {
      this.recording.keys.add(r.key);
      this.recording.reports.push(r);
    }
    if (this.reported.has(r.key)) return;
    this.reported.add(r.key);
    this.diags.add(r.severity, r.code, r.pos, r.params);
  }
}

/** A character drawn from a fallback face (noted once a build) or from none (warned at each place). */
export interface GlyphReport {
  key: string;
  severity: 'notice' | 'warning';
  code: 'glyph.fallback' | 'glyph.missing';
  pos: SourcePos | undefined;
  params: Record<string, string>;
}
