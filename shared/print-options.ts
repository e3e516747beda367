/**
 * How Casefile prints: the choices a person makes (sections, privileged notes, paper, the
 * confidentiality line), the route that renders them, and the one page layout every printer uses.
 * `pageLayout` is the single definition of page size, margins, header and footer; two tiny adapters
 * reshape it for Electron's `webContents.printToPDF` and for Chromium's `page.pdf()` (Playwright),
 * whose option names differ, so the desktop app and the end-to-end tests print the same pages.
 * The route travels from the renderer to the main process, which loads it in a hidden window, so
 * its grammar is strict: only Casefile's own print pages, with plain URL-encoded parameters.
 */
import { z } from 'zod';

export const summarySections = [
  { value: 'overview', label: 'Overview' },
  { value: 'parties', label: 'Parties and counsel' },
  { value: 'proceedings', label: 'Proceedings' },
  { value: 'patents', label: 'Patents and assertions' },
  { value: 'resolution', label: 'Resolution and licence terms' },
  { value: 'chronology', label: 'Chronology' },
  { value: 'documents', label: 'Documents index' },
  { value: 'exhibits', label: 'Exhibit list' },
  { value: 'notes', label: 'Settlement notes' },
] as const;

export type SummarySection = (typeof summarySections)[number]['value'];
const sectionValues = summarySections.map((s) => s.value) as [SummarySection, ...SummarySection[]];

export const paperSizes = ['A4', 'Letter'] as const;
export type PaperSize = (typeof paperSizes)[number];

export const confidentialityLineSchema = z
  .string()
  .trim()
  .max(200, 'Keep the confidentiality line under 200 characters.');

/** What every printed page needs from the person's choices. */
export const pageChoicesSchema = z.object({
  paper: z.enum(paperSizes).default('A4'),
  line: confidentialityLineSchema.default(''),
});
export type PageChoices = z.infer<typeof pageChoicesSchema>;

export const summaryChoicesSchema = pageChoicesSchema.extend({
  sections: z
    .array(z.enum(sectionValues))
    .min(1, 'Choose at least one section to print.')
    .transform((chosen) => sectionValues.filter((s) => chosen.includes(s))),
  privileged: z.boolean().default(false),
});
export type SummaryChoices = z.infer<typeof summaryChoicesSchema>;

export const allSections: SummarySection[] = [...sectionValues];

/** Privileged notes stay out unless asked for; the rest is the whole summary. */
export const defaultSummaryChoices = (line: string): SummaryChoices => ({
  sections: [...allSections],
  privileged: false,
  paper: 'A4',
  line,
});

// ---------------------------------------------------------------------------------------------
// Routes

const ID = '[A-Za-z0-9_-]{1,64}';
/** Characters URLSearchParams writes; anything else (quotes, angle brackets, #) is refused. */
const QUERY = '[A-Za-z0-9%*._+=&-]*';
const PRINT_ROUTE = new RegExp(`^/print/(?:disputes/${ID}|portfolio)(?:\\?${QUERY})?$`);

export const printRouteSchema = z
  .string()
  .max(4000, 'The print page address is too long.')
  .regex(PRINT_ROUTE, 'Only Casefile’s own print pages can be printed.');

export function summaryRoute(disputeId: string, choices: SummaryChoices): string {
  const query = new URLSearchParams({
    sections: choices.sections.join(','),
    privileged: choices.privileged ? '1' : '0',
    paper: choices.paper,
    line: choices.line,
  });
  return `/print/disputes/${encodeURIComponent(disputeId)}?${query.toString()}`;
}

export const portfolioSections = [
  { value: 'charts', label: 'Dashboard charts' },
  { value: 'disputes', label: 'Disputes, with totals' },
  { value: 'deadlines', label: 'Deadlines (overdue and next quarter)' },
  { value: 'outcomes', label: 'Outcomes' },
] as const;
export type PortfolioSection = (typeof portfolioSections)[number]['value'];
const portfolioSectionValues = portfolioSections.map((s) => s.value) as [
  PortfolioSection,
  ...PortfolioSection[],
];

