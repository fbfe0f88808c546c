import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

/** The vendored official X-ARF v4 schemas (resources/xarf/SOURCE.md), cross-file $refs resolved by $id. */
export function xarfValidator() {
  const dir = join(__dirname, '../../../resources/xarf/v4');
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(JSON.parse(readFileSync(join(dir, 'xarf-core.json'), 'utf8')));
  return ajv.compile(JSON.parse(readFileSync(join(dir, 'types/connection-port-scan.json'), 'utf8')));
}
