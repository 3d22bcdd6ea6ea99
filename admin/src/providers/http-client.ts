import axios, { type AxiosError } from 'axios';
import type { HttpError } from '@refinedev/core';
import { authHeaders } from './session';

interface ApiErrorBody {
  statusCode?: number;
  message?: string | string[];
  errors?: Record<string, string | string[]>;
}

/**
 * simple-rest's own axios instance drops `response.data.errors`; Refine's antd useForm puts
 * `HttpError.errors` on the form fields (dotted paths reach Form.List rows), so keep them.
 */
export const httpClient = axios.create();

httpClient.interceptors.request.use((config) => {
  for (const [name, value] of Object.entries(authHeaders())) config.headers.set(name, value);
  return config;
});

httpClient.interceptors.response.use(
  (response) => response,
  async (error: AxiosError<ApiErrorBody | Blob>) => {
    // A file request (responseType blob) gets its JSON error body as a Blob.
    const data = error.response?.data;
    const body: ApiErrorBody | undefined =
      data instanceof Blob ? await data.text().then((text) => JSON.parse(text) as ApiErrorBody).catch(() => undefined) : data;
    const message = Array.isArray(body?.message) ? body.message.join('；') : body?.message;
    const httpError: HttpError = {
      message: message ?? error.message,
      statusCode: error.response?.status ?? 0,
      errors: body?.errors,
    };
    return Promise.reject(httpError);
  },
);
