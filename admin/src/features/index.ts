import type { AdminFeature } from './types';
import { workbenchFeature } from './workbench';
import { dashboardFeature } from './dashboard';
import { membersFeature } from './members';
import { applicationsFeature } from './applications';
import { cardsFeature } from './cards';
import { recordsFeature } from './records';
import { privacyFeature } from './privacy';
import { activitiesFeature } from './activities';
import { loginFeature } from './login';
import { merchantsFeature } from './merchants';

/** Every feature of the admin, in menu order. Adding one is one line here. */
export const features: AdminFeature[] = [workbenchFeature, dashboardFeature, membersFeature, applicationsFeature, cardsFeature, recordsFeature, privacyFeature, activitiesFeature, merchantsFeature, loginFeature];
