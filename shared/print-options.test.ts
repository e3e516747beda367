import { describe, expect, it } from 'vitest';
import { printArgsSchema } from './ipc';
import {
  allSections,
  defaultSummaryChoices,
  pageLayout,
  parsePrintRoute,
  pdfFileName,
  portfolioRoute,
  printRouteSchema,
  runningHeaderCss,
  summaryRoute,
  toChromiumPdfOptions,
  toElectronPdfOptions,
} from './print-options';

describe('print options', () => {
  it('writes a summary route that reads back to the same choices', () => {
    const choices = {
      sections: ['overview' as const, 'notes' as const],
      privileged: true,
      paper: 'Letter' as const,
      line: 'Privileged & Confidential — "Board only"',
    };
    const route = summaryRoute('0f6e-42', choices);
    expect(route.startsWith('/print/disputes/0f6e-42?')).toBe(true);
    expect(printRouteSchema.safeParse(route).success).toBe(true);
    expect(parsePrintRoute(route)).toEqual({ kind: 'summary', disputeId: '0f6e-42', choices });
  });

  it('prints the whole summary without privileged notes when the route names no choices', () => {
    expect(parsePrintRoute('/print/disputes/x1')).toEqual({
      kind: 'summary',
      disputeId: 'x1',
      choices: { sections: allSections, privileged: false, paper: 'A4', line: '' },
    });
    expect(defaultSummaryChoices('Confidential').privileged).toBe(false);
  });

  it('keeps sections in the order of the summary and refuses unknown values', () => {
    const parsed = parsePrintRoute('/print/disputes/x1?sections=notes,overview');
    expect(parsed.kind === 'summary' && parsed.choices.sections).toEqual(['overview', 'notes']);
    expect(parsePrintRoute('/print/disputes/x1?sections=secrets').kind).toBe('invalid');
    expect(parsePrintRoute('/print/disputes/x1?sections=').kind).toBe('invalid');
    expect(parsePrintRoute('/print/disputes/x1?paper=A3').kind).toBe('invalid');
    expect(parsePrintRoute('/print/disputes/x1?privileged=yes').kind).toBe('invalid');
    expect(parsePrintRoute('/print/elsewhere').kind).toBe('invalid');
  });

  it('reads the portfolio route', () => {
    const route = portfolioRoute({ paper: 'A4', line: 'Quarterly review' });
    expect(parsePrintRoute(route)).toEqual({
      kind: 'portfolio',
      choices: {
        paper: 'A4',
        line: 'Quarterly review',
        statuses: 'open',
        sections: ['charts', 'disputes', 'deadlines', 'outcomes'],
        sort: 'title',
      },
    });
    const chosen = portfolioRoute({
      paper: 'Letter',
      line: '',
      statuses: 'all',
      sections: ['outcomes', 'disputes'],
      sort: 'deadline',
    });
    expect(parsePrintRoute(chosen)).toEqual({
      kind: 'portfolio',
      choices: {
        paper: 'Letter',
        line: '',
        statuses: 'all',
        sections: ['disputes', 'outcomes'],
        sort: 'deadline',
      },
    });
    expect(printRouteSchema.safeParse(chosen).success).toBe(true);
    expect(parsePrintRoute('/print/portfolio?statuses=some').kind).toBe('invalid');
    expect(parsePrintRoute('/print/portfolio?sections=').kind).toBe('invalid');
  });

  it.each([
    'https://evil.example/print/portfolio',
    '//evil.example/print/portfolio',
    '/disputes/abc',
    '/print/../disputes',
    '/print/portfolio#x',
    '/print/portfolio?line=<script>',
    '/print/disputes/a"b',
    'javascript:alert(1)',
  ])('refuses %s as a print route', (route) => {
    expect(printRouteSchema.safeParse(route).success).toBe(false);
    expect(printArgsSchema.safeParse({ route, page: {} }).success).toBe(false);
  });

  it('puts the escaped confidentiality line in the header and page numbers in the footer', () => {
    const layout = pageLayout({ paper: 'A4', line: '<img src=x onerror=alert(1)> & "Co"' });
    expect(layout.headerTemplate).toContain(
      '&lt;img src=x onerror=alert(1)&gt; &amp; &quot;Co&quot;',
    );
    expect(layout.headerTemplate).not.toContain('<img');
    expect(layout.headerTemplate).toMatch(/font-size:\s*8pt/);
    expect(layout.footerTemplate).toContain(
      'Page <span class="pageNumber"></span> of <span class="totalPages"></span>',
    );
  });

  it('gives Electron and Chromium the same page in their own option names', () => {
    const layout = pageLayout({ paper: 'Letter', line: 'Confidential' });
    const electron = toElectronPdfOptions(layout);
    const chromium = toChromiumPdfOptions(layout);
    expect(electron.pageSize).toBe('Letter');
    expect(chromium.format).toBe('Letter');
    // Electron wants inches; Chromium takes CSS lengths. Both describe 20 mm at the top.
    expect(electron.margins.top).toBeCloseTo(20 / 25.4, 4);
    expect(chromium.margin.top).toBe('20mm');
    expect(electron.margins.left * 25.4).toBeCloseTo(Number.parseFloat(chromium.margin.left), 2);
    for (const options of [electron, chromium]) {
      expect(options).toMatchObject({
        displayHeaderFooter: true,
        headerTemplate: layout.headerTemplate,
        footerTemplate: layout.footerTemplate,
        printBackground: true,
        preferCSSPageSize: false,
      });
    }
  });

  it('writes the print-dialog header as a CSS string the line cannot break out of', () => {
    const css = runningHeaderCss({ paper: 'Letter', line: 'A "quoted" line \\ } @page {' });
    expect(css).toContain('size: Letter;');
    expect(css).toContain('content: "A \\"quoted\\" line \\\\ } @page {";');
    expect(css).toContain('"Page " counter(page) " of " counter(pages)');
  });

  it('names the PDF after the dispute without characters file systems refuse', () => {
    expect(pdfFileName('Huawei v. Xiaomi')).toBe('Huawei v. Xiaomi – summary.pdf');
    expect(pdfFileName('A/B: "C"?')).toBe('A-B- -C-- – summary.pdf');
    expect(pdfFileName('  ')).toBe('Casefile – summary.pdf');
  });
});