export const portfolioSorts = [
  { value: 'title', label: 'Title' },
  { value: 'status', label: 'Status' },
  { value: 'deadline', label: 'Next deadline' },
  { value: 'opened', label: 'Opened (newest first)' },
] as const;
export type PortfolioSort = (typeof portfolioSorts)[number]['value'];

export const portfolioChoicesSchema = pageChoicesSchema.extend({
  /** Open disputes only (not settled or closed), or every dispute. */
  statuses: z.enum(['open', 'all']).default('open'),
  sections: z
    .array(z.enum(portfolioSectionValues))
    .min(1, 'Choose at least one section to print.')
    .default([...portfolioSectionValues])
    .transform((chosen) => portfolioSectionValues.filter((s) => chosen.includes(s))),
  sort: z
    .enum(portfolioSorts.map((s) => s.value) as [PortfolioSort, ...PortfolioSort[]])
    .default('title'),
});
export type PortfolioChoices = z.infer<typeof portfolioChoicesSchema>;

export const defaultPortfolioChoices = (line: string): PortfolioChoices => ({
  paper: 'A4',
  line,
  statuses: 'open',
  sections: [...portfolioSectionValues],
  sort: 'title',
});

/** The portfolio's route; choices left out take their defaults (open disputes, every section). */
export function portfolioRoute(choices: PageChoices & Partial<PortfolioChoices>): string {
  const query = new URLSearchParams({ paper: choices.paper, line: choices.line });
  if (choices.statuses) query.set('statuses', choices.statuses);
  if (choices.sections) query.set('sections', choices.sections.join(','));
  if (choices.sort) query.set('sort', choices.sort);
  return `/print/portfolio?${query.toString()}`;
}

export type ParsedPrintRoute =
  | { kind: 'summary'; disputeId: string; choices: SummaryChoices }
  | { kind: 'portfolio'; choices: PortfolioChoices }
  | { kind: 'invalid'; message: string };

/**
 * Reads a print route back. Missing parameters take their defaults (a hand-typed
 * `/print/disputes/<id>` prints the whole summary without privileged notes); a parameter that is
 * present but wrong makes the route invalid rather than silently printing something else.
 */
export function parsePrintRoute(location: string): ParsedPrintRoute {
  const [path = '', search = ''] = location.split('?', 2);
  const params = new URLSearchParams(search);
  const page = pageChoicesSchema.safeParse({
    paper: params.get('paper') ?? undefined,
    line: params.get('line') ?? undefined,
  });
  if (!page.success) return { kind: 'invalid', message: page.error.issues[0]!.message };
  if (path === '/print/portfolio') {
    const sections = params.get('sections');
    const choices = portfolioChoicesSchema.safeParse({
      ...page.data,
      statuses: params.get('statuses') ?? undefined,
      sections: sections === null ? undefined : sections.split(',').filter(Boolean),
      sort: params.get('sort') ?? undefined,
    });
    if (!choices.success) return { kind: 'invalid', message: choices.error.issues[0]!.message };
    return { kind: 'portfolio', choices: choices.data };
  }

  const match = new RegExp(`^/print/disputes/(${ID})$`).exec(path);
  if (!match) return { kind: 'invalid', message: 'There is no such print page.' };
  const sections = params.get('sections');
  const privileged = params.get('privileged');
  if (privileged !== null && privileged !== '0' && privileged !== '1') {
    return { kind: 'invalid', message: 'The privileged-notes choice is not valid.' };
  }
  const choices = summaryChoicesSchema.safeParse({
    ...page.data,
    sections: sections === null ? allSections : sections.split(',').filter(Boolean),
    privileged: privileged === '1',
  });
  if (!choices.success) return { kind: 'invalid', message: choices.error.issues[0]!.message };
  return { kind: 'summary', disputeId: match[1]!, choices: choices.data };
}

// ---------------------------------------------------------------------------------------------
// The page layout

export type Margins = { top: number; right: number; bottom: number; left: number };

