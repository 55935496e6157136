import type { DuplicateFinding } from './duplicates';
import type { InvoiceException } from './invoice-outcome';
import type { NumberSimilarity } from './number-similarity';

/** A duplicate finding as the exception a person resolves; null when there is none. */
export function duplicateException(finding: DuplicateFinding): InvoiceException | null {
  switch (finding.kind) {
    case 'none':
      return null;
    case 'exact':
      return {
        reason: 'DUPLICATE',
        detail: `invoice ${finding.of} has the same supplier, invoice number and amount`,
        duplicateOf: finding.of,
      };
    case 'near': {
      const { similarity, numbers, daysApart } = finding.why;
      return {
        reason: 'NEAR_DUPLICATE',
        detail:
          `invoice ${finding.of} has the same supplier and amount, is dated ${daysApart} day(s) apart, ` +
          `and its number ${numbers[1]} is similar to ${numbers[0]} (${describeSimilarity(similarity)})`,
        duplicateOf: finding.of,
        why: finding.why,
      };
    }
  }
}

function describeSimilarity(similarity: NumberSimilarity): string {
  switch (similarity.rule) {
    case 'transposed-digits':
      return 'two digits transposed';
    case 'prefix':
      return 'one begins with the other';
    case 'suffix':
      return 'one ends with the other';
    case 'edit-distance':
      return `${similarity.distance} character(s) different`;
  }
}
