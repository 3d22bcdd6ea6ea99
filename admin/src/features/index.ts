import type { AdminFeature } from './types';
import { applicationsFeature } from './applications';
import { cardsFeature } from './cards';
import { recordsFeature } from './records';
import { privacyFeature } from './privacy';

/** Every feature of the admin beyond members and the dashboard, in menu order. */
export const features: AdminFeature[] = [applicationsFeature, cardsFeature, recordsFeature, privacyFeature];