export type PageLayout = {
  paper: PaperSize;
  /** In millimetres; top and bottom leave room for the header and footer templates. */
  marginsMm: Margins;
  displayHeaderFooter: true;
  headerTemplate: string;
  footerTemplate: string;
  printBackground: true;
  /** The options decide the paper, so a stray CSS `@page` rule cannot change it. */
  preferCSSPageSize: false;
};

export const PAGE_MARGINS_MM: Margins = { top: 20, right: 16, bottom: 18, left: 16 };

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

// Chromium draws the templates in the margins at a near-invisible default size and without the
// page's styles, so each template carries its own font size and layout.
const templateStyle =
  'width:100%;font-family:system-ui,Arial,sans-serif;font-size:8pt;color:#333;text-align:center;padding:0 16mm;';

export function pageLayout({ paper, line }: PageChoices): PageLayout {
  return {
    paper,
    marginsMm: { ...PAGE_MARGINS_MM },
    displayHeaderFooter: true,
    headerTemplate: `<div style="${templateStyle}">${escapeHtml(line)}</div>`,
    footerTemplate: `<div style="${templateStyle}">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>`,
    printBackground: true,
    preferCSSPageSize: false,
  };
}

const MM_PER_INCH = 25.4;

/** Electron's `PrintToPDFOptions`: `pageSize`, and `margins` in inches. */
export function toElectronPdfOptions(layout: PageLayout) {
  const inches = (mm: number) => Math.round((mm / MM_PER_INCH) * 10000) / 10000;
  return {
    pageSize: layout.paper,
    margins: {
      top: inches(layout.marginsMm.top),
      right: inches(layout.marginsMm.right),
      bottom: inches(layout.marginsMm.bottom),
      left: inches(layout.marginsMm.left),
    },
    displayHeaderFooter: layout.displayHeaderFooter,
    headerTemplate: layout.headerTemplate,
    footerTemplate: layout.footerTemplate,
    printBackground: layout.printBackground,
    preferCSSPageSize: layout.preferCSSPageSize,
  };
}

/** Chromium's `page.pdf()` as Playwright names it: `format`, and `margin` as CSS lengths. */
export function toChromiumPdfOptions(layout: PageLayout) {
  const mm = (value: number) => `${value}mm`;
  return {
    format: layout.paper,
    margin: {
      top: mm(layout.marginsMm.top),
      right: mm(layout.marginsMm.right),
      bottom: mm(layout.marginsMm.bottom),
      left: mm(layout.marginsMm.left),
    },
    displayHeaderFooter: layout.displayHeaderFooter,
    headerTemplate: layout.headerTemplate,
    footerTemplate: layout.footerTemplate,
    printBackground: layout.printBackground,
    preferCSSPageSize: layout.preferCSSPageSize,
  };
}

/** A CSS string literal; the value cannot end the string or the rule it sits in. */
function cssString(text: string): string {
  return `"${text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/[\n\r\f]/g, ' ')}"`;
}

/**
 * The same header and footer for a print dialog (`window.print()`, Electron's `print()`), which
 * takes no templates: CSS page-margin boxes. Never add it when printing with the templates, or
 * each page would carry the line twice.
 */
export function runningHeaderCss({ paper, line }: PageChoices): string {
  const m = PAGE_MARGINS_MM;
  const box = 'font-family: system-ui, Arial, sans-serif; font-size: 8pt; color: #333;';
  return `@page {
  size: ${paper};
  margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm;
  @top-center { content: ${cssString(line)}; ${box} }
  @bottom-center { content: "Page " counter(page) " of " counter(pages); ${box} }
}`;
}

/** "Huawei v. Xiaomi – summary.pdf", without characters file systems refuse. */
export function pdfFileName(title: string): string {
  const safe = title
    // Control characters too: file systems refuse them in names.
    // oxlint-disable-next-line no-control-regex
    .replace(/[/\\?%*:|"<>\0-\x1f]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120);
  return `${safe || 'Casefile'} – summary.pdf`;
}
