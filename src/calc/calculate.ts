/** One entry point for every calculator: flag text and presets in, numbers and derivation out. Pure. */
import { capacityInput, egressInput, inferInput, kvInput, serveInput, storageInput, trainInput } from './builders.js';
import { capacity } from './capacity.js';
import type { CalcResult } from './derivation.js';
import { egress } from './egress.js';
import type { CalcKind } from './flags.js';
import { infer } from './infer.js';
import { Reader, type Raw } from './inputs.js';
import { kv } from './kv.js';
import type { Presets } from './presets.js';
import { serve } from './serve.js';
import { storage } from './storage.js';
import { train } from './train.js';

const RUN: Record<CalcKind, (r: Reader) => CalcResult<object>> = {
  train: (r) => train(trainInput(r)),
  infer: (r) => infer(inferInput(r)),
  serve: (r) => serve(serveInput(r)),
  kv: (r) => kv(kvInput(r)),
  storage: (r) => storage(storageInput(r)),
  egress: (r) => egress(egressInput(r)),
  capacity: (r) => capacity(capacityInput(r)),
};

/** Runs calculator `kind`. Throws UsageError on bad input and MissingInput when a required flag is absent. */
export function calculate(kind: CalcKind, raw: Raw, presets: Presets): CalcResult<object> {
  return RUN[kind](new Reader(raw, presets));
}
