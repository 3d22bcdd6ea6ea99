import simpleRestDataProvider from '@refinedev/simple-rest';
import { httpClient } from './http-client';

export const API_URL = '/api';

export const dataProvider = simpleRestDataProvider(API_URL, httpClient);
