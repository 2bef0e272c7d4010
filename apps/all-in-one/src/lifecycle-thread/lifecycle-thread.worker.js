// The lifecycle thread's entry (ADR 0028). A worker thread starts without the TypeScript loader its
// parent has (`npm start`'s `-r ./scripts/register.js`, or jest's transform), so it registers the
// same one before loading the TypeScript sources.
require('../../../../scripts/register.js');
require('./run-lifecycle-thread.ts');
