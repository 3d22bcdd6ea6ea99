import { useEffect, useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useNotification, useTranslate, type HttpError } from '@refinedev/core';
import { httpClient } from '../providers/http-client';
import { API_URL } from '../providers/data-provider';

function fileNameFrom(disposition: string | undefined, fallback: string): string {
  const star = disposition && /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star) return decodeURIComponent(star[1]);
  const plain = disposition && /filename="([^"]+)"/i.exec(disposition);
  return plain ? plain[1] : fallback;
}

/** An authenticated file from the API as a Blob (the token is a header, so a plain link would not do). */
export async function fetchFile(path: string, params: Record<string, unknown> = {}): Promise<{ blob: Blob; fileName: string | undefined }> {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue;
    for (const one of Array.isArray(v) ? v : [v]) query.append(k, String(one));
  }
  const qs = query.toString();
  const res = await httpClient.get<Blob>(`${API_URL}${path}${qs ? `?${qs}` : ''}`, { responseType: 'blob' });
  const disposition = res.headers['content-disposition'] as string | undefined;
  return { blob: res.data, fileName: disposition ? fileNameFrom(disposition, '') || undefined : undefined };
}

/** Saves a Blob under a file name through a temporary link. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Downloads an authenticated file. */
export async function download(path: string, params: Record<string, unknown> = {}, fallbackName = 'export.xlsx'): Promise<void> {
  const { blob, fileName } = await fetchFile(path, params);
  saveBlob(blob, fileName ?? fallbackName);
}

/** A download button's click handler; failures in the same notification as every other error. */
export function useDownload() {
  const { open } = useNotification();
  const t = useTranslate();
  const mutation = useMutation({
    mutationFn: ({ path, params, fallbackName }: { path: string; params?: Record<string, unknown>; fallbackName?: string }) => download(path, params, fallbackName),
    onError: (e: HttpError) => open?.({ type: 'error', key: 'api-error', message: e.message || t('downloads.failed') }),
  });
  const start = async (path: string, params?: Record<string, unknown>, fallbackName?: string) => {
    try {
      await mutation.mutateAsync({ path, params, fallbackName });
      return true;
    } catch {
      return false;
    }
  };
  return { start, busy: mutation.isPending };
}

/**
 * An authenticated file (a photo) as an object URL for an <img>, fetched once per path and
 * released when the component goes; null while loading, when absent or when it failed.
 */
export function useFileUrl(path: string | null): { url: string | null; failed: boolean; loading: boolean } {
  const query = useQuery({ queryKey: ['file', path], queryFn: () => fetchFile(path!).then((f) => f.blob), enabled: Boolean(path), staleTime: Infinity, retry: false });
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!query.data) return setUrl(null);
    const next = URL.createObjectURL(query.data);
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [query.data]);
  return { url, failed: query.isError, loading: query.isLoading };
}

/** Opens an authenticated file (a document) in a new tab; failures in the one error notification. */
export function useOpenFile() {
  const { open } = useNotification();
  const t = useTranslate();
  const mutation = useMutation({
    mutationFn: (path: string) => fetchFile(path).then(({ blob }) => void window.open(URL.createObjectURL(blob), '_blank')),
    onError: (e: HttpError) => open?.({ type: 'error', key: 'api-error', message: e.message || t('downloads.failed') }),
  });
  const start = (path: string) => mutation.mutateAsync(path).then(() => true, () => false);
  return { start, busy: mutation.isPending };
}
