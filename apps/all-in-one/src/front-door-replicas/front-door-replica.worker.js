// A front-door replica's entry (ADR 0031). Like the lifecycle thread's, it registers the TypeScript
// loader its parent has before loading the sources.
require('../../../../scripts/register.js');
require('./run-front-door-replica.ts');
