// Preloaded into a service process (node --require) by `npm run bench -- --alloc-profile DIR`:
// samples where memory is allocated, including objects the garbage collector has already freed
// (what --heap-prof leaves out: it keeps only what is still live), and writes the profile to
// DIR/<pid>.heapprofile when the process exits. Summarise it with bench/alloc-top.ts.
'use strict';
const inspector = require('node:inspector');
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');

const dir = process.env.PROCURELINK_ALLOC_PROFILE_DIR;
if (dir) {
  const session = new inspector.Session();
  session.connect();
  session.post('HeapProfiler.enable');
  session.post('HeapProfiler.startSampling', { samplingInterval: 16384, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  process.once('exit', () => {
    // An in-process session answers synchronously, so this still runs before the process ends.
    session.post('HeapProfiler.stopSampling', (error, result) => {
      if (error) console.error(`alloc-sampler: no profile written: ${error.message}`);
      else writeFileSync(join(dir, `${process.pid}.heapprofile`), JSON.stringify(result.profile));
    });
  });
}
