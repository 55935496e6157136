import { progressBar, progressLine } from './progress';

describe('replay progress', () => {
  it('draws a bar filled in proportion to the records sent', () => {
    expect(progressBar({ chunk: 1, chunks: 3, done: 50, total: 120 }, 12)).toBe('[#####-------]  50/120 records (chunk 1/3)');
    expect(progressBar({ chunk: 3, chunks: 3, done: 120, total: 120 }, 12)).toBe('[############] 120/120 records (chunk 3/3)');
  });

  it('says one line per chunk when stderr is not a terminal', () => {
    expect(progressLine({ chunk: 2, chunks: 3, done: 100, total: 120 }, 'replay')).toBe('replay: chunk 2/3 done, 100/120 records');
  });
});
