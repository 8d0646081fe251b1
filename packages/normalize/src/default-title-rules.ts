/**
 * The default rules that read a job title as a seniority and a department. Phrases are whole
 * words compared by canonical text ("Sr." is "sr", "V.P." is "vp", "P/CEO" is "p and ceo"); `*`
 * stands for one to three words. At each position in a title the longest phrase wins, so a
 * longer phrase overrides a shorter one inside it: "vice president" is not "president", "product
 * owner" is not "owner", "chief of staff" is not a chief officer.
 */
import type { TitleRules } from '@fitgate/core';

/**
 * Seniority levels, highest precedence first: when a title holds phrases of two levels, the one
 * listed first wins ("Senior Director" is a director), except that "intern" comes before
 * "senior" ("Senior Intern" is an intern). The levels follow LinkedIn's seniority filter,
 * merged where it splits finely (owner, partner and CXO are all c-level).
 */
// prettier-ignore
const SENIORITY = [
  {
    label: 'c-level',
    phrases: [
      'ceo', 'cfo', 'cto', 'coo', 'cmo', 'cro', 'cio', 'ciso', 'cpo', 'cdo', 'cco', 'chro',
      'cso', 'clo', 'cxo', 'c level', 'c suite', 'chief * officer', 'chief executive',
      'president', 'founder', 'co founder', 'cofounder', 'owner', 'business owner',
      'managing partner', 'founding partner', 'general partner', 'senior partner',
      'equity partner', 'chairman', 'chairwoman', 'chairperson', 'board member',
      'board director', 'managing director', 'executive director',
    ],
  },
  {
    label: 'vp',
    phrases: [
      'vp', 'vice president', 'svp', 'evp', 'avp', 'senior vice president',
      'executive vice president', 'assistant vice president', 'vice chair',
    ],
  },
  {
    label: 'director',
    phrases: [
      'director', 'dir', 'head', 'head of', 'chief of staff', 'general manager', 'gm',
    ],
  },
  {
    label: 'manager',
    phrases: [
      'manager', 'mgr', 'team lead', 'team leader', 'supervisor', 'foreman',
      'partner manager', 'assistant manager',
    ],
  },
  {
    label: 'intern',
    phrases: [
      'intern', 'internship', 'trainee', 'apprentice', 'apprenticeship', 'working student',
      'werkstudent', 'praktikant', 'stagiaire', 'co op', 'summer associate',
    ],
  },
  {
    label: 'senior',
    phrases: [
      'senior', 'sr', 'lead', 'principal', 'staff engineer', 'staff software engineer',
      'staff scientist', 'expert',
    ],
  },
  {
    // Phrases that look senior but are not: listed so that they take their words away from
    // the levels above ("Product Owner", "Executive Assistant", "Account Executive").
    label: 'individual contributor',
    phrases: [
      'junior', 'jr', 'associate', 'assistant', 'executive assistant', 'account executive',
      'product owner', 'process owner', 'account owner', 'coordinator', 'representative',
      'lead generation', 'lead gen',
    ],
  },
];

/** Departments; the phrase found first, reading from the left, wins ("VP Sales and Marketing"). */
// prettier-ignore
const DEPARTMENTS = [
  {
    label: 'executive',
    phrases: [
      'executive', 'ceo', 'chief executive', 'chief executive officer', 'president', 'founder',
      'co founder', 'cofounder', 'owner', 'business owner', 'managing director', 'general manager',
      'chairman', 'chairwoman', 'chairperson', 'board member', 'chief of staff',
      'managing partner', 'executive director',
    ],
  },
  {
    label: 'sales',
    phrases: [
      'sales', 'account executive', 'ae', 'sdr', 'bdr', 'business development', 'biz dev',
      'bizdev', 'revops', 'rev ops', 'revenue operations', 'revenue', 'sales operations',
      'salesops', 'inside sales', 'field sales', 'cro', 'chief revenue officer',
      'account manager', 'account management', 'channel', 'partnerships', 'partner manager',
      'commercial',
    ],
  },
  {
    label: 'marketing',
    phrases: [
      'marketing', 'cmo', 'chief marketing officer', 'growth', 'demand generation',
      'demand gen', 'brand', 'content', 'communications', 'comms', 'pr', 'public relations',
      'seo', 'sem', 'social media', 'events', 'product marketing', 'marketing operations',
      'lead generation', 'lead gen',
    ],
  },
  {
    label: 'engineering',
    phrases: [
      'engineering', 'engineer', 'developer', 'dev', 'software', 'devops', 'sre',
      'site reliability', 'cto', 'chief technology officer', 'architect', 'programmer', 'qa',
      'quality assurance', 'frontend', 'front end', 'backend', 'back end', 'full stack',
      'fullstack', 'internal tools', 'platform', 'infrastructure', 'mobile', 'ios', 'android',
    ],
  },
  {
    label: 'product',
    phrases: [
      'product', 'cpo', 'chief product officer', 'product manager', 'product owner',
      'product management',
    ],
  },
  {
    label: 'design',
    phrases: [
      'design', 'designer', 'ux', 'ui', 'user experience', 'user research', 'creative',
      'art director',
    ],
  },
  {
    label: 'data',
    phrases: [
      'data', 'analytics', 'data science', 'data scientist', 'machine learning', 'ml', 'ai',
      'business intelligence', 'bi', 'cdo', 'chief data officer', 'statistician',
    ],
  },
  {
    label: 'it',
    phrases: [
      'it', 'information technology', 'sysadmin', 'system administrator',
      'systems administrator', 'helpdesk', 'help desk', 'desktop support', 'cio',
      'chief information officer', 'network administrator',
    ],
  },
  {
    label: 'security',
    phrases: [
      'security', 'infosec', 'information security', 'cybersecurity', 'cyber security', 'ciso',
      'chief information security officer',
    ],
  },
  {
    label: 'finance',
    phrases: [
      'finance', 'financial', 'accounting', 'accountant', 'controller', 'comptroller', 'cfo',
      'chief financial officer', 'treasury', 'treasurer', 'fp and a', 'fpa', 'bookkeeper',
      'audit', 'auditor', 'tax', 'payroll', 'billing', 'accounts payable',
      'accounts receivable',
    ],
  },
  {
    label: 'hr',
    phrases: [
      'hr', 'human resources', 'people', 'people operations', 'people ops', 'talent',
      'talent acquisition', 'recruiting', 'recruiter', 'chro', 'chief people officer',
      'chief human resources officer', 'learning and development',
    ],
  },
  {
    label: 'operations',
    phrases: [
      'operations', 'ops', 'coo', 'chief operating officer', 'supply chain', 'logistics',
      'procurement', 'purchasing', 'facilities',
    ],
  },
  {
    label: 'legal',
    phrases: [
      'legal', 'counsel', 'general counsel', 'attorney', 'lawyer', 'compliance', 'clo',
      'chief legal officer', 'paralegal', 'contracts', 'privacy',
    ],
  },
  {
    label: 'customer success',
    phrases: [
      'customer success', 'csm', 'customer support', 'support', 'customer service',
      'customer experience', 'cx', 'implementation', 'onboarding', 'customer care',
      'client services',
    ],
  },
];

/** The default title rules: seniority levels, departments, fallback and stop words. */
export const DEFAULT_TITLE_RULES: TitleRules = {
  seniority: SENIORITY,
  departments: DEPARTMENTS,
  fallbackSeniority: 'individual contributor',
  // "Assistant to the CEO" is not a CEO: no seniority is read after "to".
  stopWords: ['to'],
};
