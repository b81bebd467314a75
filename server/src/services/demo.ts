import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import type { UploadKind } from '@scoreboard/shared';
import { HttpError } from '../httpError';
import type { PolicyCatalog } from '../plugins/policies';
import type { UploadsService } from './uploads';

// Targets before actuals, the blacklist before the applications it judges.
const DEMO_FILES: UploadKind[] = ['unit-targets', 'unit-actuals', 'industry-output', 'credit-blacklist', 'subsidy-applications'];

/**
 * DEMO_DATA=1 on an empty database: commits data/demo/<policyId>/<kind>.csv through the same
 * upload path a statistician uses, as user "system", so the demo has batches that can be reverted.
 */
export async function seedDemoData(deps: {
  dataDir: string;
  policies: PolicyCatalog;
  uploads: Pick<UploadsService, 'upload'>;
  log: FastifyBaseLogger;
}): Promise<number> {
  let committed = 0;
  for (const { policy } of deps.policies.all()) {
    for (const kind of DEMO_FILES) {
      const file = join(deps.dataDir, 'demo', policy.policyId, `${kind}.csv`);
      if (!existsSync(file)) {
        deps.log.info({ file }, 'demo data file absent: skipped');
        continue;
      }
      try {
        await deps.uploads.upload({
          policyId: policy.policyId,
          kind,
          fileName: `示例数据-${kind}.csv`,
          data: readFileSync(file),
          dryRun: false,
          actor: 'system',
          lang: 'zh', // the server log's language
        });
        committed++;
      } catch (err) {
        // A broken demo file must not keep the server from starting; it is logged with every error.
        const errors = err instanceof HttpError ? err.extra.errors : undefined;
        deps.log.error({ file, err, errors }, 'demo data file could not be loaded');
      }
    }
  }
  if (committed) deps.log.info({ committed }, 'demo data loaded (示例数据)');
  return committed;
}
