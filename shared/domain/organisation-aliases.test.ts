import { describe, expect, it } from 'vitest';
import { addedAliasesProblem, aliasProblem } from './organisation-aliases';

const xiaomi = { id: 'x', name: 'Xiaomi Corporation', aliases: ['小米'] };
const huawei = { id: 'h', name: 'Huawei Technologies Co., Ltd.', aliases: ['Huawei'] };

describe('organisation aliases', () => {
  it('accepts another name of the company', () => {
    expect(aliasProblem('Xiaomi Corp', xiaomi, [huawei])).toBeNull();
  });

  it('refuses an empty alias and an overlong one', () => {
    expect(aliasProblem('   ', xiaomi, [])).toMatch(/Enter the other name/);
    expect(aliasProblem('x'.repeat(201), xiaomi, [])).toMatch(/under 200 characters/);
  });

  it('refuses its own name and its own aliases, however spaced or cased', () => {
    expect(aliasProblem(' xiaomi  corporation ', xiaomi, [])).toBe(
      '“xiaomi  corporation” is this organisation’s own name.',
    );
    expect(aliasProblem('小米', xiaomi, [])).toBe(
      '“小米” is already an alias of Xiaomi Corporation.',
    );
  });

  it('refuses the name or an alias of another organisation and says to merge', () => {
    expect(aliasProblem('HUAWEI TECHNOLOGIES CO., LTD.', xiaomi, [huawei])).toMatch(
      /name of another organisation on file.*merge “Huawei Technologies Co., Ltd.” into Xiaomi Corporation/,
    );
    expect(aliasProblem('huawei', xiaomi, [huawei])).toMatch(
      /already an alias of Huawei Technologies Co., Ltd\./,
    );
  });

  it('ignores the organisation itself among the others', () => {
    expect(aliasProblem('Xiaomi Inc', xiaomi, [xiaomi])).toBeNull();
  });

  it('checks only the aliases a change adds, and repeats within them', () => {
    const before = { ...xiaomi, aliases: ['Huawei'] }; // a clash a merge once brought in
    expect(addedAliasesProblem({ ...before, name: 'Xiaomi Corp.' }, before, [huawei])).toBeNull();
    expect(
      addedAliasesProblem({ ...before, aliases: ['Huawei', 'Mi', 'MI'] }, before, [huawei]),
    ).toBe('“MI” is already an alias of Xiaomi Corporation.');
    expect(addedAliasesProblem({ ...xiaomi, aliases: ['Huawei'] }, undefined, [huawei])).toMatch(
      /already an alias of Huawei/,
    );
  });
});
