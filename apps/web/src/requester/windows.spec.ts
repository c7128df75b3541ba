import { describe, expect, it } from '@jest/globals';
import { parseCsv } from './csv-preview';
import { emptyGrid, gridFromWindows, hasEvening, hasWeekend, officeHours, weekdaysFromGrid } from './windows';

describe('the week grid', () => {
  it('turns ticked hours into the API ranges and back', () => {
    const g = emptyGrid();
    for (const h of [9, 10, 11, 14, 15, 23]) g.mon[h] = true;
    g.sat[10] = true;
    const weekdays = weekdaysFromGrid(g);
    expect(weekdays).toEqual([
      {
        day: 'mon',
        ranges: [
          { from: '09:00', to: '12:00' },
          { from: '14:00', to: '16:00' },
          { from: '23:00', to: '24:00' },
        ],
      },
      { day: 'sat', ranges: [{ from: '10:00', to: '11:00' }] },
    ]);
    expect(gridFromWindows({ weekdays })).toEqual(g);
    expect(hasEvening(g)).toBe(true);
    expect(hasWeekend(g)).toBe(true);
  });

  it('starts on office hours: weekdays 09:00-18:00, no evening, no weekend', () => {
    const g = officeHours();
    expect(weekdaysFromGrid(g)).toHaveLength(5);
    expect(weekdaysFromGrid(g)[0]).toEqual({ day: 'mon', ranges: [{ from: '09:00', to: '18:00' }] });
    expect(hasEvening(g) || hasWeekend(g)).toBe(false);
  });

  it('reads ranges that do not start on the hour as the hours they touch', () => {
    const g = gridFromWindows({ weekdays: [{ day: 'tue', ranges: [{ from: '08:00', to: '09:30' }] }] });
    expect(g.tue.map((on, h) => (on ? h : -1)).filter((h) => h >= 0)).toEqual([8, 9]);
  });
});

describe('the CSV preview', () => {
  it('reads quoted cells, doubled quotes, CRLF and the delimiter of the header line', () => {
    expect(parseCsv('姓名;手机\r\n"张, 伟";"+86 138 0013 8000"\r\n"say ""hi""";x\r\n', 6)).toEqual([
      ['姓名', '手机'],
      ['张, 伟', '+86 138 0013 8000'],
      ['say "hi"', 'x'],
    ]);
  });

  it('stops after the rows asked for and skips blank lines', () => {
    expect(parseCsv('a,b\n\n1,2\n3,4\n5,6', 3)).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ]);
  });
});
