// date.zeroPadded and date.future.
import type { IssueDate } from '../../model.js';
import { compareDates, isoDate, isRealDate } from '../../text/issueDates.js';
import { unitRule } from '../rule.js';

export const ZERO_PADDED = 'date.zeroPadded';
export const FUTURE = 'date.future';

/** `08月`, `06日`: a zero before the month or day number. */
export const zeroPadded = unitRule(ZERO_PADDED, (unit, ctx) => {
  for (const m of unit.text.matchAll(/(?<![0-9０-９])0([1-9])(?=[ \t]*([月日]))/g)) {
    const unitChar = m[2]!;
    const message = {
      zh: `日期数字不补零：写“${m[1]}${unitChar}”，不写“0${m[1]}${unitChar}”`,
      en: `dates are not zero-padded: write “${m[1]}${unitChar}”, not “0${m[1]}${unitChar}”`,
    };
    ctx.out.at(ZERO_PADDED, unit, m.index, message, { start: m.index, end: m.index + 2, replacement: m[1]! });
  }
});

/** Year words that shift a date without a year of its own. */
const RELATIVE_YEARS: ReadonlyArray<[string, number]> = [
  ['前年', -2],
  ['去年', -1],
  ['上年', -1],
  ['今年', 0],
  ['本年', 0],
  ['明年', 1],
  ['次年', 1],
];

const DATE = /(?<![0-9])(?:([0-9]{4})[ \t]*年[ \t]*)?([0-9]{1,2})[ \t]*月[ \t]*([0-9]{1,2})[ \t]*[日号]/g;

/**
 * Words around a date that make it one a notice sets: a deadline or an
 * appointed day (请于9月10日前报送, 定于9月2日举行, 即日起至9月30日止, 自9月1日起).
 */
const SET_BEFORE = /(?:于|至|到|截至|截止|自|从)[ \t]*$/u;
const SET_AFTER = /^[ \t]*(?:前|之前|以前|止|为止|截止|起|开始)/u;

/**
 * 2024年9月3日, 9月3日 (the year is the issue's): later than the issue date.
 * Not a date a notice sets (see SET_BEFORE, SET_AFTER), nor one in a table
 * (timetables and deadlines).
 */
export const future = unitRule(FUTURE, (unit, ctx) => {
  const issueDate = ctx.issue.meta.date;
  if (unit.inTable) return;
  for (const m of unit.text.matchAll(DATE)) {
    if (SET_BEFORE.test(unit.text.slice(Math.max(0, m.index - 4), m.index)) || SET_AFTER.test(unit.text.slice(m.index + m[0].length))) continue;
    let year = issueDate.year;
    if (m[1] !== undefined) {
      year = Number(m[1]);
    } else {
      const before = unit.text.slice(Math.max(0, m.index - 2), m.index);
      year += RELATIVE_YEARS.find(([word]) => word === before)?.[1] ?? 0;
    }
    const date: IssueDate = { year, month: Number(m[2]), day: Number(m[3]) };
    if (!isRealDate(date) || compareDates(date, issueDate) <= 0) continue;
    const message = {
      zh: `日期${date.year}年${date.month}月${date.day}日晚于本期日期${issueDate.year}年${issueDate.month}月${issueDate.day}日，请核对`,
      en: `the date ${isoDate(date)} is later than the issue date ${isoDate(issueDate)}; check it`,
    };
    ctx.out.at(FUTURE, unit, m.index, message);
  }
});
