import { editDistance, isDigitTransposition, similarity } from './number-similarity';

describe('editDistance (Damerau-Levenshtein, optimal string alignment)', () => {
  it.each([
    ['', '', 0],
    ['ABC', '', 3],
    ['INV123', 'INV123', 0],
    ['INV123', 'INV124', 1],
    ['INV123', 'INV1234', 1],
    ['INV123', 'INV213', 1],
    ['KITTEN', 'SITTING', 3],
    ['CA', 'ABC', 3],
  ])('%s → %s is %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });
});

describe('isDigitTransposition', () => {
  it.each([
    ['12345', '12354', true],
    ['12345', '15342', true],
    ['AB123', 'BA123', false],
    ['12345', '12346', false],
    ['12345', '21354', false],
    ['1234', '12345', false],
  ])('%s / %s › %s', (a, b, expected) => {
    expect(isDigitTransposition(a, b)).toBe(expected);
  });
});

describe('similarity of normalised invoice numbers', () => {
  it('equal numbers › not similar (they are the same number)', () => {
    expect(similarity('INV123', 'INV123')).toBeNull();
  });

  it.each([
    ['adjacent digits swapped', '12345', '12354', { rule: 'transposed-digits' }],
    ['distant digits swapped', '12345', '15342', { rule: 'transposed-digits' }],
    ['one starts with the other', '4711', '4711A', { rule: 'prefix' }],
    ['one ends with the other', 'INV123', '123', { rule: 'suffix' }],
    ['one letter swapped', 'AB123', 'BA123', { rule: 'edit-distance', distance: 1 }],
    ['one digit changed on 3 characters', '101', '102', { rule: 'edit-distance', distance: 1 }],
    ['two changes on 5 characters', '12345', '12399', { rule: 'edit-distance', distance: 2 }],
  ])('%s › similar', (_, a, b, expected) => {
    expect(similarity(a, b)).toEqual(expected);
    expect(similarity(b, a)).toEqual(expected);
  });

  it.each([
    ['two digits swapped on 2 characters', '12', '21'],
    ['two changes on 2 characters', '17', '42'],
    ['two changes on 4 characters', '1234', '1299'],
    ['three changes', '123456', '999456'],
    ['a 2-character prefix', 'AB', 'ABC'],
    ['a different number', 'INV123', 'INV987'],
  ])('%s › not similar', (_, a, b) => {
    expect(similarity(a, b)).toBeNull();
    expect(similarity(b, a)).toBeNull();
  });
});
