import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import sampleJson from '../../../../resources/sample/sample-case-file.json';
import { sampleCaseFileSchema } from '../sample/sample-schema';
import { renderSampleFilings } from './sample-filings';

const sample = sampleCaseFileSchema.parse(sampleJson);
const huaweiXiaomi = sample.disputes.find((d) => d.title === 'Huawei v. Xiaomi')!;

describe('the sample filing', () => {
  it('is a real PDF saying what the announcement says about the complaint, and no more', async () => {
    const files = await renderSampleFilings(huaweiXiaomi.documents);
    const [summary] = [...files.values()];
    const bytes = new Uint8Array(await summary!.blob.arrayBuffer());
    expect(summary!.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));

    const folder = mkdtempSync(join(tmpdir(), 'casefile-sample-pdf-'));
    try {
      writeFileSync(join(folder, 'summary.pdf'), bytes);
      const text = execFileSync('pdftotext', ['-layout', join(folder, 'summary.pdf'), '-'], {
        encoding: 'utf8',
      }).replace(/\s+/g, ' ');
      expect(text).toContain('Summary of the March 2023 complaint (from the public announcement)');
      expect(text).toContain('It is not the complaint itself');
      expect(text).toContain(
        'In March 2023, Huawei Technologies Co., Ltd. (Huawei) filed a lawsuit',
      );
      expect(text).toContain('four of Huawei');
      for (const technology of [
        'wireless communication technology',
        'smartphone photography',
        'screen lock technology',
      ]) {
        expect(text).toContain(technology);
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('comes out byte for byte the same each time, so loading twice stores one file', async () => {
    const first = [...(await renderSampleFilings(huaweiXiaomi.documents)).values()];
    const second = [...(await renderSampleFilings(huaweiXiaomi.documents)).values()];
    expect(first.map((f) => f.sha256)).toEqual(second.map((f) => f.sha256));
  });
});
