import { classificationDetector } from './detect-classification.js';
import { controlDetector } from './detect-control.js';
import { declassDetector } from './detect-declass.js';
import { eoDetector } from './detect-eo.js';
import { foiaDetector } from './detect-foia.js';
import { pageDetector } from './detect-page.js';
import { privacyDetector } from './detect-privacy.js';
import { redactionDetector } from './detect-redaction.js';
import { stampDetector } from './detect-stamp.js';
import type { Detector } from './hit.js';

/** The built-in detectors, one per family, in the order their hits are reported at equal offsets. */
export const DETECTORS: readonly Detector[] = [
  pageDetector,
  stampDetector,
  classificationDetector,
  controlDetector,
  declassDetector,
  eoDetector,
  foiaDetector,
  privacyDetector,
  redactionDetector,
];
