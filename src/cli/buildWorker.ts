// A worker thread of `build --all`: builds the issues it is sent, one at a
// time, and posts each outcome back.
import { parentPort } from 'node:worker_threads';
import { Diagnostics } from '../diagnostics.js';
import { loadProject } from '../project/config.js';
import { buildOne, type IssueOutcome, type WorkerJob } from './buildRunner.js';

parentPort!.on('message', (job: WorkerJob) => {
  void (async () => {
    let outcome: IssueOutcome;
    const diags = new Diagnostics();
    const project = loadProject(job.root, diags);
    if (diags.hasErrors()) {
      outcome = { ref: job.ref, id: job.ref, outputs: [], diagnostics: diags.items, ms: 0 };
    } else {
      outcome = await buildOne(project, job.ref, job.options);
    }
    parentPort!.postMessage(outcome);
  })();
});
