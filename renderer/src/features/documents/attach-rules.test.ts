import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MAX_ATTACHMENT_BYTES,
  kindFromFileName,
  mimeTypeOf,
  refusalOf,
  storageErrorMessage,
  titleFromFileName,
} from './attach-rules';

describe('the rules for attaching a file', () => {
  it('refuses an empty file and one over the limit, and accepts the rest', () => {
    expect(refusalOf({ name: 'empty.pdf', size: 0 })).toMatch(/“empty\.pdf” is empty/);
    expect(refusalOf({ name: 'huge.pdf', size: DEFAULT_MAX_ATTACHMENT_BYTES + 1 })).toMatch(
      /over the 2\.0 GB limit/,
    );
    expect(refusalOf({ name: 'ok.pdf', size: DEFAULT_MAX_ATTACHMENT_BYTES })).toBeNull();
    expect(refusalOf({ name: 'small.pdf', size: 2000 }, 1000)).toMatch(/over the 1000 bytes limit/);
  });

  it('derives a title, a type and a first guess at the kind from the file name', () => {
    expect(titleFromFileName('Claim_chart_US123.pdf')).toBe('Claim chart US123');
    expect(titleFromFileName('.pdf')).toBe('.pdf');
    expect(mimeTypeOf({ name: 'a.PDF', type: '' })).toBe('application/pdf');
    expect(mimeTypeOf({ name: 'a.bin', type: '' })).toBe('application/octet-stream');
    expect(mimeTypeOf({ name: 'a.pdf', type: 'application/x-custom' })).toBe(
      'application/x-custom',
    );
    expect(kindFromFileName('2023-03 Complaint.pdf')).toBe('complaint');
    expect(kindFromFileName('Expert report of Dr X.pdf')).toBe('expert-report');
    expect(kindFromFileName('scan0001.pdf')).toBe('other');
  });

  it('explains a quota error, also when Dexie wraps it', () => {
    const quota = Object.assign(new Error('x'), { name: 'QuotaExceededError' });
    const wrapped = Object.assign(new Error('y'), { name: 'AbortError', inner: quota });
    for (const error of [quota, wrapped]) {
      expect(storageErrorMessage('big.pdf', error)).toMatch(
        /not enough storage space for “big\.pdf”/,
      );
    }
    expect(storageErrorMessage('a.pdf', new Error('boom'))).toBe('“a.pdf” was not attached: boom');
  });
});
