// Uploading one file as an attachment: a button (or a file dropped on the area) sends it to
// POST /api/v1/attachments with a progress bar, and hands the stored Attachment to the caller.
// XMLHttpRequest rather than fetch, because only it reports upload progress.
import { Button, FileButton, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { IconCircleCheck, IconUpload } from '@tabler/icons-react';
import { useEffect, useId, useRef, useState, type DragEvent } from 'react';
import { ApiError, csrfHeaders, networkProblem, type Problem, type Schemas } from '../api/client';
import { useI18n } from '../i18n';
import { errorMessage } from './States';

export interface FileUploadProps {
  /** The organisation the file belongs to; the server defaults to the uploader's. */
  organizationId?: number;
  onUploaded: (a: Schemas['Attachment']) => void;
  label?: string;
  accept?: string;
}

/** The types the server stores: PDF, Word, Excel, PowerPoint, PNG, JPEG and CSV. */
export const attachmentAccept = [
  '.pdf',
  '.docx',
  '.xlsx',
  '.pptx',
  '.png',
  '.jpg',
  '.jpeg',
  '.csv',
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'image/png',
  'image/jpeg',
  'text/csv',
].join(',');

export const maxAttachmentBytes = 25 * 1024 * 1024;

type State =
  | { kind: 'idle' }
  | { kind: 'uploading'; name: string; progress: number }
  | { kind: 'done'; name: string }
  | { kind: 'failed'; error: unknown }
  | { kind: 'tooLarge' };

function problemOf(xhr: XMLHttpRequest): Problem {
  try {
    const body = JSON.parse(xhr.responseText) as unknown;
    if (body && typeof body === 'object' && 'status' in body && 'title' in body) return body as Problem;
  } catch {
    /* not JSON: a proxy's page, or nothing */
  }
  return networkProblem(xhr.status);
}

export function FileUpload({ organizationId, onUploaded, label, accept = attachmentAccept }: FileUploadProps) {
  const { t, locale } = useI18n();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [dragging, setDragging] = useState(false);
  const xhrRef = useRef<XMLHttpRequest | null>(null);
  const resetRef = useRef<() => void>(null);
  const id = useId();
  const title = label ?? t('common.uploadFile');

  // Leaving the page abandons an upload in flight.
  useEffect(() => () => xhrRef.current?.abort(), []);

  const upload = (file: File | null) => {
    resetRef.current?.();
    if (!file) return;
    if (file.size > maxAttachmentBytes) {
      setState({ kind: 'tooLarge' });
      return;
    }
    const body = new FormData();
    body.append('file', file, file.name);
    if (organizationId !== undefined) body.append('organization_id', String(organizationId));

    const xhr = new XMLHttpRequest();
    xhrRef.current = xhr;
    xhr.open('POST', '/api/v1/attachments');
    xhr.setRequestHeader('Accept', 'application/json');
    for (const [k, v] of Object.entries(csrfHeaders('POST'))) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) setState({ kind: 'uploading', name: file.name, progress: e.loaded / e.total });
    };
    xhr.onload = () => {
      xhrRef.current = null;
      if (xhr.status >= 200 && xhr.status < 300) {
        let attachment: Schemas['Attachment'];
        try {
          attachment = JSON.parse(xhr.responseText) as Schemas['Attachment'];
        } catch {
          setState({ kind: 'failed', error: new ApiError(networkProblem(xhr.status)) });
          return;
        }
        setState({ kind: 'done', name: attachment.filename || file.name });
        onUploaded(attachment);
      } else {
        setState({ kind: 'failed', error: new ApiError(problemOf(xhr)) });
      }
    };
    xhr.onerror = () => {
      xhrRef.current = null;
      setState({ kind: 'failed', error: new ApiError(networkProblem()) });
    };
    xhr.onabort = () => {
      xhrRef.current = null;
      setState({ kind: 'idle' });
    };
    setState({ kind: 'uploading', name: file.name, progress: 0 });
    xhr.send(body);
  };

  const busy = state.kind === 'uploading';
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    if (!busy) upload(e.dataTransfer.files[0] ?? null);
  };
  // Errors are kept as objects and worded at render time, so they follow a language switch.
  const failure =
    state.kind === 'failed' ? errorMessage(state.error, locale) : state.kind === 'tooLarge' ? t('common.fileTooLarge') : null;

  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      role="group"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-hint`}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
      style={{
        borderStyle: 'dashed',
        borderWidth: 2,
        borderColor: failure
          ? 'var(--mantine-color-red-6)'
          : dragging
            ? 'var(--mantine-color-manzuma-5, var(--mantine-primary-color-filled))'
            : undefined,
        background: dragging ? 'var(--mantine-primary-color-light)' : undefined,
      }}
    >
      <Stack gap="xs">
        <Group gap="sm" wrap="wrap">
          <FileButton onChange={upload} accept={accept} resetRef={resetRef} disabled={busy}>
            {(props) => (
              <Button {...props} variant="light" leftSection={<IconUpload size={18} aria-hidden />} disabled={busy}>
                <span id={`${id}-title`}>{title}</span>
              </Button>
            )}
          </FileButton>
          {busy && (
            <Button variant="subtle" color="gray" onClick={() => xhrRef.current?.abort()}>
              {t('common.cancel')}
            </Button>
          )}
        </Group>
        <div id={`${id}-hint`}>
          <Text size="xs" c="dimmed">
            {t('common.uploadHint')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('common.uploadDrop')}
          </Text>
        </div>
        {state.kind === 'uploading' && (
          <Stack gap={4} role="status">
            <Text size="sm" truncate>
              <bdi>{state.name}</bdi>
            </Text>
            <Progress
              value={Math.round(state.progress * 100)}
              aria-label={t('common.uploading', { percent: state.progress })}
              animated
            />
            <Text size="xs" c="dimmed">
              {t('common.uploading', { percent: state.progress })}
            </Text>
          </Stack>
        )}
        {state.kind === 'done' && (
          <Group gap={6} role="status" wrap="nowrap">
            <IconCircleCheck size={18} color="var(--mantine-color-green-7)" aria-hidden />
            <Text size="sm" c="teal.9">
              {t('common.uploaded', { name: state.name })}
            </Text>
          </Group>
        )}
        {failure && (
          <Text size="sm" c="red.9" role="alert">
            {failure}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
