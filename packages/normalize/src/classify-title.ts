/** Reading one job title, outside any definition. */
import { compileTitleClassifier, type TitleMatch, type TitleRules } from '@fitgate/core';
import { DEFAULT_TITLE_RULES } from './default-title-rules.js';

const classifiers = new WeakMap<TitleRules, (title: string) => TitleMatch>();

/**
 * The seniority (c-level, vp, director, manager, senior, individual contributor, intern) and the
 * department of a job title, by whole-word phrases. A definition applies the same rules through
 * `titleNormalizer`.
 *
 * @example
 * classifyTitle('SVP Sales')      // => { seniority: 'vp', department: 'sales', ... }
 * classifyTitle('Head of RevOps') // => { seniority: 'director', department: 'sales', ... }
 * classifyTitle('Internal Tools')
 * // => { seniority: 'individual contributor', department: 'engineering', ... }
 */
export function classifyTitle(title: string, rules: TitleRules = DEFAULT_TITLE_RULES): TitleMatch {
  let classify = classifiers.get(rules);
  if (classify === undefined) {
    classify = compileTitleClassifier(rules);
    classifiers.set(rules, classify);
  }
  return classify(title);
}
