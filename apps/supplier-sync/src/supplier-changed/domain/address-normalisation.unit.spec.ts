import { addressKey, normaliseAddress, normaliseStreet, streetKey } from './address-normalisation';

describe('normaliseStreet', () => {
  it.each([
    ['100 Main Street', '100 MAIN ST'],
    ['100 main st.', '100 MAIN ST'],
    ['2500 North Lake Shore Drive, Suite 4', '2500 N LAKE SHORE DR STE 4'],
    ['12 Oak Avenue', '12 OAK AVE'],
    ['7 Mill Road Building 3 Floor 2', '7 MILL RD BLDG 3 FL 2'],
    ['P.O. Box 9000', 'PO BOX 9000'],
    ['Post Office Box 9000', 'PO BOX 9000'],
    ['55 Elm Blvd #12', '55 ELM BLVD # 12'],
  ])('normalises %p to %p', (line, normalised) => {
    expect(normaliseStreet(line)).toBe(normalised);
  });
});

describe('streetKey', () => {
  it('leaves the suite or floor out', () => {
    expect(streetKey('100 Main Street, Suite 200')).toBe('100 MAIN ST');
    expect(streetKey('100 Main St #200')).toBe('100 MAIN ST');
    expect(streetKey('Suite 5 Tower')).toBe('STE 5 TOWER');
  });
});

describe('normaliseAddress', () => {
  it('uppercases and abbreviates every part and writes a US ZIP+4 with a hyphen', () => {
    expect(
      normaliseAddress({ line1: '100 Main Street', line2: 'Suite 200', city: 'Springfield', region: 'Il', postalCode: '627041234', country: 'US' }),
    ).toEqual({ line1: '100 MAIN ST', line2: 'STE 200', city: 'SPRINGFIELD', region: 'IL', postalCode: '62704-1234', country: 'US' });
  });

  it('keeps a non-US postal code uppercased with single spaces', () => {
    expect(normaliseAddress({ line1: '1 High St', line2: null, city: 'London', region: null, postalCode: 'sw1a  1aa', country: 'GB' }).postalCode).toBe(
      'SW1A 1AA',
    );
  });
});

describe('addressKey', () => {
  it('gives the same key to two spellings of one address', () => {
    const erp = { line1: '100 Main Street', line2: 'Suite 200', city: 'Springfield', region: 'IL', postalCode: '62704-1234', country: 'US' };
    const purchasing = { line1: '100 main st., ste 200', line2: null, city: 'SPRINGFIELD', region: null, postalCode: '62704', country: 'US' };
    expect(addressKey(erp)).toBe('US|62704|100 MAIN ST');
    expect(addressKey(purchasing)).toBe(addressKey(erp));
  });

  it('gives different keys to different streets in one postal code', () => {
    const a = { line1: '100 Main St', line2: null, city: 'X', region: null, postalCode: '62704', country: 'US' };
    expect(addressKey({ ...a, line1: '102 Main St' })).not.toBe(addressKey(a));
  });
});
