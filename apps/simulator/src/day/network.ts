/**
 * The demo hospital network the simulator plays. Its ids match po-sync's reference data
 * (apps/po-sync/reference-data/demo-network.json): facilities, departments, cost centres,
 * GL accounts and tracked items.
 */
export interface Buyer {
  readonly facilityId: string;
  readonly departmentId: string;
  readonly costCentre: string;
  readonly glAccount: string;
}

export interface CatalogueItem {
  readonly itemId: string;
  readonly gtin: string;
  readonly description: string;
  readonly unitOfMeasure: string;
  /** Decimal string. */
  readonly unitPrice: string;
  readonly manufacturerName: string;
  readonly manufacturerPartNumber: string;
  readonly tracking: { readonly lot: boolean; readonly expiry: boolean; readonly serial: boolean; readonly udi: boolean };
  /** Serialised items are ordered one at a time. */
  readonly maxQuantity: number;
}

export interface DemoSupplier {
  /**
   * The network's supplier number: the ERP vendor id, which purchasing, AP automation and the
   * ERP's payments all quote, and which supplier-sync keeps as the canonical supplier id.
   */
  readonly supplierId: string;
  readonly legalName: string;
  readonly taxId: string;
  readonly duns: string;
  readonly address: { readonly line1: string; readonly city: string; readonly region: string; readonly postalCode: string; readonly country: string };
  readonly bank: { readonly routingNumber: string; readonly accountNumber: string };
  readonly paymentTermsCode: string;
  readonly sells: readonly string[];
}

export const BUYERS: readonly Buyer[] = [
  { facilityId: 'FAC-NORTH', departmentId: 'DEP-NORTH-ICU', costCentre: 'CC-4100', glAccount: '6100' },
  { facilityId: 'FAC-NORTH', departmentId: 'DEP-NORTH-OR', costCentre: 'CC-4200', glAccount: '6110' },
  { facilityId: 'FAC-NORTH', departmentId: 'DEP-NORTH-PHARM', costCentre: 'CC-4300', glAccount: '6200' },
  { facilityId: 'FAC-SOUTH', departmentId: 'DEP-SOUTH-ED', costCentre: 'CC-4400', glAccount: '6100' },
  { facilityId: 'FAC-SOUTH', departmentId: 'DEP-SOUTH-LAB', costCentre: 'CC-4500', glAccount: '6300' },
  { facilityId: 'FAC-CLINIC-EAST', departmentId: 'DEP-EAST-PRIMARY', costCentre: 'CC-4600', glAccount: '6100' },
];

export const ITEMS: readonly CatalogueItem[] = [
  {
    itemId: 'ITM-GLOVE-NITRILE-M',
    gtin: '00812345678905',
    description: 'Nitrile exam gloves, medium, box of 100',
    unitOfMeasure: 'BX',
    unitPrice: '8.95',
    manufacturerName: 'Northwind Medical',
    manufacturerPartNumber: 'NW-GLV-100M',
    tracking: { lot: true, expiry: false, serial: false, udi: false },
    maxQuantity: 200,
  },
  {
    itemId: 'ITM-SALINE-1L',
    gtin: '00812345678912',
    description: 'Sodium chloride 0.9% IV solution, 1 L bag',
    unitOfMeasure: 'EA',
    unitPrice: '2.47',
    manufacturerName: 'Fabrikam Pharma',
    manufacturerPartNumber: 'FP-NACL-1000',
    tracking: { lot: true, expiry: true, serial: false, udi: false },
    maxQuantity: 500,
  },
  {
    itemId: 'ITM-HIP-IMPLANT-52',
    gtin: '00812345678929',
    description: 'Acetabular cup, 52 mm, porous coated',
    unitOfMeasure: 'EA',
    unitPrice: '1840.00',
    manufacturerName: 'Contoso Orthopaedics',
    manufacturerPartNumber: 'CO-ACET-52',
    tracking: { lot: true, expiry: true, serial: true, udi: true },
    maxQuantity: 1,
  },
  {
    itemId: 'ITM-SYRINGE-10ML',
    gtin: '00812345678936',
    description: 'Luer-lock syringe, 10 mL, sterile',
    unitOfMeasure: 'EA',
    unitPrice: '0.38',
    manufacturerName: 'Litware Lab Products',
    manufacturerPartNumber: 'LW-SYR-10',
    tracking: { lot: true, expiry: true, serial: false, udi: false },
    maxQuantity: 1000,
  },
];

// Bank accounts and tax ids below are made up for the demo; the services tokenise them on arrival.
export const SUPPLIERS: readonly DemoSupplier[] = [
  {
    supplierId: 'V-10001',
    legalName: 'Northwind Medical Supply, Inc.',
    taxId: '12-3456789',
    duns: '123456789',
    address: { line1: '400 Commerce Drive', city: 'Columbus', region: 'OH', postalCode: '43215', country: 'US' },
    bank: { routingNumber: '011000015', accountNumber: '000123456789' },
    paymentTermsCode: 'NET30',
    sells: ['ITM-GLOVE-NITRILE-M', 'ITM-SYRINGE-10ML'],
  },
  {
    supplierId: 'V-10002',
    legalName: 'Contoso Orthopaedics LLC',
    taxId: '98-7654321',
    duns: '987654321',
    address: { line1: '75 Implant Way', city: 'Warsaw', region: 'IN', postalCode: '46580', country: 'US' },
    bank: { routingNumber: '021000021', accountNumber: '000987654321' },
    paymentTermsCode: 'NET45',
    sells: ['ITM-HIP-IMPLANT-52', 'ITM-GLOVE-NITRILE-M'],
  },
  {
    supplierId: 'V-10003',
    legalName: 'Fabrikam Pharma Distribution Corp.',
    taxId: '45-6789012',
    duns: '456789012',
    address: { line1: '9 Harbor Street', city: 'Memphis', region: 'TN', postalCode: '38103', country: 'US' },
    bank: { routingNumber: '026009593', accountNumber: '000555666777' },
    paymentTermsCode: 'NET30',
    sells: ['ITM-SALINE-1L', 'ITM-SYRINGE-10ML'],
  },
];
