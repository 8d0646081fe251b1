import { describe, expect, it } from 'vitest';

import { uniqueHeaderNames } from '../src/header-names.js';

describe('uniqueHeaderNames', () => {
  it('names empty headers by position and numbers repeats, keeping names unique', () => {
    expect(uniqueHeaderNames(['a', '', 'a', ' '])).toEqual(['a', 'column_2', 'a_2', 'column_4']);
    expect(uniqueHeaderNames(['a', 'a', 'a_2'])).toEqual(['a', 'a_3', 'a_2']);
    expect(uniqueHeaderNames(['', 'column_1'])).toEqual(['column_1_2', 'column_1']);
  });

  it('leaves unique names, including __proto__ and toString, unchanged', () => {
    const names = ['__proto__', 'toString', 'Lead Source'];
    expect(uniqueHeaderNames(names)).toEqual(names);
  });
});
