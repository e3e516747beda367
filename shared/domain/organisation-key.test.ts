import { describe, expect, it } from 'vitest';
import { organisationKey, organisationMatchKey, organisationMatchKeys } from './organisation-key';

describe('organisation names', () => {
  it('keeps the strict key to case and spacing', () => {
    expect(organisationKey('  Xiaomi   Corp. ')).toBe('xiaomi corp.');
  });

  it.each([
    ['Xiaomi Corp', 'xiaomi'],
    ['Xiaomi Corporation', 'xiaomi'],
    ['XIAOMI CORP.', 'xiaomi'],
    ['Xiaomi Inc.', 'xiaomi'],
    ['Huawei Technologies Co., Ltd.', 'huaweitechnologies'],
    ['Huawei Technologies Co Ltd', 'huaweitechnologies'],
    ['Ericsson AB', 'ericsson'],
    ['Nokia Technologies Oy', 'nokiatechnologies'],
    ['Robert Bosch GmbH', 'robertbosch'],
    ['Samsung Electronics Co., Ltd.', 'samsungelectronics'],
    ['小米科技有限责任公司', '小米科技'],
    ['华为技术有限公司', '华为技术'],
    ['小米', '小米'],
    ['株式会社ソニー', 'ソニー'],
    ['AT&T Inc.', 'atandt'],
    ['Ｘｉａｏｍｉ Corp', 'xiaomi'],
  ])('matches %s loosely as %s', (name, key) => {
    expect(organisationMatchKey(name)).toBe(key);
  });

  it('never strips a name down to nothing', () => {
    expect(organisationMatchKey('Company')).toBe('company');
    expect(organisationMatchKey('有限公司')).not.toBe('');
  });

  it('lists the loose keys of a name and its aliases once each', () => {
    expect(organisationMatchKeys('Xiaomi Corporation', ['Xiaomi Corp', '小米'])).toEqual([
      'xiaomi',
      '小米',
    ]);
  });
});
