import type { AdminFeature } from '../types';

export const cardsFeature: AdminFeature = {
  resources: [],
  routes: null,
  translations: { 'zh-CN': {}, en: {} },
};
