import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseReferenceFile } from './reference-file';

const demo = JSON.parse(readFileSync(resolve(__dirname, '../../../reference-data/demo-network.json'), 'utf8')) as Record<string, unknown[]>;
const item = (itemId: string | null, gtin: string | null) => ({ itemId, gtin, description: '', unspsc: null, manufacturerName: null, manufacturerPartNumber: null, supplierPartNumber: null, unitOfMeasure: 'EA' });

describe('parseReferenceFile', () => {
  it('when reading the demo network › knows its three active facilities and at least one inactive row of each kind', () => {
    const result = parseReferenceFile(demo);
    if (!result.ok) throw new Error(result.problems.join('\n'));
    const { reference } = result.directory;
    expect(['FAC-NORTH', 'FAC-SOUTH', 'FAC-CLINIC-EAST'].map((id) => reference.facility(id)?.active)).toEqual([true, true, true]);
    expect(reference.facility('FAC-WEST-CLOSED')?.active).toBe(false);
    expect(reference.department('DEP-NORTH-OLDRAD')?.active).toBe(false);
    expect(reference.costCentre('CC-4900')?.active).toBe(false);
    expect(reference.glAccount('6190')?.active).toBe(false);
    expect(result.directory.glAccountName('6100')).toBe('Medical and surgical supplies');
  });

  it('when an item is in the item master › gives its tracking flags by item id or by GTIN in any length', () => {
    const result = parseReferenceFile(demo);
    if (!result.ok) throw new Error('demo file refused');
    expect(result.directory.trackingOf(item('ITM-HIP-IMPLANT-52', null))).toEqual({ lotRequired: true, expiryRequired: true, serialRequired: true, udiRequired: true });
    expect(result.directory.trackingOf(item(null, '812345678905')).lotRequired).toBe(true);
    expect(result.directory.trackingOf(item('ITM-UNKNOWN', null))).toEqual({ lotRequired: false, expiryRequired: false, serialRequired: false, udiRequired: false });
  });

  it('when rows are broken › names every problem by path', () => {
    const result = parseReferenceFile({
      facilities: [{ facilityId: 'F1', name: 'One', legalEntity: 'E', active: 'yes', address: { line1: 'x', city: 'c', postalCode: '1', country: 'US' } }],
      departments: [{ departmentId: 'D1', name: 'Dept', facilityId: 'F9', active: true }],
      costCentres: [{ code: 'C1', name: 'CC', active: true }, { code: 'C1', name: 'CC again', active: true }],
      glAccounts: 'none',
    });
    expect(result.ok ? [] : result.problems).toEqual([
      'facilities[0].active must be true or false',
      'departments[0].facilityId names a facility not in facilities',
      'costCentres[1] repeats id C1',
      'glAccounts must be an array',
    ]);
  });
});
