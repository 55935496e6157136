import { renderKeyValues, renderTable } from './table';

describe('plain-text tables', () => {
  it('pads every column to its widest cell, right-aligns numbers, and trims trailing spaces', () => {
    const text = renderTable(
      [{ header: 'ID', align: 'right' }, { header: 'SERVICE' }, { header: 'CODE' }],
      [
        ['7', 'po-sync', 'INVALID_INPUT'],
        ['1234', 'invoice-sync', '-'],
      ],
    );
    expect(text.split('\n')).toEqual(['  ID  SERVICE       CODE', '   7  po-sync       INVALID_INPUT', '1234  invoice-sync  -']);
  });

  it('cuts long cells with an ellipsis and flattens line breaks', () => {
    const text = renderTable([{ header: 'MESSAGE', maxWidth: 10 }], [['line one\nline two is long']]);
    expect(text.split('\n')[1]).toBe('line one …');
  });

  it('aligns key/value labels', () => {
    expect(renderKeyValues([['service', 'po-sync'], ['error code', 'X']])).toBe('  service     po-sync\n  error code  X');
  });
});
