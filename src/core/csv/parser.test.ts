import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvParser, parseCsvText, type CsvRecord } from './parser';

describe('CsvParser', () => {
  it('reports the physical line of each record across CR, LF and CRLF and multi-line fields', () => {
    const records = parseCsvText('h1,h2\r\na,"x\r\ny\nz"\rb,c\n\n"q""q",\n');
    expect(records).toEqual([
      { fields: ['h1', 'h2'], line: 1 },
      { fields: ['a', 'x\r\ny\nz'], line: 2 },
      { fields: ['b', 'c'], line: 5 },
      { fields: ['q"q', ''], line: 7 },
    ]);
  });

  it('gives the same records whatever the chunking (CR at a chunk edge, quotes split)', () => {
    const text = 'a,b\r\n"1\r\n2","3""4"\r5,6\r\n"",x\n';
    const whole = parseCsvText(text);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: text.length }), { maxLength: 6 }), (cuts) => {
        const points = [...new Set([0, ...cuts.sort((x, y) => x - y), text.length])];
        const out: CsvRecord[] = [];
        const parser = new CsvParser((r) => out.push(r));
        for (let i = 0; i < points.length - 1; i++) parser.push(text.slice(points[i], points[i + 1]));
        parser.end();
        expect(out).toEqual(whole);
      }),
    );
  });

  it('an unclosed quote names the line it opens on', () => {
    expect(() => parseCsvText('a,b\n1,2\n3,"open\n4,5\n')).toThrow('Line 3: a quoted field is never closed');
  });
});
